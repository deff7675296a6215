#!/usr/bin/env bash
# `cpconf validate --changed-since`: a throwaway git repository of the six examples, with a
# history of fixed dates, so that every run sees the same commits:
#   base  2026-01-10  the examples; transfer-in-ellis not yet signed off
#   B     2026-05-02  patel-initial's conference id changed (it was signed off 2025-10-09)
#   C     2026-10-20  transfer-in-ellis signed off (dated 2026-10-08): the change is the sign-off
#   not committed     hughes-initial edited (signed off 2026-04-13); new.yaml added, untracked: a
#                     copy of okafor in a case of its own, for the same unborn child
# Checked since base: hughes, new, patel-initial, transfer-in-ellis. Read for the cross-record
# rules only: patel-review-2025-12 and patel-review-2026-05, of patel-initial's case (the first
# review's previous conference is gone), and okafor, whose child new.yaml shares (two plans at
# once).
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"

export HOME=$work GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.org \
  GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.org
repo=$work/repo
commit() {  # commit DATE MESSAGE
  GIT_AUTHOR_DATE="$1T12:00:00+0000" GIT_COMMITTER_DATE="$1T12:00:00+0000" git -C "$repo" commit -qam "$2"
}
mkdir -p "$repo/records"
git -C "$repo" init -q -b main
cp "$root"/examples/*.yaml "$repo/records/"
ellis=$repo/records/transfer-in-ellis-2026-09.yaml
cp "$ellis" "$work/ellis-signed.yaml"
sed -i '/^  sign-off:$/,/^    on: /d' "$ellis"
git -C "$repo" add records
commit 2026-01-10 "The examples"
git -C "$repo" tag base
sed -i 's/^  id: patel-icpc-2025-09-16$/  id: patel-icpc-2025-09-16-a/' "$repo/records/patel-initial-2025-09.yaml"
commit 2026-05-02 "Rename the Patel initial conference"
commit_b=$(git -C "$repo" rev-parse HEAD)
cp "$work/ellis-signed.yaml" "$ellis"
commit 2026-10-20 "Sign off the Ellis transfer-in"
printf '# A late note.\n' >>"$repo/records/hughes-initial-2026-03.yaml"
sed -e 's/^  id: okafor-pbcpc-2026-06-15$/  id: new-pbcpc-2026-06-15/' -e 's/^  case: ADC-C-2026-0388$/  case: NEW-1/' \
  "$root/examples/okafor-pre-birth-2026-06.yaml" >"$repo/records/new.yaml"
status_before=$(git -C "$repo" status --porcelain; git -C "$repo" rev-parse HEAD; sha256sum "$repo"/records/*)

out=$(cd "$repo" && NO_COLOR=1 "$cpconf" validate --as-of 2026-11-22 --changed-since base records 2>&1); rc=$?
expected="records/hughes-initial-2026-03.yaml:19:9: error: the record was signed off on 2026-04-13 and changed on 2026-11-22 in changes not yet committed: a signed-off record is corrected by an addendum, or signed off again with the date of the change [edited-after-sign-off]
   19 |     on: 2026-04-13
      |         ^~~~~~~~~~
      = at conference.sign-off.on
records/patel-initial-2025-09.yaml:18:9: error: the record was signed off on 2025-10-09 and changed on 2026-05-02 in commit ${commit_b:0:12}: a signed-off record is corrected by an addendum, or signed off again with the date of the change [edited-after-sign-off]
   18 |     on: 2025-10-09
      |         ^~~~~~~~~~
      = at conference.sign-off.on
records/new.yaml:105:5: error: child 'P-305871' is given a plan at new-pbcpc-2026-06-15 (pre-birth 2026-06-15, records/new.yaml) while the plan made at okafor-pbcpc-2026-06-15 (pre-birth 2026-06-15, records/okafor-pre-birth-2026-06.yaml) is still open: a child has one plan at a time [overlapping-plans]
      = at decisions[0]
records/patel-review-2025-12.yaml:10:13: error: review patel-rcpc-2025-12-09 names previous conference 'patel-icpc-2025-09-16', which is not among the records of case 'MBC-C-2025-0917' given [previous-missing]
      = at conference.previous
4 files checked: 4 errors, 0 warnings, 0 info; 1 waived
exit: 1"
diff <(printf '%s\n' "$expected") <(printf '%s\nexit: %s\n' "$out" "$rc"); status=$?
check "only the changed records are checked; edits after sign-off and the broken case chain are reported" $status

status_after=$(git -C "$repo" status --porcelain; git -C "$repo" rev-parse HEAD; sha256sum "$repo"/records/*)
[[ $status_before == "$status_after" ]]; check "neither the records nor the repository are changed" $?

out=$(cd "$repo" && "$cpconf" validate --as-of 2026-11-22 records 2>&1)
[[ $(tail -n 1 <<<"$out") == "7 files checked: 2 errors, 0 warnings, 0 info; 1 waived" ]] &&
  grep -q 'previous-missing' <<<"$out" && grep -q 'overlapping-plans' <<<"$out" && ! grep -q 'edited-after-sign-off' <<<"$out"
check "without --changed-since every record is checked, and edits after sign-off are not looked for" $?

out=$(cd "$repo" && "$cpconf" validate --as-of 2026-11-22 --changed-since HEAD --format json records/ |
  python3 -c 'import json, sys; print(*(f["file"] for f in json.load(sys.stdin)["files"]))')
[[ $out == "records/hughes-initial-2026-03.yaml records/new.yaml" ]]
check "--changed-since HEAD checks only what is not committed yet (modified and untracked)" $?

for jobs in 1 2; do
  (cd "$repo" && "$cpconf" validate --as-of 2026-11-22 --changed-since base --format sarif -j "$jobs" records) \
    >"$work/j$jobs.sarif"
done
cmp -s "$work/j1.sarif" "$work/j2.sarif" && grep -q '"ruleId":"edited-after-sign-off"' "$work/j1.sarif"
check "-j1 and -j2 give the same bytes" $?

out=$(cd "$repo" && "$cpconf" validate --changed-since no-such-branch records 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: --changed-since no-such-branch in the git working tree $(cd "$repo" && pwd -P): 'no-such-branch' is not a revision of this repository" ]]
check "an unknown revision is exit 2, named" $?

mkdir "$work/plain" && cp "$root/examples/okafor-pre-birth-2026-06.yaml" "$work/plain/"
out=$("$cpconf" validate --changed-since base "$work/plain/okafor-pre-birth-2026-06.yaml" 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: --changed-since: '$work/plain/okafor-pre-birth-2026-06.yaml' is not in a git working tree" ]]
check "a record outside any git working tree is exit 2" $?

out=$("$cpconf" validate --changed-since base - <"$root/examples/okafor-pre-birth-2026-06.yaml" 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: --changed-since needs files in a git working tree, not standard input" ]]
check "standard input with --changed-since is exit 2" $?

finish "git changes"
