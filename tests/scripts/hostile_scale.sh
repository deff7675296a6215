#!/usr/bin/env bash
# Hostile inputs that hostile_input.sh does not build: 100,000 records in one folder (bounded time
# and memory, every file checked), unreadable files and folders even when the tests run as root,
# and cpconf's own writes (--write-baseline, --cache, render --output): each is atomic, a failed
# one leaves nothing behind, and no input is ever changed.
# Needs /usr/bin/time (Debian: time) for the peak memory; python3 to write the records.
set -u
source "$(dirname "$0")/../support/harness.sh"
cpconf=$1
root=$2
# 100,000 files take minutes to delete from a disk mounted with 'discard'; in memory, when there
# is room for them, they take seconds.
scratch=$work
if [[ -d /dev/shm && -w /dev/shm ]] && (($(df -Pk /dev/shm | awk 'NR == 2 {print $4}') > 1024 * 1024)); then
  scratch=$(mktemp -d /dev/shm/cpconf-scale.XXXXXX)
fi
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work" "$scratch"' EXIT
# Everyone may traverse the work folder, so that an unprivileged user meets only the modes set below.
chmod 0755 "$work"
[[ -x /usr/bin/time ]] || { echo "FAIL hostile scale needs /usr/bin/time (Debian package: time)"; exit 1; }

# A sanitizer build keeps freed memory in quarantine and runs several times slower; the bounds
# are against runaway behaviour, not performance, so they grow with it rather than being skipped.
max_rss_mb=200
max_seconds=120
if grep -q __asan_init "$cpconf"; then
  max_rss_mb=1536  # ASan keeps freed memory in quarantine: 1034 MB seen on a loaded machine
  max_seconds=600
fi

record() {  # record ID CHAIR_KEY: a small record that is clean under --select record
  cat <<YAML
cpconf: 1
conference:
  id: $1
  case: case-$1
  kind: initial
  profile: north-wales
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  $2: Test Chair
children:
  - id: c1
    name: Test Child
    born: 2019-05-01
attendees:
  - id: a1
    name: Test Worker
    capacity: professional
    role: Social worker
    agency: Children's services
    attendance: present
YAML
}
record t-0 chair > "$work/good.yaml"

# --- 100,000 records in one folder; every 10,000th misspells 'chair' as 'chiar'.
many="$scratch/many"
mkdir "$many"
python3 - "$many" "$work/good.yaml" <<'PY'
import os, sys
folder, template = sys.argv[1], open(sys.argv[2]).read()
for i in range(100_000):
    text = template.replace("t-0", "t-%d" % i)
    if i % 10_000 == 0:
        text = text.replace("  chair:", "  chiar:")
    with open(os.path.join(folder, "r%06d.yaml" % i), "w") as f:
        f.write(text)
PY
timeout "$max_seconds" /usr/bin/time -f %M -o "$work/rss" \
  "$cpconf" validate --no-config --select record --color never "$many" > "$work/many.out" 2> "$work/many.err"
rc=$?
[[ $rc -eq 1 ]]; check "100,000 files: exit 1 within ${max_seconds}s (exit $rc)" $?
# Each finding's first line, cut to file:line:col, severity and rule, then the tally.
expected=$(for i in 0 10000 20000 30000 40000 50000 60000 70000 80000 90000; do
  file=$(printf '%s/r%06d.yaml' "$many" "$i")
  echo "$file:3:3: error [missing-field]"
  echo "$file:9:3: error [unknown-field]"
done
echo "100000 files checked: 20 errors, 0 warnings, 0 info")
found=$(sed -nE 's/^(.*:[0-9]+:[0-9]+: [a-z]+): .* (\[[a-z-]+\])$/\1 \2/p; /files checked/p' "$work/many.out")
[[ $found == "$expected" && ! -s $work/many.err ]]
check "100,000 files: all checked, the ten faults reported in file order" $?
rss_kb=$(tail -n 1 "$work/rss")
[[ $rss_kb =~ ^[0-9]+$ ]] && ((rss_kb <= max_rss_mb * 1024))
check "100,000 files: peak memory $((${rss_kb:-0} / 1024)) MB within ${max_rss_mb} MB" $?
rm -rf "$many"

