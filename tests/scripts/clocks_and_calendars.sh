#!/usr/bin/env bash
# Clocks and calendars through the binary: clock-hour deadlines in UK time across the clock
# changes whatever TZ says, a profile's bank holidays and initial-conference clock, and one
# vocabulary of categories in figures across profiles.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
source "$(dirname "$0")/../support/harness.sh"
out=""

# record FILE START REPORT [MORE CONFERENCE KEYS]: an initial conference under england with one
# report to the family.
record() {
  cat > "$1" <<YAML
cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  profile: england
  strategy-discussion: 2026-03-02
  start: $2
  chair: Test Chair
$4
children:
  - {id: c1, name: Test Child, born: 2019-05-01}
attendees:
  - id: a1
    name: Test Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
    report:
      to-family: $3
YAML
}
# late RULE ARGS...: validate's findings of one rule; "ERROR" when validate fails (exit 2 or a crash), so
# that a check that no finding is made cannot pass on a command that did not run.
late() {
  local text rc
  text=$("$cpconf" validate --no-config --color never --select "$1" --fail-on never "${@:2}" 2>&1); rc=$?
  if [[ $rc -ne 0 ]]; then echo "ERROR (exit $rc): $text"; else echo "$text"; fi
}

# --- 48 hours are elapsed hours of UK time. Monday 30 March 2026 10:00 BST is 09:00 GMT: the
# deadline is Saturday 28 March 09:00, so a report at 09:30 is 30 minutes late.
record "$work/march.yaml" "2026-03-30 10:00" "2026-03-28 09:30" ""
want="due at least 48 hours before, by 2026-03-28 09:00: 30 minutes late"
same=0
for zone in "" UTC Europe/London America/New_York Asia/Tokyo Pacific/Chatham; do
  if [[ -z $zone ]]; then got=$(env -u TZ "$cpconf" validate --no-config --color never --select report-late-to-family \
    --fail-on never "$work/march.yaml" 2>&1)
  else got=$(TZ=$zone "$cpconf" validate --no-config --color never --select report-late-to-family --fail-on never \
    "$work/march.yaml" 2>&1); fi
  grep -qF "$want" <<<"$got" && ((same++))
  out=$got
done
[[ $same -eq 6 ]]
check "after the clocks go forward, 48 hours before 10:00 on Monday is 09:00 on Saturday, in every TZ" $? || echo "$out"

# Monday 26 October 2026 10:00 GMT: the deadline is Saturday 24 October 11:00 BST; 10:30 is on time.
record "$work/october.yaml" "2026-10-26 10:00" "2026-10-24 10:30" ""
out=$(TZ=America/Los_Angeles late report-late-to-family "$work/october.yaml")
! grep -q "report-late-to-family\|^ERROR" <<<"$out"
check "after the clocks go back, a report at 10:30 on Saturday is on time for 10:00 on Monday" $? || echo "$out"
record "$work/october-late.yaml" "2026-10-26 10:00" "2026-10-24 11:30" ""
out=$(late report-late-to-family "$work/october-late.yaml")
grep -qF "by 2026-10-24 11:00: 30 minutes late" <<<"$out"
check "after the clocks go back, 11:30 on Saturday is 30 minutes late" $? || echo "$out"

# The timeline shows the same due time.
out=$("$cpconf" timeline --no-config --color never --as-of 2026-11-22 "$work/march.yaml" 2>&1)
grep -q "2026-03-28 09:00" <<<"$out"
check "cpconf timeline gives the report deadline of 09:00 across the March change" $? || echo "$out"

# --- A profile's bank holidays and the clock of the initial conference.
profile="$work/local.yaml"
cat > "$profile" <<'YAML'
cpconf-profile: 1
name: local
extends: england
bank-holidays:
  add: [2026-03-23]
YAML
printf 'cpconf-profile: 1\nname: moved\nextends: england\nbank-holidays:\n  remove: [2026-04-06]\n' > "$work/moved.yaml"
# Strategy discussion Mon 2 March, conference Tue 24 March: the 16th working day, or the 15th
# when Monday 23 March is a bank holiday.
record "$work/initial.yaml" "2026-03-24 10:00" "2026-03-20 10:00" ""
out=$(late initial-conference-late "$work/initial.yaml")
grep -qF "16 working days after the strategy discussion on 2026-03-02" <<<"$out"
check "under england the conference on the 16th working day is late" $? || echo "$out"
out=$(late initial-conference-late --profile "$profile" "$work/initial.yaml")
! grep -q "initial-conference-late\|^ERROR" <<<"$out"
check "a bank holiday the profile adds is not a working day" $? || echo "$out"
# Strategy discussion Fri 20 March, conference Tue 14 April: on time over Easter, late when the
# profile removes Easter Monday.
sed -e 's/strategy-discussion: 2026-03-02/strategy-discussion: 2026-03-20/' -e 's/start: 2026-03-24 10:00/start: 2026-04-14 10:00/' \
  "$work/initial.yaml" > "$work/easter.yaml"
out=$(late initial-conference-late "$work/easter.yaml")
! grep -q "initial-conference-late\|^ERROR" <<<"$out"
check "under england, Easter 2026 adds two days to the count" $? || echo "$out"
out=$(late initial-conference-late --profile "$work/moved.yaml" "$work/easter.yaml")
grep -qF "by 2026-04-13: 1 working day late; not counting Good Friday 2026-04-03" <<<"$out"
check "a bank holiday the profile removes is a working day" $? || echo "$out"

printf 'cpconf-profile: 1\nname: bad\nextends: england\nbank-holidays:\n  remove: [2026-04-07]\n' > "$work/bad.yaml"
out=$("$cpconf" validate --no-config --profile "$work/bad.yaml" "$work/initial.yaml" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -qF "bad.yaml:5:" <<<"$out" && grep -qF "2026-04-07 is not a bank holiday of England and Wales" <<<"$out"
check "removing a day that is not a bank holiday is refused at its line (exit 2)" $? || echo "$rc $out"

printf 'cpconf-profile: 1\nname: s47\nextends: england\ninitial-conference-from: s47-started\n' > "$work/s47.yaml"
record "$work/s47-record.yaml" "2026-03-25 10:00" "2026-03-20 10:00" "  s47-started: 2026-03-04"
out=$(late initial-conference-late "$work/s47-record.yaml")
grep -qF "17 working days after the strategy discussion" <<<"$out"
check "from the strategy discussion, the conference on 25 March is late" $? || echo "$out"
out=$(late initial-conference-late --profile "$work/s47.yaml" "$work/s47-record.yaml")
! grep -q "initial-conference-late\|^ERROR" <<<"$out"
check "initial-conference-from: s47-started counts from the start of the enquiry" $? || echo "$out"

# --- One vocabulary: the examples (England and North Wales) summed by national category.
out=$("$cpconf" vote --no-config --summary --format json "$root/examples" 2>&1)
python3 -c '
import json, sys
categories = json.load(sys.stdin)["categories"]
national = {"neglect", "physical", "emotional", "sexual", "multiple"}
sys.exit(0 if categories and set(categories) <= national else 1)' <<<"$out"
check "vote --summary counts the categories of every profile under national words" $? || echo "$out"
# The records keep their own words.
out=$("$cpconf" vote --no-config --color never "$root/examples/hughes-initial-2026-03.yaml" 2>&1)
grep -q "emotional-psychological" <<<"$out"
check "a record's own decisions keep the profile's words" $? || echo "$out"

finish "clocks and calendars"
