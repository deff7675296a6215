#!/usr/bin/env bash
# Every command lists its inputs the same way (lib/cpconf/source/inputs): a folder's own cpconf
# files (configuration, baseline, profile: known by their first key) are not records and are
# passed over without a word, a file named is checked as what it is, and a file met twice, by
# one name or another, is read once.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
source "$(dirname "$0")/../support/harness.sh"
as_of=(--as-of 2026-11-22)
patel=$root/examples/patel-initial-2025-09.yaml

# An archive with its configuration, a baseline and a local profile beside the records.
archive="$work/archive"
mkdir -p "$archive/profiles"
cp "$root"/examples/*.yaml "$archive/"
printf '# The archive'"'"'s settings\ncpconf-config: 1\n' >"$archive/.cpconf.yaml"
printf 'cpconf-profile: 1\n' >"$archive/profiles/local.yaml"
"$cpconf" validate "${as_of[@]}" --write-baseline "$archive/baseline.yaml" "$archive" >/dev/null 2>"$work/err"; rc=$?
[[ $rc -eq 0 ]]; check "a baseline is written into the folder it covers" $? || cat "$work/err"
"$cpconf" validate "${as_of[@]}" --write-baseline "$archive/baseline.yaml" "$archive" >/dev/null 2>"$work/err"; rc=$?
[[ $rc -eq 0 ]] && ! grep -q "one of the records" "$work/err"
check "and rewritten: a baseline in the folder is not one of the records to check" $? || cat "$work/err"

out=$("$cpconf" validate "${as_of[@]}" "$archive" 2>"$work/err"); rc=$?
[[ $rc -eq 0 && $(tail -n 1 <<<"$out") == "6 files checked: 0 errors, 0 warnings, 0 info"* ]]
check "validate passes over the folder's configuration, baseline and profile (exit 0, 6 files)" $? || echo "$out"
out=$("$cpconf" vote "$archive" 2>&1); rc=$?
[[ $rc -eq 0 ]] && grep -q '^6 records, 12 decisions' <<<"$out"
check "vote passes over them too (exit 0, 6 records)" $? || echo "$out"
out=$("$cpconf" timeline "${as_of[@]}" --due "$archive" 2>"$work/err"); rc=$?
[[ $rc -le 1 && ! -s $work/err ]] && grep -q "(6 records)" <<<"$out"
check "timeline --due passes over them too (6 records, nothing on standard error)" $? || { echo "$out"; cat "$work/err"; }
mkdir -p "$work/html" "$work/twice"
"$cpconf" render "${as_of[@]}" --format html --output-dir "$work/html" "$archive" >/dev/null 2>"$work/err"; rc=$?
[[ $rc -le 1 && ! -s $work/err && $(ls "$work/html" | wc -l) -eq 6 ]]
check "render passes over them too (6 documents)" $? || { ls "$work/html"; cat "$work/err"; }

# Named, each is checked as what it is: not a record.
for own in .cpconf.yaml baseline.yaml profiles/local.yaml; do
  out=$("$cpconf" validate "${as_of[@]}" "$archive/$own" 2>&1); rc=$?
  [[ $rc -eq 1 ]] && grep -q "1 file checked" <<<"$out"
  check "validate $own, named, checks it as a record (exit 1)" $? || echo "$out"
done
"$cpconf" vote "$archive/.cpconf.yaml" >/dev/null 2>&1; [[ $? -eq 2 ]]
check "vote .cpconf.yaml, named, is exit 2: it is no record" $?

# A file named twice, or named beside its folder, is read once: no false duplicate-id or
# overlapping-plans, no double count.
out=$("$cpconf" validate "${as_of[@]}" "$root/examples/" "$patel" 2>&1); rc=$?
[[ $rc -eq 0 && $(tail -n 1 <<<"$out") == "6 files checked: 0 errors, 0 warnings, 0 info"* ]] &&
  ! grep -qE 'duplicate-id|overlapping-plans' <<<"$out"
check "validate examples/ examples/patel-initial-2025-09.yaml checks 6 files, clean" $? || echo "$out"
out=$("$cpconf" validate "${as_of[@]}" --format json "$patel" "$root/examples/../examples/patel-initial-2025-09.yaml" 2>&1)
python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d["files"])==1 and d["summary"]["files"]==1' <<<"$out"
check "validate names one file by two paths: one file in json" $? || echo "$out"
ln -s "$patel" "$work/link.yaml"
out=$("$cpconf" vote "$root/examples" "$work/link.yaml" 2>&1); rc=$?
[[ $rc -eq 0 ]] && grep -q '^6 records, 12 decisions' <<<"$out"
check "vote reads a record and a link to it once" $? || echo "$out"
out=$("$cpconf" timeline "${as_of[@]}" "$patel" "$patel" 2>&1); rc=$?
[[ $rc -le 1 ]] && ! grep -q "give one record file" <<<"$out"
check "timeline names one file twice: one record's timeline" $? || echo "$out"
out=$("$cpconf" timeline "${as_of[@]}" --due "$root/examples" "$patel" 2>&1)
grep -q "(6 records)" <<<"$out"; check "timeline --due examples/ and one of them: 6 records" $? || echo "$out"
"$cpconf" render "${as_of[@]}" --format html --output-dir "$work/twice" "$patel" "$work/link.yaml" >/dev/null 2>"$work/err"
[[ $(ls "$work/twice" | wc -l) -eq 1 ]]; check "render names one file twice: one document" $? || { ls "$work/twice"; cat "$work/err"; }

# The inputs are left as they were.
cmp -s "$patel" "$archive/patel-initial-2025-09.yaml"; check "the records are not modified" $?

finish "inputs once"
