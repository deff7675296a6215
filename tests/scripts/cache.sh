#!/usr/bin/env bash
# The parse cache through the binary: same output warm and cold, private files, a corrupt or
# stale entry reparsed, concurrent runs safe, and nothing written without --cache.
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"
python3 "$root/bench/generate.py" --records 60 --seed 3 --faults 0.3 "$work/records" || exit 1
run() { "$cpconf" validate --as-of 2026-11-22 --no-config "$@" "$work/records" 2>&1; }

cold=$(run)
[[ ! -d $work/records/.cpconf-cache ]]; check "nothing is cached without --cache" $?
first=$(run --cache)
[[ $first == "$cold" ]]; check "a cold run with --cache prints what a run without it prints" $?
[[ $(find "$work/records/.cpconf-cache" -name '*.tree' | wc -l) -eq 60 ]]; check "one entry per record" $?
[[ $(stat -c %a "$work/records/.cpconf-cache") == 700 ]] && ! find "$work/records/.cpconf-cache" -name '*.tree' ! -perm 600 | grep -q .
check "the cache folder is 0700 and its files 0600" $?
warm=$(run --cache)
[[ $warm == "$cold" ]]; check "a warm run prints the same" $?

for entry in $(find "$work/records/.cpconf-cache" -name '*.tree' | sort | head -5); do
  printf 'garbage' | dd of="$entry" bs=1 seek=200 conv=notrunc status=none
done
find "$work/records/.cpconf-cache" -name '*.tree' | sort | sed -n 6p | xargs truncate -s 10
[[ $(run --cache) == "$cold" ]]; check "corrupt and truncated entries are reparsed, not trusted" $?

victim=$(ls "$work/records"/*.yaml | head -1)
sed -i 's/  chair: .*/  chiar: Somebody/' "$victim"
changed=$(run --cache)
grep -q "unknown key 'chiar'" <<<"$changed"; check "a changed record is parsed again" $?
[[ $(run) == "$changed" ]]; check "and gives what an uncached run gives" $?

for i in 1 2 3 4; do run --cache -j2 > "$work/concurrent.$i" & done
wait
same=0
for i in 1 2 3 4; do cmp -s "$work/concurrent.$i" <(printf '%s\n' "$changed") || same=1; done
[[ $same -eq 0 ]]; check "four concurrent runs all print the right result" $?
[[ -z $(find "$work/records/.cpconf-cache" -name '.*.tmp.*') ]]; check "no temporary files are left behind" $?

finish "cache"
