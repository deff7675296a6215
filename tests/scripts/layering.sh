#!/usr/bin/env bash
# The library's includes run downward (ARCHITECTURE.md's layering rule), and the checker
# itself catches an include that runs upward.
set -u
root=$2
status=0
python3 "$root/tests/scripts/layering.py" "$root" || status=1
# The checker must fail on a tree with an upward include, or it proves nothing.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/lib/cpconf/load" "$scratch/lib/cpconf/check"
echo '#include "cpconf/check/rule.hpp"' > "$scratch/lib/cpconf/load/upward.cpp"
echo '#include "cpconf/load/model.hpp"' > "$scratch/lib/cpconf/check/downward.cpp"
if out=$(python3 "$root/tests/scripts/layering.py" "$scratch"); then
  echo "FAIL the layering check passed a load/ file that includes check/"; status=1
elif [[ $out != *"load/upward.cpp:1: load/ includes cpconf/check/rule.hpp, a layer above"* || $out == *downward* ]]; then
  echo "FAIL the layering check named the wrong include: $out"; status=1
else
  echo "ok the layering check refuses an upward include"
fi
exit $status
