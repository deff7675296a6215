#!/usr/bin/env bash
# Every input kept in tests/regressions/ (crashers the fuzzer found, and others): read as a record,
# and as a profile, each must end in a finding or an input error (exit 1 or 2; 0 for a usable
# profile) within 20 seconds: never a signal, a timeout or a sanitizer report.
set -u
cpconf=$1
root=$2
failures=0
passed=0
example="$root/examples/patel-initial-2025-09.yaml"

# verdict NAME ALLOWED_EXITS COMMAND...: runs it and checks how it ended.
verdict() {
  local name=$1 allowed=$2
  shift 2
  local out rc
  out=$(timeout 20 "$@" 2>&1)
  rc=$?
  if [[ " $allowed " != *" $rc "* ]]; then
    echo "FAIL $name: exit $rc (allowed: $allowed; 124 is a timeout, 128+N signal N)"
    echo "$out" | tail -n 20
    ((failures++))
  elif grep -qE 'runtime error:|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer' <<<"$out"; then
    echo "FAIL $name: a sanitizer report"
    grep -E -A20 'runtime error:|Sanitizer' <<<"$out" | head -n 30
    ((failures++))
  else
    echo "ok $name (exit $rc)"
    ((passed++))
  fi
}

shopt -s nullglob
for input in "$root"/tests/regressions/*; do
  [[ $(basename "$input") == README.md ]] && continue
  name=$(basename "$input")
  verdict "$name as a record" "1 2" \
    "$cpconf" validate --no-config --as-of 2026-11-22 --color never "$input"
  verdict "$name as a profile" "0 1 2" \
    "$cpconf" validate --no-config --as-of 2026-11-22 --color never --profile "$input" "$example"
done

echo "regressions: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