# --- Unreadable files and folders. Root reads any file, so when the tests run as root cpconf
# runs as nobody; the failure must be an input error naming the file, and the others still checked.
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
mkdir -p "$work/locked/closed"
# Ten readable records around the closed folder, so that some follow it in the folder's order.
for i in 0 1 2 3 4 5 6 7 8 9; do record "t-1$i" chair > "$work/locked/a$i.yaml"; done
record t-2 chair > "$work/locked/closed/b.yaml"
record t-3 chair > "$work/locked/unreadable.yaml"
chmod 000 "$work/locked/unreadable.yaml" "$work/locked/closed"
out=$("${as_user[@]}" "$cpconf" validate --no-config --select record --color never "$work/locked/unreadable.yaml" \
  "$work/good.yaml" 2>&1)
rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: cannot read '$work/locked/unreadable.yaml': Permission denied
1 file checked: 0 errors, 0 warnings, 0 info, 1 input not readable" ]]
check "an unreadable file named: exit 2, named, the other file checked" $? || printf 'exit %s\n%s\n' "$rc" "$out"
out=$("${as_user[@]}" "$cpconf" validate --no-config --select record --color never "$work/locked" 2>&1)
rc=$?
[[ $rc -eq 2 ]] && grep -q "locked/closed.*Permission denied" <<<"$out" &&
  grep -q "cannot read '$work/locked/unreadable.yaml': Permission denied" <<<"$out" &&
  grep -qE '^10 files checked: 0 errors, 0 warnings, 0 info, 2 inputs not readable$' <<<"$out"
check "a folder holding an unreadable file and folder: exit 2, both named, the ten readable files checked" $? ||
  printf 'exit %s\n%s\n' "$rc" "$out"
chmod 755 "$work/locked/closed"
chmod 644 "$work/locked/unreadable.yaml"

