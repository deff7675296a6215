#!/usr/bin/env bash
# `cpconf new`: skeletons of every kind, a review carried forward from each shipped example that
# has a plan, and the conventions (-o never overwrites, stdin, exit codes, inputs untouched).
# A review written from a record must pass the record rules as it is, and the other rules must
# report only what the conference has still to supply.
set -u
cpconf=$1
root=$2
examples=$root/examples
source "$(dirname "$0")/../support/harness.sh"
clean='1 file checked: 0 errors, 0 warnings, 0 info'

review=$work/patel-review.yaml
"$cpconf" new review --previous "$examples/patel-initial-2025-09.yaml" --date 2025-12-08 > "$review"
check "new review --previous is exit 0" $?
out=$("$cpconf" validate --select record "$review"); rc=$?
[[ $rc -eq 0 && $out == "$clean" ]]; check "the review passes the record rules as written" $?
# "path rule" of each finding of validate's json, the cross-record ones too: the lines they are
# on depend on how the header comment wraps the previous record's path, which is not the point.
findings_by_path() {
  python3 -c 'import json, sys
d = json.load(sys.stdin)
for f in [f for r in d["files"] for f in r["findings"]] + d["cross_record"]:
    print(f["path"], f["rule"])'
}
out=$("$cpconf" validate --format json --as-of 2025-12-08 "$review"); rc=$?
# Anaya (children[0]) and Dev (children[1]) await their decisions; nothing else is missing
# (Anaya is 9 on the day, so no invitation is expected).
[[ $rc -eq 1 && $(findings_by_path <<<"$out") == $'children[0] decision-missing\nchildren[1] decision-missing' ]]
check "all rules report only the two decisions still to be made" $?
[[ $rc -eq 1 ]] || echo "$out"
out=$("$cpconf" validate --format json --as-of 2025-12-08 "$examples/patel-initial-2025-09.yaml" "$review")
[[ $(findings_by_path <<<"$out") == $'children[0] decision-missing\nchildren[1] decision-missing' ]]
check "with its initial conference, the case rules find the review in time and its previous present" $?
grep -qxF '  start: 2025-12-08 10:00     # the first review is due within 3 months of 2025-09-16, by 2025-12-16; check the time' "$review"
check "--date sets the start, at the previous conference's time, with the due date" $?
grep -qxF '  id: MBC-C-2025-0917-review-2025-12-08 # unique: a later review names it as its previous conference' "$review" &&
  grep -qxF '  previous: patel-icpc-2025-09-16 # the id of the conference before this one' "$review" &&
  grep -qxF '  chair: Jonathan Ashby       # as at the previous conference' "$review"
check "the id is made of the case and date; previous and chair are carried" $?
[[ $(grep -c '^    attendance: present       # check: present or apologies$' "$review") -eq 9 ]]
check "all nine attendees are carried, attendance to check" $?
grep -qxF '#     categories: [neglect]   # the plan'"'"'s categories so far' "$review"
check "the decision template carries the plan's category" $?

out=$("$cpconf" new review --previous "$examples/patel-initial-2025-09.yaml" | grep '^  start:')
[[ $out == '  start: 2025-12-09 10:00     # the date set at the previous conference (the first review is due within 3 months of 2025-09-16, by 2025-12-16); check the time' ]]
check "without --date, the review is on the next-review date the previous conference set" $?
# 2026-05-12 + 6 months = 2026-11-12, a Thursday: the default when no next review is set.
sed '/^  next-review:/d' "$examples/patel-review-2025-12.yaml" > "$work/no-next.yaml"
out=$("$cpconf" new review --previous "$work/no-next.yaml" | grep '^  start:')
[[ $out == '  start: 2026-06-09 14:00     # the last working day by the due date (the next review is due within 6 months of 2025-12-09, by 2026-06-09); check the time' ]]
check "without a next-review date, the review falls on its due date, 6 months after a review" $?

