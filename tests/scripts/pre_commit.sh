#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit framework in a
# scratch repository of records: cpconf-validate checks what is staged; cpconf-validate-changed
# also finds a fault across records that the staged file alone does not show.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
source "$(dirname "$0")/../support/harness.sh"
if ! command -v pre-commit >/dev/null || ! command -v git >/dev/null; then
  echo "FAIL pre-commit or git is not installed: run .ci/setup (as root) to install Debian's pre-commit"
  echo "pre-commit: 0 passed, 1 failed"
  exit 1
fi
export PATH="$(dirname "$cpconf"):$PATH" PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test
export GIT_COMMITTER_EMAIL=test@example.invalid GIT_CONFIG_NOSYSTEM=1 HOME="$work"

# The hooks come from a copy of this repository's hook file, committed, as pre-commit wants.
hooks="$work/hooks"
mkdir -p "$hooks" && cp "$root/.pre-commit-hooks.yaml" "$hooks/"
(cd "$hooks" && git init -q && git add . && git commit -qm hooks) || { echo "FAIL git"; exit 1; }

records="$work/records"
mkdir -p "$records/records"
cp "$root/examples/patel-initial-2025-09.yaml" "$records/records/"
cd "$records" && git init -q && git add . && git commit -qm "a record"
# A new record that reuses the committed record's conference id: clean on its own.
sed 's/^  case: .*/  case: MBC-C-2026-0001/' records/patel-initial-2025-09.yaml > records/copy.yaml
git add records/copy.yaml

run_hook() {  # run_hook ID: pre-commit's exit status for the staged files
  pre-commit try-repo "$hooks" "$1" --verbose > "$work/$1.log" 2>&1
}
run_hook cpconf-validate; status=$?
[[ $status -ne 0 ]] && grep -q "duplicate-id" "$work/cpconf-validate.log"
[[ $? -ne 0 ]]; check "cpconf-validate, seeing only the staged file, misses the reused id" $? ||
  cat "$work/cpconf-validate.log"
run_hook cpconf-validate-changed; status=$?
[[ $status -ne 0 ]] && grep -q "duplicate-id" "$work/cpconf-validate-changed.log"
check "cpconf-validate-changed finds the conference id a staged record reuses" $? ||
  cat "$work/cpconf-validate-changed.log"
git rm -q --cached records/copy.yaml && rm records/copy.yaml
run_hook cpconf-validate-changed
check "cpconf-validate-changed passes when nothing is wrong" $? || cat "$work/cpconf-validate-changed.log"
finish "pre-commit"
