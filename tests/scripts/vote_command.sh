#!/usr/bin/env bash
# cpconf vote through the binary: agreement with the decision rules, the same output whatever
# -j, machine formats that parse, colour, stdin, configuration, and usage errors.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
source "$(dirname "$0")/../support/harness.sh"
out=""

# --- The command and the rules agree: exit 1 from vote exactly when validate reports one of the
# four consistency rules. Records that do not load (vote exit 2) are left out.
rules=outcome-contradicts-votes,tie-without-casting-vote,casting-vote-without-tie,dissent-not-recorded
flagged=0 clean=0 disagree=""
for record in "$root"/examples/*.yaml "$root"/tests/e2e/decision/*.yaml "$root"/tests/e2e/vote/*.yaml \
  "$root"/tests/e2e/vote/summary/*.yaml; do
  "$cpconf" vote --no-config "$record" >/dev/null 2>&1; vote_rc=$?
  [[ $vote_rc -eq 2 ]] && continue
  findings=$("$cpconf" validate --no-config --color never "$record" --select "$rules" --fail-on never |
    grep -cE '\[(outcome-contradicts-votes|tie-without-casting-vote|casting-vote-without-tie|dissent-not-recorded)\]$')
  if [[ $findings -gt 0 ]]; then ((flagged++)); want=1; else ((clean++)); want=0; fi
  [[ $vote_rc -eq $want ]] || disagree+=" $(basename "$record") (vote $vote_rc, rules $findings)"
done
out="disagree:$disagree; flagged $flagged, clean $clean"
[[ -z $disagree && $flagged -ge 5 && $clean -ge 10 ]]
check "vote exits 1 exactly on the records the consistency rules flag ($flagged flagged, $clean clean)" $?

out=$("$cpconf" vote "$root/examples" 2>&1); rc=$?
[[ $rc -eq 0 ]] && grep -q '^6 records, 12 decisions: all consistent with the votes$' <<<"$out"
check "the examples are consistent with their votes (exit 0)" $?

# --- The same bytes whatever the number of threads, on 200 generated records.
corpus="$work/corpus"
mkdir -p "$corpus"
sources=("$root"/examples/*.yaml "$root"/tests/e2e/vote/summary/*.yaml "$root"/tests/e2e/vote/siblings-separately.yaml \
  "$root"/tests/e2e/vote/tie-without-casting-vote.yaml "$root"/tests/e2e/vote/over-rule.yaml)
n=0
while [[ $n -lt 200 ]]; do
  for source in "${sources[@]}"; do
    [[ $n -ge 200 ]] && break
    # A new conference id for each copy; the chair and date vary so filters and sorting have work to do.
    sed -e "s/^  id: \(.*\)$/  id: \1-$n/" -e "s/^  chair: .*$/  chair: Chair-$((n % 7))/" \
      "$source" > "$corpus/r$(printf '%03d' $n).yaml"
    ((n++))
  done
done
printf 'cpconf: 1\nconference: [\n' > "$corpus/r999-broken.yaml"
# And 200 varied records from the benchmark generator, a fifth of them with a fault.
python3 "$root/bench/generate.py" --records 200 --seed 11 --faults 0.2 "$work/generated" >/dev/null || exit 1
same=0 tried=0
for records in "$corpus" "$work/generated"; do
  for mode in "" "--format json" "--format csv" "--format markdown" "--dissent" "--dissent --format csv" \
    "--dissent --format json --grouping police" "--summary" "--summary --format json" "--summary --format csv" \
    "--summary --since 2026-01-01 --chair chair-3"; do
    ((tried++))
    # shellcheck disable=SC2086
    "$cpconf" vote $mode -j1 "$records" > "$work/j1.out" 2> "$work/j1.err"; rc1=$?
    # shellcheck disable=SC2086
    "$cpconf" vote $mode -j2 "$records" > "$work/j2.out" 2> "$work/j2.err"; rc2=$?
    if cmp -s "$work/j1.out" "$work/j2.out" && cmp -s "$work/j1.err" "$work/j2.err" && [[ $rc1 -eq $rc2 ]] &&
      [[ -s $work/j1.out ]]; then ((same++)); else out="differs: vote $mode $records (exit $rc1 / $rc2)"; fi
  done
done
[[ $same -eq $tried ]]; check "-j1 and -j2 print the same bytes, on stdout and stderr, in $same runs of 11 modes on 2 corpora" $?
"$cpconf" vote --summary "$corpus" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "a file that does not load makes the summary exit 2" $?

# On the generated records too, vote's inconsistencies are validate's findings of the four rules,
# rule for rule and decision for decision.
"$cpconf" vote --no-config --format json "$work/generated" > "$work/vote.json" 2>/dev/null
"$cpconf" validate --no-config --format json --fail-on never "$work/generated" --select "$rules" > "$work/validate.json"
out=$(python3 - "$work" <<'PY' 2>&1
import json, re, sys
work = sys.argv[1]
vote = json.load(open(f"{work}/vote.json"))
loaded = {r["file"] for r in vote["records"]}
mine = {(r["file"], f["rule"], f["path"]) for r in vote["records"] for d in r["decisions"] for f in d["inconsistencies"]}
rules = {(f["file"], g["rule"], g["path"]) for f in json.load(open(f"{work}/validate.json"))["files"]
         if f["file"] in loaded for g in f["findings"] if g["path"].startswith("decisions[")}
assert mine == rules, (sorted(mine - rules)[:5], sorted(rules - mine)[:5])
assert len(mine) >= 3, len(mine)
print(len(mine))
PY
); check "on 200 generated records vote and validate find the same $out inconsistencies" $?
out=$("$cpconf" vote --summary -j2 "$corpus" 2>/dev/null | head -4)
grep -q '^  files read *201$' <<<"$out" && grep -q '^  did not load *1$' <<<"$out"
check "the summary counts every file, and the one that did not load" $?

# --- Machine formats parse, and the summary's figures are the hand count of tests/e2e/vote/summary.
"$cpconf" vote --summary --format json "$root/tests/e2e/vote/summary" > "$work/summary.json"
"$cpconf" vote --summary --format csv "$root/tests/e2e/vote/summary" > "$work/summary.csv"
"$cpconf" vote --dissent --format csv "$corpus" > "$work/dissent.csv" 2>/dev/null
"$cpconf" vote --format csv "$corpus" > "$work/record.csv" 2>/dev/null
"$cpconf" vote --format json "$corpus" > "$work/record.json" 2>/dev/null
out=$(python3 - "$work" <<'PY' 2>&1
import csv, json, sys
work = sys.argv[1]
s = json.load(open(f"{work}/summary.json"))
# Hand count in tests/unit/test_vote_summary.cpp: 5 conferences, 8 decisions, ...
assert (s["files"], s["conferences"], s["decisions"]) == (5, 5, 8), s
assert s["decided_by"] == {"consensus": 2, "unanimous": 1, "majority": 1, "casting vote": 1,
                           "tie, no casting vote": 1, "over-rule": 1, "chair's decision": 1,
                           "no votes recorded": 0}, s["decided_by"]
assert (s["ties"], s["casting_votes"], s["over_rules"], s["inconsistent"]) == (2, 1, 1, 2)
police = [g for g in s["groupings"] if g["grouping"] == "police"][0]
assert (police["votes"], police["dissents"], police["dissent_percent"], police["escalated"]) == (7, 3, 42.9, 1)
assert [c["chair"] for c in s["chairs"]] == ["Ann Chair", "Ben Chair", "Cat Chair"]
# North Wales's emotional-psychological is counted as the national emotional.
assert s["categories"] == {"emotional": 3, "neglect": 3, "physical": 1}
assert len(s["social_care_prevailed"]) == 3
rows = list(csv.reader(open(f"{work}/summary.csv", newline="")))
assert ["grouping dissent", "police", "3", "7", "42.9", "1 escalated"] in rows, rows
for name in ("summary", "dissent", "record"):
    rows = list(csv.reader(open(f"{work}/{name}.csv", newline="")))
    assert len(rows) > 1 and len({len(r) for r in rows}) == 1, name
    assert open(f"{work}/{name}.csv", "rb").read().count(b"\r\n") >= len(rows), name
doc = json.load(open(f"{work}/record.json"))
assert len(doc["records"]) == 200 and len(doc["input_errors"]) == 1
PY
); check "JSON and CSV parse in every mode, and the summary's figures are the hand count" $?

# --- Colour, stdin, input errors, configuration.
record="$root/tests/e2e/vote/tie-without-casting-vote.yaml"
out=$("$cpconf" vote --color always "$record"); grep -q $'\033\\[' <<<"$out"; check "--color always colours" $?
out=$(NO_COLOR=1 "$cpconf" vote "$record"); ! grep -q $'\033' <<<"$out"; check "no colour when not a terminal" $?
if command -v script >/dev/null; then
  out=$(NO_COLOR=1 script -qec "$(printf '%q ' "$cpconf" vote "$record")" /dev/null); ! grep -q $'\033\\[' <<<"$out"
  check "NO_COLOR turns colour off on a terminal" $?
  out=$(script -qec "$(printf '%q ' "$cpconf" vote "$record")" /dev/null); grep -q $'\033\\[' <<<"$out"
  check "colour on a terminal" $?
fi
out=$("$cpconf" vote --stdin-filename piped.yaml - < "$record"); rc=$?
[[ $rc -eq 1 ]] && grep -q '^piped.yaml$' <<<"$out"; check "- reads stdin and reports --stdin-filename" $?
out=$("$cpconf" vote "$work/absent.yaml" "$root/examples/okafor-pre-birth-2026-06.yaml" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -q "cannot read '$work/absent.yaml'" <<<"$out" && grep -q 'okafor-pbcpc-2026-06-15' <<<"$out"
check "a missing path is exit 2 and the other files are still shown" $?

mkdir -p "$work/project"
sed '/^  profile: /d' "$root/tests/e2e/vote/over-rule.yaml" > "$work/project/r.yaml"
printf 'cpconf-config: 1\nprofile: west-berkshire\n' > "$work/project/.cpconf.yaml"
out=$(cd "$work/project" && "$cpconf" vote r.yaml); grep -q '^profile west-berkshire: chair decides' <<<"$out"
check "the profile set in .cpconf.yaml decides the mode, as for validate" $?
out=$(cd "$work/project" && "$cpconf" vote --no-config r.yaml); grep -q '^profile england: chair decides' <<<"$out"
check "--no-config leaves the record to the default profile" $?
out=$(cd "$work/project" && "$cpconf" vote --profile north-wales r.yaml); grep -q '^profile north-wales: grouping vote' <<<"$out"
check "--profile wins over the configuration" $?

# --- Usage errors are exit 2 with a message.
usage() {  # usage NAME ARGS...: exit 2 and a message on stderr
  local name=$1; shift
  out=$("$cpconf" vote "$@" 2>&1 >/dev/null); [[ $? -eq 2 && -n $out ]]; check "$name" $?
}
usage "--child does not combine with --summary" --summary --child c1 "$record"
usage "--grouping needs --dissent" --summary --grouping police "$record"
usage "--since needs --dissent or --summary" --since 2026-01-01 "$record"
usage "a bad --until date" --dissent --until 2026-02-30 "$record"
usage "--dissent and --summary exclude each other" --dissent --summary "$record"
usage "-j 0" -j 0 "$record"
usage "an unknown profile" --profile nowhere "$record"

before=$(cd "$root/tests/e2e/vote" && sha256sum ./*.yaml summary/*.yaml)
"$cpconf" vote --summary "$root/tests/e2e/vote" >/dev/null 2>&1
after=$(cd "$root/tests/e2e/vote" && sha256sum ./*.yaml summary/*.yaml)
[[ $before == "$after" ]]; check "inputs are never modified" $?

# --- --width: the reasoning and the longer facts wrap within it, nothing is lost, and without
# a terminal (as here) the default is whole lines.
for mode in "" --dissent; do
  for width in 80 60; do
    "$cpconf" vote --no-config $mode --width "$width" "$root/examples" >"$work/wrapped" 2>/dev/null
    "$cpconf" vote --no-config $mode "$root/examples" >"$work/whole" 2>/dev/null
    python3 - "$work/wrapped" "$work/whole" "$width" <<'PY'; check "vote ${mode:-records} --width $width: reasoning within $width columns, the same words in the same order" $?
import sys
wrapped, whole = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
width = int(sys.argv[3])
# Lines that start with six blanks hold reasoning moved under its vote; lines that start with
# more than six hold wrapped facts or reasoning: all must fit.
long = [l for l in wrapped.splitlines() if l.startswith("      ") and len(l) > width]
assert not long, long
assert wrapped.split() == whole.split(), "words differ"
assert wrapped != whole, "nothing was wrapped"
PY
  done
done
[[ $("$cpconf" vote --no-config --width 0 "$root/examples") == $("$cpconf" vote --no-config "$root/examples") ]]
check "vote --width 0 and output that is not a terminal keep whole lines" $?

finish "vote command"
