#!/usr/bin/env bash
# A batch keeps the list of its inputs and the cross-record index in a temporary file, not in
# memory: the results are the same as when no temporary file can be made, the file is private
# and nameless, and nothing is left behind, even when cpconf is killed mid-run or the disk is full.
set -u
source "$(dirname "$0")/../support/harness.sh"
cpconf=$1
root=$2

# 3,000 records, a third with a fault, among them faults only the cross-record rules see.
python3 "$root/bench/generate.py" --records 3000 --seed 3 --faults 0.3 "$work/corpus" || exit 1
mkdir "$work/tmp" "$work/tmp-killed"
run() {  # run TMPDIR ARGS...: validate the corpus with that temporary folder
  local folder=$1
  shift
  TMPDIR=$folder "$cpconf" validate --as-of 2026-11-22 --no-config "$@" "$work/corpus"
}

run "$work/tmp" -j2 > "$work/spilled.txt"
check "a batch with findings exits 1" $([[ $? -eq 1 ]]; echo $?)
run /nonexistent/cpconf-tmp -j2 > "$work/in-memory.txt"
cmp -s "$work/spilled.txt" "$work/in-memory.txt"
check "the same findings with a temporary file and without one (no usable TMPDIR)" $?
run "$work/tmp" -j1 --format json > "$work/j1.json"
run "$work/tmp" -j2 --format json > "$work/j2.json"
cmp -s "$work/j1.json" "$work/j2.json"
check "the same bytes with -j1 and -j2 (json)" $?

counts=$(grep -o '\[\(duplicate-id\|overlapping-plans\|previous-missing\|review-late\)\]' "$work/spilled.txt" |
         sort | uniq -c)
[[ $(wc -l <<< "$counts") -eq 4 ]]
check "the cross-record rules find each kind of fault across the archive" $? || echo "$counts"
grep -q '^3000 files checked' "$work/spilled.txt"
check "every record is checked" $?

[[ -z $(ls -A "$work/tmp") ]]
check "nothing is left in TMPDIR after a run" $? || ls -la "$work/tmp"

TMPDIR=$work/tmp-killed "$cpconf" validate --as-of 2026-11-22 --no-config -j1 "$work/corpus" > /dev/null &
pid=$!
sleep 0.5
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
[[ -z $(ls -A "$work/tmp-killed") ]]
check "nothing is left in TMPDIR when cpconf is killed mid-run" $? || ls -la "$work/tmp-killed"

# A temporary file that cannot grow (a full disk; here a file size limit, with SIGXFSZ ignored so
# that the write fails with EFBIG) is a clear input error, not a crash.
(
  trap '' XFSZ
  ulimit -f 8
  TMPDIR=$work/tmp "$cpconf" validate --as-of 2026-11-22 --no-config "$work/corpus" > /dev/null 2> "$work/full.err"
)
status=$?
[[ $status -eq 2 ]] && grep -q "cpconf: error: cannot write cpconf's temporary file in '$work/tmp': " "$work/full.err"
check "a temporary file that cannot be written is an input error (exit 2) naming its folder" $? ||
  { echo "exit $status"; cat "$work/full.err"; }
[[ -z $(ls -A "$work/tmp") ]]
check "and leaves nothing behind" $?

finish "batch spill"
