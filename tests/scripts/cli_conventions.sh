#!/usr/bin/env bash
# The conventions users expect of every command: help, version, exit codes, stdin, colour,
# machine formats. Runs the built binary on the shipped examples and a small broken record.
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"

broken="$work/broken.yaml"
printf 'cpconf: 1\nconference:\n  id: x\n' > "$broken"

"$cpconf" --help | grep -q "validate"; check "cpconf --help lists validate" $?
"$cpconf" validate --help | grep -q -- "--fail-on"; check "cpconf validate --help lists its options" $?
"$cpconf" --version | grep -qE '^cpconf [0-9]+\.[0-9]+\.[0-9]+$'; check "cpconf --version" $?
"$cpconf" validate --no-such-option "$broken" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "an unknown option is exit 2" $?
"$cpconf" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "no command is exit 2" $?
"$cpconf" -V | grep -qE '^cpconf [0-9]+\.[0-9]+\.[0-9]+$'; check "cpconf -V prints the version" $?
out=$("$cpconf" valdate "$broken" 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: unknown command 'valdate' (did you mean 'validate'?)"* ]]
check "an unknown command is named, with the nearest one" $? || echo "$out"
out=$("$cpconf" validate --fromat json "$broken" 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: unknown option '--fromat' (did you mean '--format'?)"* ]]
check "an unknown option is named, with the nearest one" $? || echo "$out"
for args in "" "validate" "vote --width" "timeline --due --sort sideways x.yaml"; do
  out=$("$cpconf" $args 2>&1 >/dev/null); rc=$?
  [[ $rc -eq 2 && $out == "cpconf: error: "* ]]; check "usage error of 'cpconf $args' starts 'cpconf: error:'" $? || echo "$out"
done
"$cpconf" validate --as-of 2026-13-40 "$broken" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "a bad --as-of is exit 2" $?

"$cpconf" validate --as-of 2026-11-22 "$root/examples" >/dev/null; check "the examples are clean (exit 0)" $?
"$cpconf" validate "$broken" >/dev/null; [[ $? -eq 1 ]]; check "findings are exit 1" $?
"$cpconf" validate --fail-on never "$broken" >/dev/null; check "--fail-on never is exit 0 with findings" $?
out=$("$cpconf" validate --quiet --as-of 2026-11-22 "$root/examples"); [[ -z $out ]]; check "--quiet prints nothing when clean" $?

out=$("$cpconf" validate --stdin-filename piped.yaml - < "$broken"); [[ $? -eq 1 ]] && grep -q '^piped.yaml:3:3: error' <<<"$out"
check "- reads stdin and reports --stdin-filename" $?

out=$("$cpconf" validate "$broken" "$work/absent.yaml" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -q "cannot read '$work/absent.yaml'" <<<"$out" && grep -q 'broken.yaml:3:3' <<<"$out"
check "a missing path is exit 2 and the other files are still checked" $?

out=$("$cpconf" validate --color always "$broken"); grep -q $'\033\\[' <<<"$out"; check "--color always colours" $?
out=$(NO_COLOR=1 "$cpconf" validate "$broken"); ! grep -q $'\033' <<<"$out"; check "no colour when not a terminal" $?
if command -v script >/dev/null; then
  out=$(NO_COLOR=1 script -qec "$(printf '%q ' "$cpconf" validate "$broken")" /dev/null); ! grep -q $'\033\\[' <<<"$out"
  check "NO_COLOR turns colour off on a terminal" $?
  out=$(script -qec "$(printf '%q ' "$cpconf" validate "$broken")" /dev/null); grep -q $'\033\\[' <<<"$out"
  check "colour on a terminal" $?
fi

"$cpconf" validate --format json "$broken" "$root/examples" > "$work/out.json"
python3 - "$work/out.json" <<'PY'; check "--format json parses and every finding has a line and column" $?
import json, sys
doc = json.load(open(sys.argv[1]))
findings = [f for file in doc["files"] for f in file["findings"]]
assert findings, "no findings"
assert all(isinstance(f["line"], int) and f["line"] > 0 and f["column"] > 0 for f in findings)
assert doc["summary"]["errors"] == sum(f["severity"] == "error" for f in findings)
PY

out=$("$cpconf" validate --format github "$broken"); grep -q '^::error file=.*broken.yaml,line=3,col=3,title=cpconf missing-field::' <<<"$out"
check "--format github writes workflow commands" $?
out=$(GITHUB_ACTIONS=true "$cpconf" validate "$broken"); grep -q '^::error ' <<<"$out"; check "github format is the default under GitHub Actions" $?

a=$("$cpconf" validate --format json "$root/examples" "$broken"); b=$("$cpconf" validate --format json "$root/examples" "$broken")
[[ $a == "$b" ]]; check "output is deterministic" $?

before=$(cd "$root/examples" && sha256sum ./*.yaml)
"$cpconf" validate "$root/examples" >/dev/null
after=$(cd "$root/examples" && sha256sum ./*.yaml)
[[ $before == "$after" ]]; check "inputs are never modified" $?

finish "cli conventions"
