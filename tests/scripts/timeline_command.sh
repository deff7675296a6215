#!/usr/bin/env bash
# `cpconf timeline` as users and scripts meet it: the conventions every command keeps (help,
# exit codes, stdin, colour, formats that parse, inputs left alone) and the same bytes whatever
# the number of threads, checked on a generated corpus of a few hundred records.
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"
examples=$root/examples
as_of=(--as-of 2026-11-22)

out=$("$cpconf" timeline --help); grep -q -- "--due" <<<"$out" && grep -q -- "--case" <<<"$out" && grep -q -- "--within" <<<"$out"
check "timeline --help lists its options" $?
"$cpconf" timeline --as-of 2026-02-30 "$examples/patel-initial-2025-09.yaml" >/dev/null 2>&1; [[ $? -eq 2 ]]
check "a bad --as-of is exit 2" $?
"$cpconf" timeline --within 3 "$examples/patel-initial-2025-09.yaml" >/dev/null 2>&1; [[ $? -eq 2 ]]
check "--within without --due is a usage error" $?
"$cpconf" timeline --due --case X "$examples" >/dev/null 2>&1; [[ $? -eq 2 ]]
check "--due and --case exclude each other" $?
out=$("$cpconf" timeline "${as_of[@]}" "$examples" 2>&1); [[ $? -eq 2 ]] && grep -q "give one record file (found 6)" <<<"$out"
check "one conference's timeline wants one file" $?
out=$("$cpconf" timeline "${as_of[@]}" --case MBC-C-2025-0917 --format ics "$examples" 2>&1); [[ $? -eq 2 ]] && grep -q "text or json" <<<"$out"
check "--case prints text or json only" $?
out=$("$cpconf" timeline "${as_of[@]}" --case MBC-C-2025-091 "$examples" 2>&1); [[ $? -eq 2 ]] && grep -q "did you mean 'MBC-C-2025-0917'" <<<"$out"
check "an unknown case id is exit 2 with a suggestion" $?

# Exit status: 1 exactly when something is overdue.
"$cpconf" timeline --as-of 2026-05-20 "$examples/patel-review-2026-05.yaml" >/dev/null; check "nothing overdue is exit 0" $?
"$cpconf" timeline "${as_of[@]}" "$examples/hughes-initial-2026-03.yaml" >/dev/null; [[ $? -eq 1 ]]
check "an overdue review is exit 1" $?
"$cpconf" timeline "${as_of[@]}" --due --kind minutes "$examples" >/dev/null; check "--due with nothing overdue of that kind is exit 0" $?
"$cpconf" timeline "${as_of[@]}" --due "$examples" >/dev/null; [[ $? -eq 1 ]]; check "--due with overdue reviews is exit 1" $?

