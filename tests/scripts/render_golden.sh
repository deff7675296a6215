#!/usr/bin/env bash
# Golden files for `cpconf render`: every example in every format, plain, redacted (--redact)
# and, as text, redacted to roles (--redact=all), compared byte for byte with
# tests/render/expected/{plain,redact,redact-all}/. All examples go in one run per mode, as a
# user would render a folder, so redaction also covers names shared across a case's records.
# UPDATE_GOLDEN=1 rewrites the expected files (then read the diff before committing).
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
expected=$root/tests/render/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passed=0

# render MODE FORMAT [OPTIONS...]: renders the examples into $work/MODE.
render() {
  local mode=$1 format=$2
  shift 2
  mkdir -p "$work/$mode"
  (cd "$root/examples" && NO_COLOR=1 "$cpconf" render --as-of 2026-11-22 --no-config --format "$format" \
     --output-dir "$work/$mode" "$@" *.yaml) 2>>"$work/stderr"
}

for format in text markdown html; do
  render plain "$format" || { echo "FAIL render --format $format exited $?"; ((failures++)); }
  render redact "$format" --redact || { echo "FAIL render --redact --format $format"; ((failures++)); }
done
render redact-all text --redact=all || { echo "FAIL render --redact=all"; ((failures++)); }

if [[ ${UPDATE_GOLDEN:-} == 1 ]]; then
  rm -rf "$expected"
  mkdir -p "$expected"
  cp -r "$work/plain" "$work/redact" "$work/redact-all" "$expected/"
  chmod 644 "$expected"/*/*
  echo "updated $expected"
  exit 0
fi

for mode in plain redact redact-all; do
  actual_list=$(cd "$work/$mode" && ls)
  expected_list=$(cd "$expected/$mode" 2>/dev/null && ls)
  if [[ $actual_list != "$expected_list" ]]; then
    echo "FAIL $mode: the files rendered differ from those expected"
    diff <(echo "$expected_list") <(echo "$actual_list")
    ((failures++))
  fi
  for file in "$work/$mode"/*; do
    name=$mode/$(basename "$file")
    if [[ ! -f $expected/$name ]]; then continue; fi
    if diff -u "$expected/$name" "$file" >"$work/diff"; then
      echo "ok $name"
      ((passed++))
    else
      echo "FAIL $name differs from tests/render/expected/$name (- expected, + actual):"
      head -40 "$work/diff"
      ((failures++))
    fi
  done
done
# The examples are clean, so rendering them notes no findings.
if [[ -s $work/stderr ]]; then
  echo "FAIL rendering the examples printed to stderr:"
  cat "$work/stderr"
  ((failures++))
fi
echo "render golden: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
