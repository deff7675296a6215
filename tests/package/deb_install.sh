#!/usr/bin/env bash
# Installs the Debian package on this machine as a user would, checks what a user then has, and
# removes it. Run as root after the test suite, from the repository:
#   bash tests/package/deb_install.sh build
# where build is the built build folder. It fails, never skips: a machine that cannot install
# the package, or a package that leaves something out, is a failure. Not run by ctest (it
# changes the machine); CI runs it.
set -u
build=${1:?usage: deb_install.sh BUILD-FOLDER}
build=$(realpath "$build")
source "$(dirname "$0")/../support/harness.sh"
fail() { echo "FAIL $*"; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "deb_install.sh installs a package: run it as root"
if dpkg-query -W -f='${Status}' cpconf 2>/dev/null | grep -q 'ok installed'; then
  fail "cpconf is already installed: remove it first (apt-get remove cpconf)"
fi
export DEBIAN_FRONTEND=noninteractive

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
debs=("$work"/cpconf_*.deb)
[[ -f ${debs[0]} ]] || fail "cpack made no cpconf_*.deb"
version=$(dpkg-deb -f "${debs[0]}" Version)

# What a user has for man and tab completion; the package itself only suggests them.
apt-get update -qq || fail "apt-get update"
apt-get install -y -qq --no-install-recommends man-db bash-completion > "$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get install man-db bash-completion"; }
# apt resolves the package's dependencies (libyaml-cpp0.7, libfmt9) from the archive.
deb_name=$(basename "${debs[0]}")
(cd "$work" && apt-get install -y -qq "./$deb_name") > "$work/apt.log" 2>&1
check "apt-get install ./$deb_name is exit 0" $?  # no command substitution here: it would reset $?
[[ $failures -eq 0 ]] || { cat "$work/apt.log"; fail "the package did not install"; }

[[ $(command -v cpconf) == /usr/bin/cpconf ]]; check "cpconf is /usr/bin/cpconf, on the PATH" $?
[[ $(/usr/bin/cpconf --version) == "cpconf $version" ]]; check "cpconf --version prints cpconf $version" $?
examples=$(realpath "$(dirname "$0")/../../examples")
out=$(cpconf validate --quiet --as-of 2026-11-22 "$examples"); [[ $? -eq 0 && -z $out ]]
check "cpconf validate finds the shipped examples clean" $?
[[ $(cpconf new initial | head -n 1) == '# yaml-language-server: $schema=/usr/share/cpconf/schemas/conference.schema.json' &&
   -f /usr/share/cpconf/schemas/conference.schema.json ]]
check "a new record names /usr/share/cpconf/schemas/conference.schema.json, which is installed" $?
cmp -s <(cpconf schema) /usr/share/cpconf/schemas/conference.schema.json; check "cpconf schema is the installed schema" $?
cpconf validate --format sarif "$examples/patel-initial-2025-09.yaml" |
  python3 -c 'import json, sys; rules = json.load(sys.stdin)["runs"][0]["tool"]["driver"]["rules"]; assert all(r["helpUri"] == "file:///usr/share/cpconf/rules.md#" + r["id"] for r in rules)' &&
  [[ -f /usr/share/cpconf/rules.md ]]
check "SARIF helpUri points into the installed rule reference, /usr/share/cpconf/rules.md" $?

page=$(man -w cpconf-validate 2>&1); check "man -w cpconf-validate finds $page" $?
[[ $page == /usr/share/man/man1/cpconf-validate.1* ]]; check "the page is under /usr/share/man/man1" $?
MANWIDTH=80 man cpconf-validate 2>/dev/null | grep -q 'check child protection conference records'
check "man cpconf-validate shows the page" $?
for name in cpconf cpconf-new cpconf-schema cpconf-rules; do
  man -w "$name" >/dev/null 2>&1; check "man -w $name" $?
done
man -w 5 cpconf-record >/dev/null 2>&1; check "man -w 5 cpconf-record" $?

# Tab completion as an interactive bash gets it: bash-completion loads the file on first use.
out=$(bash -c '
  source /usr/share/bash-completion/bash_completion
  _completion_loader cpconf
  complete -p cpconf >/dev/null || exit 1
  COMP_WORDS=(cpconf validate --fo); COMP_CWORD=2; COMP_LINE="cpconf validate --fo"; COMP_POINT=${#COMP_LINE}
  _cpconf; echo "${COMPREPLY[*]}"
  COMP_WORDS=(cpconf val); COMP_CWORD=1; COMP_LINE="cpconf val"; COMP_POINT=${#COMP_LINE}
  _cpconf; echo "${COMPREPLY[*]}"' 2>&1)
[[ $out == $'--format\nvalidate' ]]; check "bash-completion loads the completion: 'cpconf validate --fo' and 'cpconf val' complete" $?
[[ $out == $'--format\nvalidate' ]] || echo "$out"
[[ -f /usr/share/zsh/vendor-completions/_cpconf && -f /usr/share/fish/vendor_completions.d/cpconf.fish ]]
check "the zsh and fish completions are installed" $?

apt-get remove -y -qq cpconf > "$work/apt.log" 2>&1; check "apt-get remove cpconf is exit 0" $?
[[ ! -e /usr/bin/cpconf && ! -e /usr/share/man/man1/cpconf-validate.1 && ! -e /usr/share/cpconf ]]
check "removing it leaves none of its files" $?

finish "package install"