file=$examples/okafor-pre-birth-2026-06.yaml
a=$("$cpconf" timeline "${as_of[@]}" "$file"); b=$("$cpconf" timeline "${as_of[@]}" --stdin-filename piped.yaml - <"$file")
[[ ${a//$file/piped.yaml} == "$b" ]]; check "- reads stdin and reports --stdin-filename" $?

out=$("$cpconf" timeline "${as_of[@]}" --due "$examples" "$work/absent" 2>"$work/err"); rc=$?
[[ $rc -eq 2 ]] && grep -q "cannot read '$work/absent'" "$work/err" && grep -q "(6 records)" <<<"$out"
check "a missing path is exit 2 and the other records are still listed" $?

out=$("$cpconf" timeline "${as_of[@]}" --color always "$file"); grep -q $'\033\\[' <<<"$out"; check "--color always colours" $?
out=$("$cpconf" timeline "${as_of[@]}" "$file"); ! grep -q $'\033' <<<"$out"; check "no colour when not a terminal" $?
if command -v script >/dev/null; then
  out=$(NO_COLOR=1 script -qec "$(printf '%q ' "$cpconf" timeline "${as_of[@]}" "$file")" /dev/null); ! grep -q $'\033\\[' <<<"$out"
  check "NO_COLOR turns colour off on a terminal" $?
  out=$(script -qec "$(printf '%q ' "$cpconf" timeline "${as_of[@]}" "$file")" /dev/null); grep -q $'\033\\[' <<<"$out"
  check "colour on a terminal" $?
fi
out=$("$cpconf" timeline "${as_of[@]}" --color always --format json "$file"); ! grep -q $'\033' <<<"$out"
check "machine formats are never coloured" $?

# Machine formats parse, and agree with each other.
"$cpconf" timeline "${as_of[@]}" --format json "$file" >"$work/one.json"
"$cpconf" timeline "${as_of[@]}" --format csv "$file" >"$work/one.csv"
"$cpconf" timeline "${as_of[@]}" --due --within 400 --format json "$examples" >"$work/due.json"
"$cpconf" timeline "${as_of[@]}" --due --within 400 --format csv "$examples" >"$work/due.csv"
"$cpconf" timeline "${as_of[@]}" --case MBC-C-2025-0917 --format json "$examples" >"$work/case.json"
python3 - "$work" <<'PY'; check "json and csv parse and list the same entries" $?
import csv, json, sys
w = sys.argv[1]
one = json.load(open(f"{w}/one.json"))
rows = list(csv.DictReader(open(f"{w}/one.csv", newline="")))
assert len(rows) == len(one["entries"]) > 10, (len(rows), len(one["entries"]))
assert [r["kind"] for r in rows] == [e["kind"] for e in one["entries"]]
assert [r["status"] for r in rows] == [e["status"] for e in one["entries"]]
counts = one["summary"]
assert counts["met"] == sum(e["status"] == "met" for e in one["entries"])
due = json.load(open(f"{w}/due.json"))
rows = list(csv.DictReader(open(f"{w}/due.csv", newline="")))
assert len(rows) == len(due["items"]) > 0
assert [r["due"] for r in rows] == [i["due"] for i in due["items"]]
assert [i["due"][:10] for i in due["items"]] == sorted(i["due"][:10] for i in due["items"])
assert due["summary"]["overdue"] == sum(i["status"] == "overdue" for i in due["items"])
chain = json.load(open(f"{w}/case.json"))
assert [c["kind"] for c in chain["conferences"]] == ["initial", "review", "review"]
assert chain["next_review"] is None and chain["no_next_review_reason"].startswith("the plan ended")
PY

# The same bytes whatever the number of threads, in every mode and format.
python3 "$root/tests/scripts/make_timeline_corpus.py" "$work/corpus" 300 7
same=0
for format in text json csv ics; do
  "$cpconf" timeline "${as_of[@]}" --due --within 20 --format "$format" -j1 "$work/corpus" >"$work/j1.$format"
  "$cpconf" timeline "${as_of[@]}" --due --within 20 --format "$format" -j2 "$work/corpus" >"$work/j2.$format"
  cmp -s "$work/j1.$format" "$work/j2.$format" || same=1
done
[[ $(wc -l <"$work/j1.text") -gt 50 ]] || same=1
check "--due output is identical with -j1 and -j2 (text, json, csv, ics)" $same
a=$("$cpconf" timeline "${as_of[@]}" --case C00003 -j1 "$work/corpus"); b=$("$cpconf" timeline "${as_of[@]}" --case C00003 -j2 "$work/corpus")
[[ -n $a && $a == "$b" ]]; check "--case output is identical with -j1 and -j2" $?
a=$("$cpconf" timeline "${as_of[@]}" --due --sort chair "$work/corpus"); b=$("$cpconf" timeline "${as_of[@]}" --due --sort chair "$work/corpus")
[[ $a == "$b" ]]; check "output is deterministic" $?

out=$("$cpconf" timeline "${as_of[@]}" --due --grouping police --format csv "$work/corpus")
python3 - <<PY; check "--grouping keeps only items of attendees in that grouping" $?
import csv, io
rows = list(csv.DictReader(io.StringIO('''$out''')))
assert rows and all(r["grouping"] == "police" and r["kind"].startswith("report-to-") for r in rows), rows[:3]
PY

# The timeline and the timescale rules count deadlines the same way: on the rules' own firing
# examples, the examples and part of the corpus, judged as of a day after every event in them,
# each deadline the timeline shows missed or overdue is one a rule fires on, and the reverse.
consistent=0
for record in "$root"/tests/e2e/timescales/*.yaml "$root"/tests/e2e/timeline/*.yaml "$examples"/*.yaml \
              "$work"/corpus/C000[0-1]*.yaml; do
  case $record in */not-a-record.yaml) continue ;; esac
  "$cpconf" validate --no-config --as-of 2028-12-31 --format json "$record" >"$work/v.json"
  "$cpconf" timeline --no-config --as-of 2028-12-31 --format json "$record" >"$work/t.json"
  python3 - "$work/v.json" "$work/t.json" "$record" <<'PY' || consistent=1
import collections, json, sys
findings = [f for file in json.load(open(sys.argv[1]))["files"] for f in file["findings"]]
entries = json.load(open(sys.argv[2]))["entries"]
# Rules that judge an event against its deadline, and the timeline kind each speaks of. Those
# that also fire on an event never recorded once the deadline has passed count "overdue" too.
rules = {"report-late-to-family": ("report-to-family", False), "report-late-to-chair": ("report-to-chair", False),
         "initial-conference-late": ("initial-conference", True), "transfer-in-late": ("transfer-in-conference", True),
         "pre-birth-late": ("pre-birth-conference", True), "plan-late": ("plan", True),
         "core-group-late": ("core-group", True), "minutes-late": ("minutes", True),
         "amendment-late": ("amendment", False), "inquorate-not-reconvened": ("reconvene", True),
         "escalation-late": ("chair-escalation", False)}
fired = collections.Counter(rules[f["rule"]][0] for f in findings if f["rule"] in rules)
shown = collections.Counter()
for e in entries:
    for kind, missing_too in rules.values():
        if e["kind"] != kind:
            continue
        if (e["status"] == "missed" and e["late_by"]) or (missing_too and e["status"] == "overdue"):
            shown[kind] += 1
if fired != shown:
    print(f"{sys.argv[3]}: rules fire {dict(fired)}, the timeline shows {dict(shown)}")
    sys.exit(1)
PY
done
check "the timeline's missed and overdue deadlines are the timescale rules' findings" $consistent

before=$(cd "$examples" && sha256sum ./*.yaml)
"$cpconf" timeline "${as_of[@]}" --due "$examples" >/dev/null
"$cpconf" timeline "${as_of[@]}" --case MBC-C-2025-0917 "$examples" >/dev/null
after=$(cd "$examples" && sha256sum ./*.yaml)
[[ $before == "$after" ]]; check "inputs are never modified" $?

finish "timeline command"
