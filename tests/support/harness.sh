# Sourced by the scripted tests (tests/scripts/*.sh, tests/package/*.sh): a scratch folder
# removed on exit, a check that counts, and the summary line whose status is the script's.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passed=0

# check NAME STATUS: reports "ok NAME" or "FAIL NAME" and counts it; returns STATUS, so that a
# caller can print detail after a failure (check NAME $? || cat LOG).
check() {
  if [[ $2 -eq 0 ]]; then echo "ok $1"; ((passed++)); else echo "FAIL $1"; ((failures++)); fi
  return "$2"
}

# finish TITLE: "TITLE: N passed, M failed", then exit 0 only when nothing failed.
finish() {
  echo "$1: $passed passed, $failures failed"
  [[ $failures -eq 0 ]]
  exit
}
