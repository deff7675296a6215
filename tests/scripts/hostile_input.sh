#!/usr/bin/env bash
# Hostile inputs, generated here rather than committed: each must give a named finding or a
# clear input error, with exit 1 or 2, within seconds, and never stop the other files being checked.
set -u
cpconf=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passed=0

good="$work/good.yaml"
cat > "$good" <<'YAML'
cpconf: 1
conference:
  id: t-1
  case: case-t
  kind: initial
  profile: north-wales
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  chair: Test Chair
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

# expect NAME EXIT PATTERN FILE...: runs validate on the files plus a good one, within 20 s.
expect() {
  local name=$1 want_exit=$2 pattern=$3
  shift 3
  local out rc
  out=$(timeout 20 "$cpconf" validate --select record --fail-on error --color never "$@" "$good" 2>&1)
  rc=$?
  if [[ $rc -ne $want_exit ]]; then
    echo "FAIL $name: exit $rc, wanted $want_exit"; echo "$out" | head -5; ((failures++)); return
  fi
  if ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output lacks /$pattern/"; echo "$out" | head -5; ((failures++)); return
  fi
  if ! grep -qE "[0-9]+ files? checked" <<<"$out"; then
    echo "FAIL $name: the other file was not checked"; ((failures++)); return
  fi
  echo "ok $name"
  ((passed++))
}

python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
def write(name, data, mode="w"):
    with open(os.path.join(w, name), mode) as f: f.write(data)
write("deep-seq.yaml", "a: " + "[" * 100000 + "]" * 100000 + "\n")
write("deep-map.yaml", "a: " + "{b: " * 100000 + "c" + "}" * 100000 + "\n")
write("deep-block.yaml", "".join("  " * i + "k%d:\n" % i for i in range(2000)))
bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
for i in range(1, 10):
    p, n = chr(ord('a') + i - 1), chr(ord('a') + i)
    bomb += "%s: &%s [%s]\n" % (n, n, ", ".join("*" + p for _ in range(10)))
write("alias-bomb.yaml", bomb)
write("long-line.yaml", "cpconf: 1\nnote: " + "x" * 3_000_000 + "\n")
write("binary.yaml", bytes(range(256)) * 64, "wb")
write("bad-utf8.yaml", b"cpconf: 1\nconference:\n  chair: Caf\xc3\x28\n", "wb")
write("nul.yaml", b"cpconf: 1\n\x00\n", "wb")
write("unterminated.yaml", "cpconf: 1\nconference:\n  chair: 'never closed\nchildren: []\n")
write("two-docs.yaml", "cpconf: 1\n---\ncpconf: 1\n")
write("empty.yaml", "")
write("many-keys.yaml", "".join("k%d: %d\n" % (i, i) for i in range(250000)))
PY
truncate -s 100M "$work/huge.yaml"

expect "deep nesting of sequences" 1 'nested more than 64 levels deep.*\[input-limits\]' "$work/deep-seq.yaml"
expect "deep nesting of mappings" 1 'nested more than 64 levels deep.*\[input-limits\]' "$work/deep-map.yaml"
expect "deep block nesting" 1 'nested more than 64 levels deep.*\[input-limits\]' "$work/deep-block.yaml"
expect "alias bomb" 1 'alias-bomb.yaml:1:4: error: anchors .*\[input-limits\]' "$work/alias-bomb.yaml"
expect "100 MB file" 1 'huge.yaml:1:1: error: the file is larger than' "$work/huge.yaml"
expect "3 MB line" 1 'long-line.yaml' "$work/long-line.yaml"
expect "binary data" 1 'binary.yaml:1:1: error: the file holds a NUL byte.*\[yaml-syntax\]' "$work/binary.yaml"
expect "invalid UTF-8" 1 'bad-utf8.yaml:3:13: error: invalid UTF-8 byte 0xC3.*\[yaml-syntax\]' "$work/bad-utf8.yaml"
expect "NUL byte" 1 'nul.yaml:2:1: error: the file holds a NUL byte' "$work/nul.yaml"
expect "unterminated quote" 1 "unterminated.yaml:3:10: error: this quoted string is never closed" "$work/unterminated.yaml"
expect "two documents" 1 'two-docs.yaml:3:1: error: a second YAML document' "$work/two-docs.yaml"
expect "empty file" 1 'empty.yaml:1:1: error: the file is empty' "$work/empty.yaml"
expect "too many values" 1 'more than 200000 values.*\[input-limits\]' "$work/many-keys.yaml"

