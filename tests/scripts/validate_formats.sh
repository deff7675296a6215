#!/usr/bin/env bash
# cpconf validate's formats for people, grep and spreadsheets, and what it shows: concise and
# csv say what json says, finding for finding; json and csv carry each record's conference, case,
# chair and date; --severity hides without changing the exit status; waived findings are counted
# and listed only with --show-waived; --statistics counts by rule, chair and file.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
source "$(dirname "$0")/../support/harness.sh"
as_of=(--as-of 2026-11-22 --no-config)

# Records with errors, warnings and info, cross-record findings among them, and a waived finding.
records="$work/records"
mkdir -p "$records"
cp -r "$root/tests/e2e/timescales/." "$records/"
find "$records" -name '*.out' -delete -o -name '*.err' -delete
cp "$root/examples/hughes-initial-2026-03.yaml" "$records/"
cd "$work" || exit 1
validate() { "$cpconf" validate "${as_of[@]}" "$@" records; }

validate --format json >json.out; json_rc=$?
validate --format concise >concise.out; concise_rc=$?
validate --format csv >csv.out; csv_rc=$?
validate --format text >text.out
[[ $json_rc -eq 1 && $concise_rc -eq 1 && $csv_rc -eq 1 ]]; check "json, concise and csv exit 1 on findings" $?

# The same findings in each, in the same order, with the same content.
python3 - <<'PY'; check "concise and csv hold exactly json's findings, in order, with the same content" $?
import csv, json, re
doc = json.load(open("json.out"))
want = [(f["file"], f["line"], f["column"], f["severity"], f["rule"], f["message"], f["path"])
        for file in doc["files"] for f in [dict(g, file=file["file"]) for g in file["findings"]]]
want += [(f["file"], f["line"], f["column"], f["severity"], f["rule"], f["message"], f["path"]) for f in doc["cross_record"]]
assert len(want) > 40, len(want)
lines = open("concise.out").read().splitlines()
line = re.compile(r"^(.+?):(\d+):(\d+): (error|warning|info) \[([a-z0-9-]+)\] (.*?)(?: \(at ([^ ]+)\))?$")
got = []
for text in lines[:-1]:
    m = line.match(text)
    assert m, text
    got.append((m[1], int(m[2]), int(m[3]), m[4], m[5], m[6], m[7] or ""))
assert got == want, [(a, b) for a, b in zip(got, want) if a != b][:3]
assert lines[-1].startswith("20 files checked: "), lines[-1]
rows = list(csv.reader(open("csv.out", newline="")))
assert rows[0] == ["file", "line", "column", "severity", "rule", "conference", "case", "chair", "date", "message",
                   "path", "waiver"], rows[0]
assert open("csv.out", "rb").read().count(b"\r\n") == len(rows)
got = [(r[0], int(r[1]), int(r[2]), r[3], r[4], r[9], r[10]) for r in rows[1:]]
assert got == want, [(a, b) for a, b in zip(got, want) if a != b][:3]
PY

# The conference's facts: in json per file, in csv per row; empty for cross-record findings.
python3 - <<'PY'; check "json and csv give each finding's conference id, case, chair and date" $?
import csv, json
doc = json.load(open("json.out"))
hughes = [f for f in doc["files"] if f["file"].endswith("hughes-initial-2026-03.yaml")][0]
assert hughes["conference"] == {"id": "hughes-icpc-2026-03-17", "case": "AFW-C-2026-0114", "chair": "Menna Cadwaladr",
                                "date": "2026-03-17"}, hughes["conference"]
facts = {f["file"]: f["conference"] for f in doc["files"]}
rows = list(csv.DictReader(open("csv.out", newline="")))
cross = len(doc["cross_record"])
assert cross > 0
for row in rows[:len(rows) - cross]:
    c = facts[row["file"]]
    assert (row["conference"], row["case"], row["chair"], row["date"]) == (c["id"], c["case"], c["chair"], c["date"]), row
    assert row["chair"] == "Test Chair" and row["date"], row
for row in rows[len(rows) - cross:]:
    assert (row["conference"], row["case"], row["chair"], row["date"]) == ("", "", "", ""), row
PY

# A formula in a record's text stays text in the spreadsheet.
mkdir -p formula
sed 's/^  chair: .*/  chair: "=HYPERLINK(1)"/' "$root/examples/okafor-pre-birth-2026-06.yaml" >formula/r.yaml
printf 'extra-key: 1\n' >>formula/r.yaml
printf 'cpconf: 1\nconference: {id: x\n' >broken.yaml
"$cpconf" validate "${as_of[@]}" --format csv formula >formula.csv
grep -q ",'=HYPERLINK(1)," formula.csv; check "csv: a chair that reads as a formula is quoted as text" $? || cat formula.csv
"$cpconf" validate "${as_of[@]}" --format csv absent.yaml broken.yaml >broken.csv 2>/dev/null
python3 - <<'PY'; check "csv: a record that does not load has empty facts; an unreadable input is a row with its reason" $?
import csv
rows = list(csv.DictReader(open("broken.csv", newline="")))
assert rows[0]["file"] == "absent.yaml" and rows[0]["severity"] == "error" and rows[0]["rule"] == "" \
    and "cannot read" in rows[0]["message"], rows[0]
assert rows[1]["file"] == "broken.yaml" and rows[1]["rule"] == "yaml-syntax" and rows[1]["conference"] == "", rows[1]
PY