# --- cpconf's own writes. Inputs keep their bytes, modes and times; a replaced output is a new
# file renamed over the old (a hard link to the old one keeps the old bytes, so no reader ever
# sees half a file); a failed write leaves neither a partial file nor a temporary one.
records="$work/records"
mkdir "$records"
cp "$root"/examples/*.yaml "$records"/
record t-4 chiar > "$records/faulty.yaml"
snapshot() { (cd "$records" && find . -type f ! -path './.cpconf-cache/*' -exec stat -c '%n %s %a %Y %i' {} + |
  sort && find . -type f ! -path './.cpconf-cache/*' -exec sha256sum {} + | sort); }
before=$(snapshot)
temporaries() { find "$work" -name '.*.tmp.*' | grep -q .; }
out_dir="$work/out"
mkdir "$out_dir"
validate() { "$cpconf" validate --no-config --as-of 2026-11-22 --color never "$@" > /dev/null 2>&1; }

validate --write-baseline "$out_dir/baseline.yaml" "$records"
rc=$?
validate --baseline "$out_dir/baseline.yaml" "$records"
[[ $rc -eq 0 && $? -eq 0 ]] && ! temporaries
check "--write-baseline writes a whole baseline that accepts every finding, and no temporary file" $?
ln "$out_dir/baseline.yaml" "$out_dir/held.yaml"
cp "$out_dir/baseline.yaml" "$out_dir/first.yaml"
validate --write-baseline "$out_dir/baseline.yaml" --select record "$records"
cmp -s "$out_dir/held.yaml" "$out_dir/first.yaml" && ! cmp -s "$out_dir/baseline.yaml" "$out_dir/first.yaml" &&
  [[ $(stat -c %i "$out_dir/baseline.yaml") != $(stat -c %i "$out_dir/held.yaml") ]]
check "--write-baseline replaces a baseline by renaming a new file over it, never writing into it" $?

mkdir "$out_dir/a-folder"
validate --write-baseline "$out_dir/a-folder" "$records"
rc=$?
[[ $rc -eq 2 && -d $out_dir/a-folder ]] && ! temporaries
check "--write-baseline onto a folder: exit 2, and no temporary file left" $?
validate --write-baseline "$work/missing/baseline.yaml" "$records"
[[ $? -eq 2 && ! -e $work/missing ]]; check "--write-baseline into a missing folder: exit 2, nothing created" $?
mkdir -m 0555 "$work/read-only"
"${as_user[@]}" "$cpconf" validate --no-config --write-baseline "$work/read-only/baseline.yaml" "$records" > /dev/null 2>&1
rc=$?
[[ $rc -eq 2 ]] && [[ -z $(ls -A "$work/read-only") ]] && ! temporaries
check "--write-baseline into a folder it may not write: exit 2, nothing left there" $?

mkdir "$work/own-input"
record t-5 chiar > "$work/own-input/faulty.yaml"
cp "$work/own-input/faulty.yaml" "$work/faulty-copy.yaml"
validate --write-baseline "$work/own-input/faulty.yaml" "$work/own-input"
rc=$?
[[ $rc -eq 2 ]] && cmp -s "$work/own-input/faulty.yaml" "$work/faulty-copy.yaml"
check "--write-baseline naming one of its inputs: exit 2, and the input untouched (exit $rc)" $?

# Killed at any moment, a baseline is the old one or the new one, never part of one.
python3 "$root/bench/generate.py" --records 400 --seed 5 --faults 0.6 "$work/big" > /dev/null
validate --write-baseline "$out_dir/killed.yaml" "$work/big"
cp "$out_dir/killed.yaml" "$out_dir/killed-old.yaml"
validate --write-baseline "$out_dir/killed-new.yaml" "$work/big" "$records"
torn=0
for delay in 0.05 0.1 0.15 0.2 0.25 0.3 0.4 0.5 0.7 1.0; do
  "$cpconf" validate --no-config --as-of 2026-11-22 --write-baseline "$out_dir/killed.yaml" "$work/big" "$records" \
    > /dev/null 2>&1 &
  sleep "$delay"
  kill -KILL $! 2>/dev/null
  wait $! 2>/dev/null
  cmp -s "$out_dir/killed.yaml" "$out_dir/killed-old.yaml" || cmp -s "$out_dir/killed.yaml" "$out_dir/killed-new.yaml" ||
    torn=1
  cp "$out_dir/killed-old.yaml" "$out_dir/killed.yaml"
done
# A killed run may leave its temporary file (it is never read); clear them for the checks below.
find "$work" -name '.*.tmp.*' -delete
[[ $torn -eq 0 ]]; check "a --write-baseline killed at ten moments leaves the old or the new baseline, whole" $?

cached="$work/cached"
mkdir "$cached"
cp "$root"/examples/*.yaml "$cached"/
validate --cache "$cached"
entry=$(find "$cached/.cpconf-cache" -name '*.tree' | sort | head -n 1)
ln "$entry" "$work/held-entry"
cp "$entry" "$work/first-entry"
for file in "$cached"/*.yaml; do printf '# edited\n' >> "$file"; done
edited=$(cd "$cached" && sha256sum -- *.yaml)
validate --cache "$cached"
cmp -s "$work/held-entry" "$work/first-entry" && ! cmp -s "$entry" "$work/first-entry" && ! temporaries
check "--cache replaces an entry by renaming a new file over it, and leaves no temporary file" $?
[[ $(cd "$cached" && sha256sum -- *.yaml) == "$edited" ]]; check "--cache changes no record" $?

if "$cpconf" render --help 2>/dev/null | grep -q -- '--output'; then
  render() { "$cpconf" render --no-config --as-of 2026-11-22 "$@" > /dev/null 2>&1; }
  example="$records/patel-initial-2025-09.yaml"
  render --format markdown --output "$out_dir/patel.md" "$example"
  rc=$?
  [[ $rc -eq 0 && -s $out_dir/patel.md ]] && ! temporaries
  check "render --output writes the file, and no temporary file" $?
  ln "$out_dir/patel.md" "$out_dir/held.md"
  cp "$out_dir/patel.md" "$out_dir/first.md"
  render --format html --output "$out_dir/patel.md" "$example"
  cmp -s "$out_dir/held.md" "$out_dir/first.md" && ! cmp -s "$out_dir/patel.md" "$out_dir/first.md"
  check "render --output replaces a file by renaming a new one over it" $?
  render --format markdown --output "$out_dir/a-folder" "$example"
  [[ $? -eq 2 && -d $out_dir/a-folder ]] && ! temporaries
  check "render --output onto a folder: exit 2, and no temporary file left" $?
  render --format markdown --output "$example" "$example"
  [[ $? -eq 2 ]]; check "render --output naming its own input: exit 2" $?
  mkdir "$out_dir/rendered"
  render --format markdown --output-dir "$out_dir/rendered" "$records"
  rc=$?
  render --format markdown --output "$out_dir/patel-alone.md" "$example"
  [[ $rc -eq 0 && $(find "$out_dir/rendered" -type f | wc -l) -eq 7 ]] && ! temporaries &&
    cmp -s "$out_dir/rendered/patel-initial-2025-09.md" "$out_dir/patel-alone.md"
  check "render --output-dir writes one whole file per record (7), and no temporary file" $?
else
  echo "skip render --output: this build's render has no --output"
fi

[[ $(snapshot) == "$before" ]]; check "no input changed: bytes, size, mode, modification time and inode" $?

finish "hostile scale"
