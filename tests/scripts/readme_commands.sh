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

# README's first command is the quick one: only what the tool needs is installed and built, and
# it puts cpconf on PATH for the tour, which types `cpconf`.
quick=$(grep -A1 '^# set up, build the tool alone' "$root/README.md" | tail -n 1)
if [[ $quick == "bash .ci/setup --tool && "* && $quick == *"-DCPCONF_TESTS=OFF"* && $quick == *"--target cpconf"* &&
      $quick == *'export PATH="$PWD/build/cli:$PATH"'* && $quick == *"cpconf validate examples/" ]]; then
  echo "ok README's first command builds only the tool and puts it on PATH"
else
  echo "FAIL README's first command: $quick"; exit 1
fi
# --tool installs no test tool: a fresh machine gets the compiler and the libraries only.
tool_packages=$(sed -n 's/^packages=(\(.*\))$/\1/p' "$root/.ci/setup")
if [[ $tool_packages == "g++ cmake make libcli11-dev libyaml-cpp-dev libfmt-dev libssl-dev libutf8proc-dev" ]]; then
  echo "ok .ci/setup --tool installs the compiler and libraries only"
else
  echo "FAIL .ci/setup --tool installs: $tool_packages"; exit 1
fi
