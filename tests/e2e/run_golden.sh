#!/usr/bin/env bash
# Runs one golden test: CASE.yaml is the input (or CASE/, a folder of records for the
# cross-record rules), CASE.out the expected standard output:
#   line 1: "$ cpconf ARGS" (FILE stands for the case's file name)
#   then standard output as printed, then "exit: N".
# CASE.err, when there is one, is the expected standard error, byte for byte; without one,
# standard error must be empty. The two are compared apart, so that a message on the wrong
# stream fails.
# UPDATE_GOLDEN=1 rewrites CASE.out and CASE.err from the actual run (new cases get the default
# command); CASE.err is removed when nothing was written to standard error.
set -u
cpconf=$(realpath "$1")
case_file=$2
dir=$(dirname "$case_file")
name=$(basename "$case_file")
case_stem=$case_file
[[ -d $case_file ]] || case_stem=${case_file%.y*ml}
expected="$case_stem.out"
expected_err="$case_stem.err"
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

actual_err=$(mktemp)
trap 'rm -f "$actual_err"' EXIT
actual=$(cd "$dir" && eval "set -- $args" && NO_COLOR=1 "$cpconf" "$@" 2>"$actual_err"; echo "exit: $?")
actual="$command_line"$'\n'"$actual"

if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
  printf '%s\n' "$actual" > "$expected"
  echo "updated $expected"
  if [[ -s $actual_err ]]; then
    cp "$actual_err" "$expected_err"
    echo "updated $expected_err"
  elif [[ -f $expected_err ]]; then
    rm "$expected_err"
    echo "removed $expected_err: nothing was written to standard error"
  fi
  exit 0
fi
status=0
if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
  echo "FAIL: standard output of $name differs from $expected (above: - expected, + actual)" >&2
  status=1
fi
if [[ -f $expected_err ]]; then
  if ! diff -u "$expected_err" "$actual_err"; then
    echo "FAIL: standard error of $name differs from $expected_err (above: - expected, + actual)" >&2
    status=1
  fi
elif [[ -s $actual_err ]]; then
  echo "FAIL: $name wrote to standard error, and there is no $expected_err expecting it:" >&2
  cat "$actual_err" >&2
  status=1
fi
exit $status