mkfifo "$work/fifo.yaml"
expect "a FIFO" 2 "fifo.yaml' is not a regular file" "$work/fifo.yaml"
expect "a missing file" 2 "cannot read '.*missing.yaml': no such file or directory" "$work/missing.yaml"

mkdir -p "$work/loop/inner"
sed 's/id: t-1/id: t-2/' "$good" > "$work/loop/inner/record.yaml"
ln -s .. "$work/loop/inner/back"
expect "a directory loop through symlinks" 0 '^2 files checked: 0 errors' "$work/loop"

if [[ $(id -u) -ne 0 ]]; then
  cp "$good" "$work/unreadable.yaml"
  chmod 000 "$work/unreadable.yaml"
  expect "an unreadable file" 2 "cannot read .*unreadable.yaml.*Permission denied" "$work/unreadable.yaml"
else
  echo "skip an unreadable file: running as root, which reads any file"
fi

# verdict NAME STATUS [DETAIL]: counts a check made outside expect.
verdict() {
  if [[ $2 -eq 0 ]]; then echo "ok $1"; ((passed++)); else echo "FAIL $1"; [[ -n ${3:-} ]] && echo "$3" | head -5; ((failures++)); fi
}

# Standard input has the files' 4 MiB limit in every command, and an endless one is not read to
# its end. Memory is capped so that a cpconf that reads on fails quickly (not under ASan, which
# reserves far more address space than it uses).
out=$(head -c 5000000 /dev/zero | timeout 20 "$cpconf" validate - 2>&1)
rc=$?
[[ $rc -eq 2 ]] && grep -q '<stdin> (standard input) is larger than 4194304 bytes' <<<"$out"
verdict "5 MB on standard input" $? "exit $rc: $out"
cap=""
ldd "$cpconf" 2>/dev/null | grep -q libasan || cap="ulimit -v 1000000;"
for command in validate vote timeline render; do
  out=$(bash -c "$cap timeout 20 \"\$0\" $command --stdin-filename piped.yaml - < /dev/zero" "$cpconf" 2>&1)
  rc=$?
  [[ $rc -eq 2 ]] && grep -q 'piped.yaml (standard input) is larger than' <<<"$out"
  verdict "cpconf $command - < /dev/zero" $? "exit $rc: ${out:0:300}"
done
out=$("$cpconf" validate - - < "$good" 2>&1)
rc=$?
[[ $rc -eq 2 ]] && grep -q "given more than once: standard input can be read only once" <<<"$out"
verdict "validate - - refuses to read standard input twice" $? "exit $rc: $out"

printf '# a record saved with classic Mac OS line endings\rcpconf: 1\rconference:\r  id: x\r' > "$work/cr-only.yaml"
expect "CR-only line endings" 1 'cr-only.yaml:1:1: error: .*carriage return alone' "$work/cr-only.yaml"
printf 'cpconf: 1\nconference:\n  id: "\\uD800"\n' > "$work/surrogate.yaml"
expect "a surrogate escape" 1 'surrogate.yaml:3:.*\\uD800\) names no character' "$work/surrogate.yaml"
ln -s "$work/loop-b.yaml" "$work/loop-a.yaml"
ln -s "$work/loop-a.yaml" "$work/loop-b.yaml"
expect "a symbolic link loop named directly" 2 "loop-a.yaml': it is a symbolic link loop" "$work/loop-a.yaml"

# Options: a date written YYYY-MM-DD that is no date, a negative width.
for date in 2026-02-30 0001-01-01; do
  out=$("$cpconf" validate --as-of "$date" "$good" 2>&1)
  rc=$?
  [[ $rc -eq 2 ]] && grep -q "is not a real date" <<<"$out" && ! grep -q "must be a date written" <<<"$out"
  verdict "--as-of $date is not a real date" $? "exit $rc: $out"
done
out=$("$cpconf" vote --width -1 "$good" 2>&1)
verdict "vote --width -1 is refused" $(($? == 2 ? 0 : 1)) "$out"

echo "hostile input: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
