#!/usr/bin/env bash
# The fish completion, run by fish itself: `complete -C LINE` prints what fish would offer at the
# end of LINE, as a user pressing TAB sees it. Commands, options and choices are checked against
# what the program's own --help and `cpconf rules` list.
set -u
cpconf=$(realpath "$1")
root=$2
source "$(dirname "$0")/../support/harness.sh"
shell=fish

command -v fish >/dev/null || fail "fish is not installed (.ci/setup installs it)"
PATH=$(dirname "$cpconf"):$PATH
export PATH
source "$(dirname "$0")/../support/completion.sh"

# complete LINE: the sorted candidates fish offers for the last word of LINE, without their
# descriptions, one a line.
complete_line() {
  fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$root/completions/cpconf.fish" "$1" |
    cut -f1 | LC_ALL=C sort
}

expect 'cpconf ' $commands
expect 'cpconf val' validate
expect 'cpconf -' --help --version
expect 'cpconf validate --fo' --format
expect 'cpconf validate --format ' text json github sarif junit concise csv
expect 'cpconf validate --format=j' --format=json --format=junit
expect 'cpconf rules inv' invalid-value
# The first rule after --select or --ignore: fish once offered nothing here.
expect 'cpconf validate --select ' $rules $families
expect 'cpconf validate --select dec' $(printf '%s\n' $rules $families | grep '^dec')
expect 'cpconf validate --ignore long-conference,many' long-conference,many-professionals
expect 'cpconf validate --select=record,dup' --select=record,duplicate-id --select=record,duplicate-key
# A flag whose value comes only after "=": its choices after "=", files after a space.
expect 'cpconf render --redact=' --redact=all --redact=family
expect 'cpconf render --redact=a' --redact=all
expect 'cpconf vote --redact=f' --redact=family
expect 'cpconf new review --profile ' england north-wales west-berkshire

make_records_folder
cd "$work/records" || exit 1
expect 'cpconf validate ' a.yaml b.yml sub/
expect 'cpconf render --redact ' a.yaml b.yml sub/
cd "$root" || exit 1

# Every option of every command, as its --help lists it, is offered after "--".
for command in $commands; do
  got=$(complete_line "cpconf $command --" 2>>"$work/stderr")
  [[ $got == "$(long_options "$command")" ]]; check "fish: every option of cpconf $command is offered" $?
done
[[ ! -s $work/stderr ]]; check "fish printed no errors" $?
[[ ! -s $work/stderr ]] || cat "$work/stderr"

finish "fish completion"