# --severity shows some findings only; --fail-on alone sets the exit status.
out=$(validate --severity info --format concise); rc=$?
[[ $rc -eq 1 ]] && ! grep -qE ': (error|warning) \[' <<<"$out" && [[ $(grep -c ': info \[' <<<"$out") -eq 3 ]] &&
  [[ $(tail -n 1 <<<"$out") == "20 files checked: 18 errors, 28 warnings, 3 info; 1 waived; 46 not shown (--severity)" ]]
check "--severity info shows the 3 info, counts the rest, and errors still fail the run (exit 1)" $? || echo "$out"
validate --severity info --fail-on error --format concise >/dev/null; [[ $? -eq 1 ]]
check "--severity info --fail-on error: exit 1 for errors that are not shown" $?
validate --severity error,warning --fail-on never >/dev/null; check "--fail-on never: exit 0 whatever is shown" $?
out=$(validate --severity error,warning --format json)
python3 -c '
import json, sys
d = json.load(sys.stdin)
severities = {f["severity"] for file in d["files"] for f in file["findings"]} | {f["severity"] for f in d["cross_record"]}
assert severities == {"error", "warning"}, severities
assert d["summary"]["not_shown"] == 3 and d["summary"]["info"] == 3, d["summary"]' <<<"$out"
check "--severity error,warning in json: no info finding, 3 counted as not shown" $?
out=$("$cpconf" validate "${as_of[@]}" --severity fatal records 2>&1); [[ $? -eq 2 && $out == *fatal* ]]
check "--severity fatal is a usage error" $?

# Waived findings: counted, and listed only with --show-waived, one line each at the end.
grep -q "waived:" text.out; [[ $? -eq 1 ]] && [[ $(tail -n 1 text.out) == *"; 1 waived" ]]
check "text: the waived finding is counted, not listed" $?
out=$(validate --show-waived)
[[ $(tail -n 2 <<<"$out" | head -n 1) == "records/hughes-initial-2026-03.yaml:14:8: waived: "*"[long-conference] (waiver at line 377: "* ]]
check "text --show-waived: the waived finding is one line at the end, after the cross-record findings" $? ||
  tail -n 3 <<<"$out"
out=$(validate --show-waived --format concise); [[ $(grep -c "waived:" <<<"$out") -eq 1 ]]
check "concise --show-waived lists it too" $?
out=$(validate --show-waived --format csv)
grep -q ',long-conference,hughes-icpc-2026-03-17,.*,"line 377: Three children' <<<"$out" && ! grep -q "waiver at" csv.out &&
  ! grep -q 'long-conference,hughes' csv.out
check "csv --show-waived: a row with its waiver; without, none" $?
python3 -c 'import json,sys; d=json.load(open("json.out")); assert sum(len(f["waived"]) for f in d["files"]) == 1'
check "json keeps the waived finding without --show-waived" $?

# --statistics: by rule, chair and file, most first, in text and json.
out=$(validate --statistics --format json)
python3 - "$out" <<'PY'; check "json --statistics: counts by rule, chair and file that add up, sorted by count" $?
import json, sys
d = json.loads(sys.argv[1])
s = d["statistics"]
total = sum(len(f["findings"]) for f in d["files"]) + len(d["cross_record"])
for key, name in (("rules", "rule"), ("chairs", "chair"), ("files", "file")):
    counts = [e["count"] for e in s[key]]
    assert sum(counts) == total, (key, sum(counts), total)
    assert counts == sorted(counts, reverse=True), key
assert {"chair": None, "count": len(d["cross_record"])} in s["chairs"], s["chairs"]
assert s["chairs"][0]["chair"] == "Test Chair", s["chairs"]
by_rule = {e["rule"]: e["count"] for e in s["rules"]}
found = {}
for f in [g for file in d["files"] for g in file["findings"]] + d["cross_record"]:
    found[f["rule"]] = found.get(f["rule"], 0) + 1
assert by_rule == found, (by_rule, found)
PY
out=$(validate --statistics --severity error)
grep -q '^Findings by rule:$' <<<"$out" && grep -q '^Findings by chair:$' <<<"$out" && grep -q '^Findings by file:$' <<<"$out" &&
  [[ $(sed -n '/^Findings by chair:$/,/^Findings by file:$/p' <<<"$out" | grep -cE '^ +[0-9]+  ') -ge 2 ]] &&
  [[ $(sed -n '/^Findings by rule:$/,/^Findings by chair:$/p' <<<"$out" | grep -E '^ +[0-9]+  ' | awk '{s+=$1} END {print s}') -eq 18 ]]
check "text --statistics --severity error: three lists, counting the 18 errors shown" $? || echo "$out" | tail -30
out=$("$cpconf" validate "${as_of[@]}" --statistics --format sarif records 2>&1); [[ $? -eq 2 && $out == *statistics* ]]
check "--statistics with sarif is a usage error" $?

# --redact hides the names the ids give away, in json and csv alike; the chair, a professional, stays.
out=$("$cpconf" validate "${as_of[@]}" --redact --format csv --show-waived records/hughes-initial-2026-03.yaml)
python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert [(r["conference"], r["case"], r["chair"]) for r in rows] == [("children[0]-icpc-2026-03-17", "AFW-C-2026-0114",
                                                                     "Menna Cadwaladr")], rows' <<<"$out"
check "csv --redact: the conference id without the family's name, the chair named" $? || echo "$out"

finish "validate formats"