for example in hughes-initial-2026-03 okafor-pre-birth-2026-06 patel-initial-2025-09 patel-review-2025-12 \
               transfer-in-ellis-2026-09; do
  out=$("$cpconf" new review --previous "$examples/$example.yaml" | "$cpconf" validate --select record -)
  [[ $out == "$clean" ]]; check "a review following $example passes the record rules" $?
done
"$cpconf" new review --previous "$examples/hughes-initial-2026-03.yaml" > "$work/hughes.yaml"
# The header comment as one line, whatever its wrapping (it holds the previous record's path).
header=$(sed -n '3,/^conference:/{/^# /s/^# //p}' "$work/hughes.yaml" | tr '\n' ' ')
grep -qF 'Left out: Osian Hughes (c2), who has no plan; Mererid Thomas (a6, professional), involved only with children who have no plan. Fill in' <<<"$header" &&
  ! grep -q 'id: c2$' "$work/hughes.yaml" && ! grep -q 'id: a6$' "$work/hughes.yaml"
check "a child whose plan ended, and a professional only involved with him, are left out and named" $?
grep -qxF '    members: [a10]' "$work/hughes.yaml"; check "the chair's groupings are carried" $?

if [[ -x $root/tests/schema/node_modules/.bin/ajv ]]; then
  "$cpconf" new review --previous "$examples/okafor-pre-birth-2026-06.yaml" > "$work/okafor.yaml"
  bash "$root/tests/schema/check.sh" valid "$review" "$work/hughes.yaml" "$work/okafor.yaml" >/dev/null
  check "reviews written from records validate against the JSON Schema (ajv)" $?
else
  echo "FAIL $root/tests/schema/node_modules is missing: run 'bash .ci/setup'"; ((failures++))
fi

out=$("$cpconf" new review --previous "$examples/patel-review-2026-05.yaml" 2>&1 >"$work/stdout"); rc=$?
[[ $rc -eq 2 && ! -s $work/stdout && $out == "cpconf: error: '$examples/patel-review-2026-05.yaml': conference patel-rcpc-2026-05-12 ended the plan of every child, so no review follows it" ]]
check "no review follows a conference that ended every plan (exit 2)" $?

printf 'cpconf: 1\nconference:\n  id: x\n' > "$work/broken.yaml"
out=$("$cpconf" new review --previous "$work/broken.yaml" 2>&1 >"$work/stdout"); rc=$?
[[ $rc -eq 2 && ! -s $work/stdout ]] && grep -q "^$work/broken.yaml:3:3: error: required key 'case' is missing" <<<"$out" &&
  [[ $(tail -n 1 <<<"$out") == "cpconf: error: '$work/broken.yaml' does not load as a record, so no review can follow it" ]]
