#!/usr/bin/env bash
# Every man page passes mandoc's linter with no warning, and every option a command's --help
# lists is documented in that command's man page.
set -u
cpconf=$1
root=$2
failures=0
for page in "$root"/man/*.[1-9]; do
  if out=$(mandoc -T lint -W warning "$page" 2>&1) && [[ -z $out ]]; then
    echo "ok lint $(basename "$page")"
  else
    echo "FAIL lint $(basename "$page")"; echo "$out"; ((failures++))
  fi
done
for page in "$root"/man/cpconf-*.1; do
  command=$(basename "$page" .1); command=${command#cpconf-}
  for option in $("$cpconf" "$command" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    [[ $option == --help ]] && continue
    if grep -qF -- "Fl -${option#--}" "$page"; then
      echo "ok $command documents $option"
    else
      echo "FAIL man/cpconf-$command.1 does not document $option"; ((failures++))
    fi
  done
done
# Every page reads at 80 columns: man-db's troff warns when a line (a table row) cannot fit.
if command -v man >/dev/null; then
  for page in "$root"/man/*.[15]; do
    warnings=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
    if [[ -z $warnings ]]; then
      echo "ok $(basename "$page") renders at 80 columns without warnings"
    else
      echo "FAIL $(basename "$page") at 80 columns: $(head -n 2 <<<"$warnings")"; ((failures++))
    fi
  done
fi
echo "man pages: $failures failed"
[[ $failures -eq 0 ]]
