#!/usr/bin/env bash
# Runs one golden test: CASE.yaml is the input (or CASE/, a folder of records for the
# cross-record rules), CASE.out the expected transcript:
#   line 1: "$ cpconf ARGS" (FILE stands for the case's file name)
#   then stdout and stderr as printed, then "exit: N".
# UPDATE_GOLDEN=1 rewrites CASE.out from the actual run (new cases get the default command).
set -u
cpconf=$(realpath "$1")
case_file=$2
dir=$(dirname "$case_file")
name=$(basename "$case_file")
case_stem=$case_file
[[ -d $case_file ]] || case_stem=${case_file%.y*ml}
expected="$case_stem.out"
default_command='$ cpconf validate --as-of 2026-11-22 FILE'

if [[ -f $expected ]]; then
  command_line=$(head -n 1 "$expected")
elif [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
  command_line=$default_command
else
  echo "no expected output $expected (run with UPDATE_GOLDEN=1 to create it)" >&2
  exit 1
fi
[[ $command_line == '$ cpconf '* ]] || { echo "$expected: first line must be '\$ cpconf ARGS'" >&2; exit 1; }
args=${command_line#'$ cpconf '}
args=${args//FILE/$name}

actual=$(cd "$dir" && eval "set -- $args" && NO_COLOR=1 "$cpconf" "$@" 2>&1; echo "exit: $?")
actual="$command_line"$'\n'"$actual"

if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
  printf '%s\n' "$actual" > "$expected"
  echo "updated $expected"
  exit 0
fi
if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
  echo "FAIL: output of $name differs from $expected (above: - expected, + actual)" >&2
  exit 1
fi
