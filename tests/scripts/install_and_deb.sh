#!/usr/bin/env bash
# `cmake --install` puts the program, every man page, the completions and the schemas in the
# usual places, and the installed program works from there; `cpack -G DEB` builds a package with
# the same files under /usr and its library dependencies. (Installing the package on a machine
# is tests/package/deb_install.sh, which CI runs as root after the test suite.)
set -u
cpconf=$1
root=$2
build=$(dirname "$(dirname "$cpconf")")  # the build folder: <build>/cli/cpconf
source "$(dirname "$0")/../support/harness.sh"

# The files an installation holds, relative to its prefix, as the source tree says they should be.
expected_files() {
  echo bin/cpconf
  (cd "$root/man" && for page in *.1; do echo "share/man/man1/$page"; done)
  (cd "$root/man" && for page in *.5; do echo "share/man/man5/$page"; done)
  (cd "$root/schemas" && for schema in *.schema.json; do echo "share/cpconf/schemas/$schema"; done)
  echo share/bash-completion/completions/cpconf
  echo share/zsh/vendor-completions/_cpconf
  echo share/fish/vendor_completions.d/cpconf.fish
  echo share/cpconf/rules.md
}
expected_files | LC_ALL=C sort > "$work/expected"

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" > "$work/install.log" 2>&1; check "cmake --install is exit 0" $?
(cd "$prefix" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) > "$work/installed"
diff "$work/expected" "$work/installed"; check "it installs exactly the program, man pages, schemas and completions" $?
for page in "$root"/man/*.[15]; do
  section=${page##*.}
  cmp -s "$page" "$prefix/share/man/man$section/$(basename "$page")" || echo "differs: $page"
done | grep -q .; [[ $? -ne 0 ]]; check "the installed man pages are the source's" $?
for file in "$root"/schemas/*.schema.json; do cmp -s "$file" "$prefix/share/cpconf/schemas/$(basename "$file")" || echo x; done |
  grep -q .; [[ $? -ne 0 ]]; check "the installed schemas are the source's" $?

[[ $("$prefix/bin/cpconf" --version) == $("$cpconf" --version) ]]; check "the installed program runs" $?
line=$("$prefix/bin/cpconf" new initial | head -n 1)
[[ $line == "# yaml-language-server: \$schema=$(realpath "$prefix")/share/cpconf/schemas/conference.schema.json" ]]
check "a new record's first line names the installed schema" $?
[[ -f ${line#*\$schema=} ]]; check "and that schema file exists" $?
"$prefix/bin/cpconf" validate --format sarif "$root/examples/patel-initial-2025-09.yaml" > "$work/installed.sarif"
python3 - "$work/installed.sarif" "$(realpath "$prefix")/share/cpconf/rules.md" <<'PY'; check "an installed cpconf's SARIF helpUri points into the installed rule reference" $?
import json, sys
rules = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]
assert all(r["helpUri"] == f"file://{sys.argv[2]}#{r['id']}" for r in rules), rules[0]["helpUri"]
PY
out=$(PATH="$prefix/bin:$PATH" bash -c 'source "$1"; COMP_WORDS=(cpconf validate --fo); COMP_CWORD=2; _cpconf; echo "${COMPREPLY[@]}"' \
      _ "$prefix/share/bash-completion/completions/cpconf")
[[ $out == --format ]]; check "the installed bash completion completes 'cpconf validate --fo'" $?

# The package, made from the same build without touching it.
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/package" > "$work/cpack.log" 2>&1; rc=$?
check "cpack -G DEB is exit 0 (it needs dpkg-dev and file)" $rc
[[ $rc -eq 0 ]] || cat "$work/cpack.log"
version=$("$cpconf" --version | cut -d' ' -f2)
deb=("$work/package"/cpconf_"$version"_*.deb)
[[ ${#deb[@]} -eq 1 && -f ${deb[0]} ]]; check "it makes one cpconf_${version}_<arch>.deb" $?
[[ $(dpkg-deb -f "${deb[0]}" Package) == cpconf && $(dpkg-deb -f "${deb[0]}" Version) == "$version" ]]
check "the package is cpconf, version $version" $?
depends=$(dpkg-deb -f "${deb[0]}" Depends)
[[ $depends == *libyaml-cpp0.7* && $depends == *libfmt9* && $depends == *libstdc++6* ]]
check "dpkg-shlibdeps found the library dependencies: $depends" $?
[[ -n $(dpkg-deb -f "${deb[0]}" Maintainer) && -n $(dpkg-deb -f "${deb[0]}" Description) ]]
check "it has a maintainer and a description" $?
dpkg-deb -c "${deb[0]}" | awk '$1 !~ /^d/ {print $NF}' | sed 's|^\./usr/||' | LC_ALL=C sort > "$work/packaged"
diff "$work/expected" "$work/packaged"; check "it holds the installed files, under /usr" $?
dpkg-deb -x "${deb[0]}" "$work/root"
[[ $("$work/root/usr/bin/cpconf" --version) == "cpconf $version" ]]; check "the packaged program runs" $?

finish "install and package"
