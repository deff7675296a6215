#!/usr/bin/env bash
# The bash completion, driven as bash drives it: COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT
# set, the completion function called, COMPREPLY compared whole. Commands, options and choices
# are checked against what the program's own --help and `cpconf rules` list.
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"
shell=bash

# The completion runs "cpconf" from PATH, as it does for a user.
PATH=$(dirname "$cpconf"):$PATH
source "$root/completions/cpconf.bash"
source "$(dirname "$0")/../support/completion.sh"
complete -p cpconf | grep -qx 'complete -F _cpconf cpconf'; check "sourcing the file registers _cpconf for cpconf" $?

# complete LINE: the sorted candidates for the last word of LINE (a trailing space starts a new
# word), one a line. bash splits "--format=j" into "--format" "=" "j" by COMP_WORDBREAKS.
complete_line() {
  local line=$1
  COMP_LINE=$line COMP_POINT=${#line}
  read -ra COMP_WORDS <<<"${line//=/ = }"
  [[ $line == *[\ =] ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _cpconf
  printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
}
lines() { printf '%s\n' "$@"; }

expect 'cpconf val' validate
expect 'cpconf render --redact=' all family
expect 'cpconf render --redact=a' all
expect 'cpconf ' $commands
[[ $(echo $commands) == 'validate rules vote timeline render schema new' ]]; check "the commands are the seven of cpconf(1)" $?
expect 'cpconf -' --help --version
expect 'cpconf validate --fo' --format
expect 'cpconf validate --format ' text concise json csv github sarif junit
expect 'cpconf validate --severity ' error warning info
expect 'cpconf validate --format=j' json junit
expect 'cpconf validate --fail-on ' error warning info never
expect 'cpconf validate --color ' auto always never
expect 'cpconf rules --format ' text json markdown
expect 'cpconf rules inv' invalid-value
expect 'cpconf rules dup' duplicate-id duplicate-key
expect 'cpconf validate --select record,inv' record,invalid-value
expect 'cpconf validate --ignore long-conference,many' long-conference,many-professionals
expect 'cpconf rules --family ' record attendance timescales decision case information waiver
expect 'cpconf rules ' $rules
expect 'cpconf validate --select ' $rules $families
expect 'cpconf validate --profile we' west-berkshire
expect 'cpconf new review --profile ' england north-wales west-berkshire
expect 'cpconf new ' initial review pre-birth transfer-in
expect 'cpconf new review ' ''
expect 'cpconf new review --date ' ''
expect 'cpconf schema ' record profile
expect 'cpconf validate --as-of ' ''
expect 'cpconf validate -j ' ''

make_records_folder
cd "$work/records" || exit 1
expect 'cpconf validate ' a.yaml b.yml sub
expect 'cpconf validate --format json a.yaml ' a.yaml b.yml sub
expect 'cpconf new review --previous ' a.yaml b.yml notes.txt sub
expect 'cpconf new initial -o n' notes.txt
cd "$root" || exit 1

# Every option of every command, as its --help lists it, is offered after "-".
for command in $commands; do
  options=$("$cpconf" "$command" --help | sed -n '/^Options:/,$p' | grep -oE -- '^  (-[a-z],)?--[a-z][a-z-]*' |
            tr ',' '\n' | tr -d ' ' | LC_ALL=C sort)
  [[ -n $options && $(complete_line "cpconf $command -" 2>>"$work/stderr") == "$options" ]]
  check "'cpconf $command -<TAB>' offers every option of its --help" $?
done

[[ ! -s $work/stderr ]]; check "the completion prints no error, even under set -u" $?
cat "$work/stderr"

finish "bash completion"
