#!/usr/bin/env bash
# CI must run exactly README's test command: the command in .ci/run and README's second
# command block are the same line.
set -u
root=$2
readme_test=$(grep -A1 '^# set up, build, and run the whole test suite' "$root/README.md" | tail -n 1)
ci_test=$(grep -v '^#' "$root/.ci/run" | grep -F 'bash .ci/setup')
if [[ -n $readme_test && $readme_test == "$ci_test" ]]; then
  echo "ok .ci/run runs README's test command"
else
  echo "FAIL README's test command and .ci/run differ:"; echo "  README: $readme_test"; echo "  .ci/run: $ci_test"
  exit 1
fi
