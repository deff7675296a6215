#!/usr/bin/env bash
# The zsh completion, run by zsh itself: an interactive zsh on a pseudo-terminal loads
# completions/_cpconf through compinit, LINE is typed and TAB pressed, and every match the
# completion adds is captured (tests/support/zsh_complete.zsh). Commands, options and choices are
# checked against what the program's own --help and `cpconf rules` list.
set -u
cpconf=$(realpath "$1")
root=$2
source "$(dirname "$0")/../support/harness.sh"
shell=zsh

command -v zsh >/dev/null || fail "zsh is not installed (.ci/setup installs it)"
PATH=$(dirname "$cpconf"):$PATH
export PATH
source "$(dirname "$0")/../support/completion.sh"

complete_line() {  # the sorted candidates zsh offers at the end of LINE, one a line
  timeout 60 zsh "$root/tests/support/zsh_complete.zsh" "$root/completions" "$1" | LC_ALL=C sort -u
}

expect 'cpconf ' $commands
expect 'cpconf val' validate
expect 'cpconf validate --format ' text json github sarif junit concise csv
expect 'cpconf validate --format=j' json junit
expect 'cpconf validate --fail-on ' error warning info never
expect 'cpconf validate --select dec' $(printf '%s\n' $rules $families | grep '^dec')
expect 'cpconf validate --select record,dup' duplicate-id duplicate-key
expect 'cpconf render --redact=' all family
expect 'cpconf vote --redact=a' all
expect 'cpconf new ' initial review pre-birth transfer-in
expect 'cpconf new review --profile ' england north-wales west-berkshire

make_records_folder
cd "$work/records" || exit 1
expect 'cpconf validate ' a.yaml b.yml sub
expect 'cpconf render --redact ' a.yaml b.yml sub
cd "$root" || exit 1

got=$(complete_line "cpconf validate --" 2>>"$work/stderr")
[[ $got == "$(long_options validate)" ]]; check "zsh: every option of cpconf validate is offered" $?
[[ ! -s $work/stderr ]]; check "zsh printed no errors" $?
[[ ! -s $work/stderr ]] || cat "$work/stderr"

finish "zsh completion"