check "a previous record that does not load: its findings with line and column, exit 2, nothing written" $?
[[ $rc -eq 2 ]] || echo "$out"
out=$("$cpconf" new review --previous "$work/absent.yaml" 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: cannot read '$work/absent.yaml': No such file or directory" ]]
check "a missing previous record is exit 2" $?

"$cpconf" new review --previous - --stdin-filename last.yaml < "$examples/patel-initial-2025-09.yaml" > "$work/piped.yaml"
check "--previous - reads stdin" $?
grep -qxF '# A review conference following patel-icpc-2025-09-16 (last.yaml), written by '"'"'cpconf new'"'"':' "$work/piped.yaml"
check "--stdin-filename names the piped record" $?

for kind in initial pre-birth transfer-in review; do
  out=$("$cpconf" new "$kind" --case AFW-9 | "$cpconf" validate --select record - | sed -nE 's/.*\[([a-z-]+)\]$/\1/p' | sort -u)
  [[ $out == missing-field ]]; check "a new $kind record's only record findings are its empty values" $?
done
out=$("$cpconf" new initial --case AFW-9 --date 2026-03-10 | sed -n '7p;13p')
[[ $out == $'  id: AFW-9-initial-2026-03-10 # unique: a later review names it as its previous conference\n  start: 2026-03-10 10:00     # check the time; within 15 working days of the strategy discussion' ]]
check "--case and --date give the id and the start" $?
"$cpconf" new initial --profile north-wales | grep -qxF '# Each grouping votes; a 50/50 split is settled by the chair'"'"'s casting-vote.'
check "--profile north-wales explains the grouping vote" $?

# The editor line names the schema shipped with the program: for one run from its build folder,
# the source tree's (the installed one is tested by install_and_deb.sh), or --schema.
# A path with a space or a byte beyond the plain ones is a percent-encoded file:// URL: editors
# read the schema up to the first space.
shipped=$(realpath "$root/schemas/conference.schema.json")
[[ $shipped =~ ^[A-Za-z0-9._~/+@,=:-]*$ ]] ||
  shipped=$(python3 -c 'import sys, urllib.parse; print("file://" + urllib.parse.quote(sys.argv[1], safe="/-._~+@,=:"))' "$shipped")
expected="# yaml-language-server: \$schema=$shipped"
[[ $("$cpconf" new initial | head -n 1) == "$expected" ]]; check "run from its build folder, the first line names the source tree's schema, which exists" $?
[[ $("$cpconf" new initial --schema ../schemas/conference.schema.json | head -n 1) == '# yaml-language-server: $schema=../schemas/conference.schema.json' ]]
check "--schema replaces it" $?

"$cpconf" new initial -o "$work/out.yaml"; rc=$?
[[ $rc -eq 0 && $(stat -c %a "$work/out.yaml") == 600 ]] && cmp -s "$work/out.yaml" <("$cpconf" new initial)
check "-o writes the skeleton, readable by its owner only" $?
echo 'keep me' > "$work/taken.yaml"
out=$("$cpconf" new initial -o "$work/taken.yaml" 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: '$work/taken.yaml' already exists; cpconf new never overwrites a file" &&
   $(cat "$work/taken.yaml") == 'keep me' ]]
check "-o never overwrites (exit 2, the file unchanged)" $?
ln -s "$work/nowhere" "$work/dangling.yaml"
"$cpconf" new initial -o "$work/dangling.yaml" >/dev/null 2>&1; [[ $? -eq 2 && ! -e $work/nowhere ]]
check "-o does not write through a dangling symbolic link" $?
"$cpconf" new initial -o "$work/no/such/dir.yaml" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "-o into a missing folder is exit 2" $?

"$cpconf" new initial --previous "$examples/patel-initial-2025-09.yaml" >/dev/null 2>&1; [[ $? -eq 2 ]]
check "--previous with a kind other than review is exit 2" $?
"$cpconf" new review --previous "$examples/patel-initial-2025-09.yaml" --case X >/dev/null 2>&1; [[ $? -eq 2 ]]
check "--previous with --case is exit 2" $?
out=$("$cpconf" new review --date 2025-02-30 2>&1); [[ $? -eq 2 && $out == "cpconf: error: --date '2025-02-30' is not a real date: the year must be 1900 or later, the month 01 to 12 and the day one that month has" ]]
check "an impossible --date is exit 2" $?
"$cpconf" new interim >/dev/null 2>&1; [[ $? -eq 2 ]]; check "an unknown kind is exit 2" $?
"$cpconf" new initial --profile englnd >/dev/null 2>&1; [[ $? -eq 2 ]]; check "an unknown profile is exit 2" $?
"$cpconf" new >/dev/null 2>&1; [[ $? -eq 2 ]]; check "no kind is exit 2" $?

before=$(cd "$examples" && sha256sum ./*.yaml)
for example in "$examples"/*.yaml; do "$cpconf" new review --previous "$example" >/dev/null 2>&1; done
[[ $before == "$(cd "$examples" && sha256sum ./*.yaml)" ]]; check "inputs are never modified" $?
a=$("$cpconf" new review --previous "$examples/hughes-initial-2026-03.yaml"); b=$("$cpconf" new review --previous "$examples/hughes-initial-2026-03.yaml")
[[ $a == "$b" ]]; check "output is deterministic" $?

finish "new command"
