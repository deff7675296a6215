#!/usr/bin/env bash
# The project configuration (.cpconf.yaml), --select/--ignore, and baselines, through the binary.
set -u
cpconf=$(realpath "$1")
source "$(dirname "$0")/../support/harness.sh"

mkdir -p "$work/project/records/2026"
record="$work/project/records/2026/long.yaml"
cat > "$record" <<'YAML'
cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  profile: england
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 12:45
  chair: Test Chair
children:
  - id: c1
    name: Test Child
    born: 2019-05-01
attendees:
  - id: a1
    name: Test Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
YAML
run() { out=$(cd "$work/project" && "$cpconf" validate --as-of 2026-11-22 --color never "$@" 2>&1); rc=$?; }

run --select long-conference records
[[ $rc -eq 0 ]] && grep -q '\[long-conference\]' <<<"$out"; check "without configuration, long-conference is info and the run passes" $?

printf 'cpconf-config: 1\nrules:\n  long-conference: error\n' > "$work/project/.cpconf.yaml"
run --select long-conference records
[[ $rc -eq 1 ]] && grep -q 'error: the conference ran 165 minutes' <<<"$out"; check ".cpconf.yaml found upward re-levels a rule" $?

run --select long-conference --no-config records
[[ $rc -eq 0 ]]; check "--no-config ignores it" $?

printf 'cpconf-config: 1\nrules:\n  long-conference: off\n' > "$work/other.yaml"
run --select long-conference --config "$work/other.yaml" records
[[ $rc -eq 0 ]] && ! grep -q 'long-conference' <<<"$out"; check "--config FILE switches a rule off" $?

printf 'cpconf-config: 1\nrules:\n  long-conferance: off\n  minutes-late: loud\n' > "$work/bad.yaml"
run --config "$work/bad.yaml" records
[[ $rc -eq 2 ]] && grep -q "bad.yaml:3:3: error: no rule is named 'long-conferance' (did you mean 'long-conference'?)" <<<"$out" \
  && grep -q "bad.yaml:4:17: error: the setting of rule 'minutes-late' must be one of error, warning, info, off, not 'loud'" <<<"$out"
check "a bad configuration is exit 2 with every fault placed" $?

printf 'cpconf-profile: 1\nname: local\nextends: england\nadvisory:\n  max-minutes: 180\n' > "$work/project/local.yaml"
printf 'cpconf-config: 1\nprofile: local.yaml\n' > "$work/project/.cpconf.yaml"
run --select long-conference records
[[ $rc -eq 0 ]] && ! grep -q 'long-conference' <<<"$out"; check ".cpconf.yaml selects a profile file, relative to itself" $?
run --select long-conference --profile england records
[[ $rc -eq 0 ]] && grep -q 'longer than profile england' <<<"$out"; check "--profile overrides the configuration's profile" $?
rm "$work/project/.cpconf.yaml"

run --select nonsense records
[[ $rc -eq 2 ]] && grep -q "no rule or family is named 'nonsense'" <<<"$out"; check "--select with an unknown name is exit 2" $?
run --ignore timescales,long-conference,decision,attendance records
! grep -qE '\[(long-conference|minutes-late|decision-missing)\]' <<<"$out"; check "--ignore takes rule and family names" $?

run --write-baseline "$work/baseline.yaml" records
[[ $rc -eq 0 && -s $work/baseline.yaml ]] && grep -q '^cpconf-baseline: 2' "$work/baseline.yaml"; check "--write-baseline writes the findings and exits 0" $?
run --baseline "$work/baseline.yaml" records
[[ $rc -eq 0 ]] && grep -qE '[0-9]+ in the baseline' <<<"$out" && ! grep -q '^records' <<<"$out"; check "--baseline hides accepted findings" $?
sed -i 's/12:45/13:15/' "$record"
run --baseline "$work/baseline.yaml" records
[[ $rc -eq 0 ]] && grep -q 'ran 195 minutes' <<<"$out" && grep -q '1 baseline entry no longer found' <<<"$out"
check "--baseline reports a changed finding as new and the old entry as no longer found" $?
printf 'cpconf-baseline: 1\nfindings: 3\n' > "$work/broken-baseline.yaml"
run --baseline "$work/broken-baseline.yaml" records
[[ $rc -eq 2 ]] && grep -q 'broken-baseline.yaml' <<<"$out"; check "a broken baseline is exit 2" $?

finish "config and baseline"
