#!/usr/bin/env bash
# One process, any number of threads, the same bytes out: validate a generated corpus with -j1
# and -j2 in every format and compare.
set -u
cpconf=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/generate.py" --records 400 --seed 7 --faults 0.2 "$work/corpus" || exit 1
failures=0
for format in text json github; do
  "$cpconf" validate --as-of 2026-11-22 --format "$format" -j1 "$work/corpus" > "$work/j1.$format"
  rc1=$?
  "$cpconf" validate --as-of 2026-11-22 --format "$format" -j2 "$work/corpus" > "$work/j2.$format"
  rc2=$?
  if [[ $rc1 -eq $rc2 ]] && cmp -s "$work/j1.$format" "$work/j2.$format" && [[ -s $work/j1.$format ]]; then
    echo "ok $format: -j1 and -j2 agree byte for byte ($(wc -l < "$work/j1.$format") lines, exit $rc1)"
  else
    echo "FAIL $format: -j1 (exit $rc1) and -j2 (exit $rc2) differ"; diff "$work/j1.$format" "$work/j2.$format" | head -5
    ((failures++))
  fi
done
grep -q '^400 files checked' "$work/j1.text" || { echo "FAIL the corpus was not all checked"; ((failures++)); }
[[ $failures -eq 0 ]]
