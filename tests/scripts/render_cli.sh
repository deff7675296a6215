#!/usr/bin/env bash
# `cpconf render` keeps the conventions of every command: help, exit codes, stdin, colour only
# on a terminal, output the same whatever -j; and writes files safely: atomically, never over
# an input, one file per record with --output-dir, readable only by the owner unless redacted.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
source "$(dirname "$0")/../support/harness.sh"
render() { "$cpconf" render --as-of 2026-11-22 --no-config "$@"; }
examples=$root/examples
hughes=$examples/hughes-initial-2026-03.yaml

"$cpconf" render --help | grep -q -- "--redact"; check "render --help lists its options" $?
render --format pdf "$hughes" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "an unknown format is exit 2" $?
render --redact=some "$hughes" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "an unknown redaction is exit 2" $?
"$cpconf" render --as-of 2026-02-30 "$hughes" >/dev/null 2>&1; [[ $? -eq 2 ]]; check "a bad --as-of is exit 2" $?

out=$(render "$examples/patel-initial-2025-09.yaml" "$work/absent.yaml" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -q "cannot read '$work/absent.yaml'" <<<"$out" && grep -q "^Initial child protection conference" <<<"$out"
check "a missing input is exit 2 and the other records are still rendered" $?

a=$(render -j1 "$examples"); b=$(render -j2 "$examples")
[[ -n $a && $a == "$b" ]]; check "text of every example is byte-identical with -j1 and -j2" $?
mkdir -p "$work/j1" "$work/j2"
render -j1 --format html --output-dir "$work/j1" "$examples" && render -j2 --format html --output-dir "$work/j2" "$examples"
diff -r "$work/j1" "$work/j2" >/dev/null && [[ $(ls "$work/j1" | wc -l) -eq 6 ]]
check "--output-dir writes one file per record, the same with -j1 and -j2" $?
[[ $(stat -c %a "$work/j1/hughes-initial-2026-03.html") == 600 ]]
check "a rendered record is readable by its owner only" $?
mkdir -p "$work/red"
render --redact --output-dir "$work/red" "$hughes" && [[ $(stat -c %a "$work/red/H-initial-2026-03.txt") == 644 ]]
check "a redacted record is named without the family's name and is readable by others" $?

# The record named as a relative path, so that its name, not a long checkout path wrapped in the
# footer, is what the two renderings share.
a=$(cd "$examples" && render hughes-initial-2026-03.yaml); b=$(render --stdin-filename hughes-initial-2026-03.yaml - <"$hughes")
[[ -n $a && $a == "$b" ]]; check "- reads stdin, named by --stdin-filename" $?

out=$(render --color always "$hughes"); grep -q $'\033\\[' <<<"$out"; check "--color always colours text" $?
out=$(render "$hughes"); ! grep -q $'\033' <<<"$out"; check "no colour when not a terminal" $?
render --color always -o "$work/c.txt" "$hughes" && ! grep -q $'\033' "$work/c.txt"
check "a file is never coloured" $?
if command -v script >/dev/null; then
  out=$(script -qec "$(printf '%q ' "$cpconf" render --as-of 2026-11-22 --no-config "$hughes")" /dev/null); grep -q $'\033\\[' <<<"$out"
  check "colour on a terminal" $?
  out=$(NO_COLOR=1 script -qec "$(printf '%q ' "$cpconf" render --as-of 2026-11-22 --no-config "$hughes")" /dev/null); ! grep -q $'\033\\[' <<<"$out"
  check "NO_COLOR turns colour off on a terminal" $?
fi
render --width 60 "$hughes" | python3 -c '
import sys
assert all(len(l.rstrip("\n")) <= 60 for l in sys.stdin)'
check "--width 60 keeps every line within 60 columns" $?

cp "$hughes" "$work/copy.yaml"
before=$(sha256sum "$work/copy.yaml")
render -o "$work/copy.yaml" "$work/copy.yaml" 2>/dev/null; rc=$?
ln -s "$work/copy.yaml" "$work/link.txt"
render -o "$work/link.txt" "$work/copy.yaml" 2>/dev/null; rc2=$?
[[ $rc -eq 2 && $rc2 -eq 2 && $(sha256sum "$work/copy.yaml") == "$before" ]]
check "--output naming the input, or a link to it, is refused and the input untouched" $?
cp "$hughes" "$work/same.txt"
mkdir -p "$work/into"
cp "$hughes" "$work/into/hughes-initial-2026-03.txt"
render --output-dir "$work/into" "$work/into/hughes-initial-2026-03.txt" 2>/dev/null; rc=$?
[[ $rc -eq 2 ]] && cmp -s "$hughes" "$work/into/hughes-initial-2026-03.txt"
check "--output-dir never writes over an input" $?

echo "old" >"$work/out.md"
render --format markdown -o "$work/out.md" "$hughes" && head -1 "$work/out.md" | grep -q "^# Initial" &&
  [[ -z $(find "$work" -maxdepth 1 -name '.out.md.tmp*') ]]
check "--output replaces the file whole and leaves no temporary file" $?
render -o "$work/two.txt" "$hughes" "$examples/patel-initial-2025-09.yaml" 2>/dev/null; [[ $? -eq 2 && ! -e $work/two.txt ]]
check "--output with several records is exit 2" $?
render --format html "$examples" >/dev/null 2>&1; [[ $? -eq 2 ]]
check "several records in HTML on stdout is exit 2" $?
render --output-dir "$work/none" "$hughes" >/dev/null 2>&1; [[ $? -eq 2 ]]
check "--output-dir that is not a directory is exit 2" $?
mkdir -p "$work/a" "$work/b" "$work/dup"
cp "$hughes" "$work/a/r.yaml"; cp "$examples/patel-initial-2025-09.yaml" "$work/b/r.yaml"
out=$(render --output-dir "$work/dup" "$work/a/r.yaml" "$work/b/r.yaml" 2>&1); rc=$?
[[ $rc -eq 2 ]] && grep -q "would be written to .* again" <<<"$out" && grep -q "hughes-icpc" "$work/dup/r.txt"
check "two records for one output file: the first is written, the second refused" $?

before=$(cd "$examples" && sha256sum ./*.yaml)
render --output-dir "$work/j1" "$examples" >/dev/null
after=$(cd "$examples" && sha256sum ./*.yaml)
[[ $before == "$after" ]]; check "inputs are never modified" $?

finish "render cli"
