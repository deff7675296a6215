#!/usr/bin/env bash
# Hostile configuration, cache and output files: nothing a run reads for its settings is echoed
# or trusted when others could have written it, and nothing it writes leaks or replaces what it
# should not. Usage: hostile_config.sh CPCONF SOURCE_DIR
set -u
cpconf=$1
source_dir=$2
source "$source_dir/tests/support/harness.sh"

record="$source_dir/tests/e2e/attendance/child-not-invited.yaml"  # one warning: child-not-invited
good="$work/good.yaml"  # a small record, quick to render many times
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

# --- A file that is not a profile, configuration or baseline is named, never quoted.
secret="$work/secret"
printf 'db_password: hunter2-SECRET-LINE\napi_token: tok-SECRET-LINE\n' > "$secret"
mkdir -p "$work/leak"
cp "$record" "$work/leak/record.yaml"
printf 'cpconf-config: 1\nprofile: %s\n' "$secret" > "$work/leak/.cpconf.yaml"
# refuses NAME ARGS...: exit 2, the file ($named, else the secret) named, no line of it on stdout or stderr.
refuses() {
  local name=$1 out rc
  shift
  out=$("$cpconf" "$@" 2>&1)
  rc=$?
  [[ $rc -eq 2 ]] && grep -qF "'${named:-$secret}' is not a cpconf" <<<"$out" &&
    ! grep -q 'SECRET-LINE\|hunter2\|db_password' <<<"$out"
  check "$name: refused, named, not quoted" $? || echo "$out" | head -5
}
refuses "a .cpconf.yaml whose profile is any file" validate "$work/leak/record.yaml"
refuses "--profile FILE that is not a profile" validate --no-config --profile "$secret" "$record"
refuses "--config FILE that is not a configuration" validate --config "$secret" "$record"
refuses "--baseline FILE that is not a baseline" validate --no-config --baseline "$secret" "$record"
refuses "render with a .cpconf.yaml whose profile is any file" render "$work/leak/record.yaml"
cp "$secret" "$work/leak/.cpconf.yaml"
named="$work/leak/.cpconf.yaml" refuses "a .cpconf.yaml that is any file" validate "$work/leak/record.yaml"
# A file that plainly is a profile (its first key says so) still has its faults shown in full.
printf 'cpconf-profile: 1\nname: local\nbogus-key: 3\n' > "$work/profile.yaml"
out=$("$cpconf" validate --as-of 2026-11-22 --no-config --profile "$work/profile.yaml" "$record" 2>&1)
[[ $? -eq 2 ]] && grep -q "bogus-key" <<<"$out"
check "a profile with a fault is still quoted in full" $? || echo "$out"

# --- A .cpconf.yaml others could have written is ignored, with a warning naming it once.
team="$work/team"
mkdir -p "$team"
chmod 755 "$team"
cp "$record" "$team/a.yaml"
cp "$record" "$team/b.yaml"
printf 'cpconf-config: 1\nrules:\n  child-not-invited: off\n' > "$team/.cpconf.yaml"
chmod 644 "$team/.cpconf.yaml"
"$cpconf" validate --as-of 2026-11-22 --select child-not-invited -- "$team/a.yaml" "$team/b.yaml" > "$work/out" 2> "$work/err"
[[ $? -eq 0 && $(cat "$work/err") == "cpconf: note: judged under configuration $team/.cpconf.yaml (2 records); profile england (2 records)" ]]
check "a .cpconf.yaml of the user's, written by nobody else, is used, and text output says so once" $? || cat "$work/err"
"$cpconf" validate --format json --as-of 2026-11-22 --select child-not-invited -- "$team/a.yaml" > /dev/null 2> "$work/err"
[[ $? -eq 0 && ! -s $work/err ]]
check "json output is used without a note (scripts read stdout; --verbose asks for it)" $? || cat "$work/err"
for command in vote timeline render; do
  "$cpconf" $command --verbose -- "$team/a.yaml" > /dev/null 2> "$work/err"
  grep -qx "cpconf: note: judged under configuration $team/.cpconf.yaml (1 record); profile england (1 record)" "$work/err"
  check "$command --verbose names the configuration and profile used" $? || cat "$work/err"
done
# ignored MODE...: the rule the configuration switches off fires again, and stderr names the file once.
ignored() {
  local name=$1 rc
  "$cpconf" validate --as-of 2026-11-22 --select child-not-invited -- "$team/a.yaml" "$team/b.yaml" > "$work/out" 2> "$work/err"
  rc=$?
  [[ $rc -eq 1 ]] && grep -q 'child-not-invited' "$work/out" &&
    [[ $(grep -c "warning: the configuration '$team/.cpconf.yaml'" "$work/err") -eq 1 ]]
  check "$name: ignored with one warning" $? || { echo "exit $rc"; cat "$work/err"; }
}
chmod o+w "$team/.cpconf.yaml"
ignored "a .cpconf.yaml others may write"
chmod 664 "$team/.cpconf.yaml"
ignored "a .cpconf.yaml its group may write"
chmod 644 "$team/.cpconf.yaml"
chmod 777 "$team"
ignored "a .cpconf.yaml in a folder others may write"
chmod 1777 "$team"
"$cpconf" validate --as-of 2026-11-22 --select child-not-invited -- "$team/a.yaml" "$team/b.yaml" > /dev/null 2> "$work/err"
[[ $? -eq 0 ]] && grep -q "judged under configuration $team/.cpconf.yaml" "$work/err" && ! grep -q warning "$work/err"
check "a .cpconf.yaml in a sticky folder (as /tmp) is used" $?
chmod 755 "$team"
if [[ $(id -u) -eq 0 ]]; then
  chown nobody "$team/.cpconf.yaml"
  ignored "a .cpconf.yaml owned by another user"
  chown 0 "$team/.cpconf.yaml"
else
  # An ordinary user cannot give a file away (.ci/run covers that as root, .ci/elsewhere this as
  # a user): a .cpconf.yaml that is root's (a link to /etc/passwd) is trusted as the user's own
  # is, so it is read, and refused as no configuration, without a word of it shown.
  mv "$team/.cpconf.yaml" "$team/kept.yaml"
  ln -s /etc/passwd "$team/.cpconf.yaml"
  "$cpconf" validate --as-of 2026-11-22 --select child-not-invited -- "$team/a.yaml" > /dev/null 2> "$work/err"
  rc=$?
  [[ $rc -eq 2 ]] && grep -q "'$team/.cpconf.yaml' is not a cpconf configuration" "$work/err" &&
    ! grep -q "another user\|root:" "$work/err"
  check "a .cpconf.yaml of root's is trusted, not ignored as another user's (run as an ordinary user)" $? ||
    { echo "exit $rc"; cat "$work/err"; }
  rm "$team/.cpconf.yaml"
  mv "$team/kept.yaml" "$team/.cpconf.yaml"
fi

# --- The cache folder: never followed through a symbolic link, never trusted when others could write it.
cached="$work/cached"
mkdir -p "$cached"
cp "$record" "$cached/fail.yaml"
cp "$good" "$cached/pass.yaml"
"$cpconf" validate --as-of 2026-11-22 --no-config --cache "$cached/pass.yaml" > /dev/null 2>&1
[[ $(cat "$cached/.cpconf-cache/.gitignore" 2> /dev/null) == '*' && $(stat -c %a "$cached/.cpconf-cache") == 700 ]]
check "a new cache folder is 0700 and holds a .gitignore of '*'" $?

linked="$work/linked"
mkdir -p "$linked" "$work/elsewhere"
chmod 755 "$work/elsewhere"
cp "$record" "$linked/fail.yaml"
ln -s "$work/elsewhere" "$linked/.cpconf-cache"
"$cpconf" validate --as-of 2026-11-22 --no-config "$linked/fail.yaml" > "$work/plain.out" 2> /dev/null
"$cpconf" validate --as-of 2026-11-22 --no-config --cache "$linked/fail.yaml" > "$work/out" 2> "$work/err"
rc=$?
[[ $rc -eq 1 ]] && cmp -s "$work/plain.out" "$work/out" && [[ -z $(ls -A "$work/elsewhere") ]] &&
  [[ $(stat -c %a "$work/elsewhere") == 755 ]] && grep -q "cache folder '.*linked/.cpconf-cache' is a symbolic link" "$work/err"
check "a cache folder that is a symbolic link is refused, its target untouched, the findings the same" $? ||
  { echo "exit $rc"; cat "$work/err"; ls -la "$work/elsewhere"; }

loose="$work/loose"
mkdir -p "$loose/.cpconf-cache"
chmod 777 "$loose/.cpconf-cache"
cp "$record" "$loose/fail.yaml"
"$cpconf" validate --as-of 2026-11-22 --no-config --cache "$loose/fail.yaml" > "$work/out" 2> "$work/err"
[[ $? -eq 1 && -z $(ls -A "$loose/.cpconf-cache") ]] && grep -q "is open to group or others" "$work/err"
check "a cache folder others may write is not used" $? || cat "$work/err"

# A forged entry: the passing record's parse, relabelled with the failing record's path and hash
# in whichever format the entries have, as someone else (mode 0644) could leave it.
"$cpconf" validate --as-of 2026-11-22 --no-config --cache "$cached/fail.yaml" "$cached/pass.yaml" > /dev/null 2>&1
forge() {
  python3 - "$cached" "$1" <<'PY'
import glob, hashlib, os, sys
folder, mode = sys.argv[1], int(sys.argv[2], 8)
M, MASK = 0x9E3779B97F4A7C15, (1 << 64) - 1
def hash64(d):
    h = 0xCBF29CE484222325 ^ ((len(d) * M) & MASK)
    def mix(w):
        nonlocal h
        h = ((h ^ w) * M) & MASK
        h ^= h >> 32
    i = 0
    while i + 8 <= len(d):
        mix(int.from_bytes(d[i:i + 8], "little")); i += 8
    mix(int.from_bytes(d[i:], "little") if i < len(d) else 0)
    return h
entries = {}
for path in glob.glob(os.path.join(folder, ".cpconf-cache", "*.tree")):
    lines = open(path, "rb").read().split(b"\n", 4)
    entries[os.path.basename(lines[2].decode())] = (path, lines)
fail_path, fail_lines = entries["fail.yaml"]
_, pass_lines = entries["pass.yaml"]
text = open(os.path.join(folder, "fail.yaml"), "rb").read()
digest = hashlib.sha256(text).hexdigest() if pass_lines[0].endswith(b" 4") else "%016x" % hash64(text)
forged = pass_lines[:]
forged[2] = fail_lines[2]
forged[3] = ("%s %d" % (digest, len(text))).encode()
with open(fail_path, "wb") as f:
    f.write(b"\n".join(forged))
os.chmod(fail_path, mode)
PY
}
forge 644
"$cpconf" validate --as-of 2026-11-22 --no-config --cache "$cached/fail.yaml" > "$work/out" 2>&1
[[ $? -eq 1 ]] && grep -q child-not-invited "$work/out"
check "a forged cache entry someone else could have written does not make a failing record pass" $? || cat "$work/out"
cp "$cached/.cpconf-cache/"*.tree "$work/" 2> /dev/null
for entry in "$cached/.cpconf-cache/"*.tree; do
  python3 -c 'import sys; p=sys.argv[1]; d=bytearray(open(p,"rb").read()); d[-3] ^= 1; open(p,"wb").write(d)' "$entry"
done
"$cpconf" validate --as-of 2026-11-22 --no-config --cache "$cached/fail.yaml" > "$work/out" 2>&1
[[ $? -eq 1 ]] && grep -q child-not-invited "$work/out"
check "a tampered cache entry is parsed afresh" $? || cat "$work/out"

# --- --write-baseline: 0600, no names, and it accepts every finding it lists.
names=$(sed -n 's/^ *name: //p' "$record")
"$cpconf" validate --as-of 2026-11-22 --no-config --write-baseline "$work/baseline.yaml" "$record" > /dev/null 2> "$work/err"
leaked=$(grep -F "$names" "$work/baseline.yaml")
[[ $(stat -c %a "$work/baseline.yaml") == 600 && -z $leaked ]]
check "--write-baseline writes mode 0600 and no name from the records" $? || { stat -c %a "$work/baseline.yaml"; echo "$leaked"; }
grep -q 'wrote 1 finding to the baseline' "$work/err"
check "--write-baseline counts one finding in the singular" $? || cat "$work/err"
out=$("$cpconf" validate --as-of 2026-11-22 --no-config --baseline "$work/baseline.yaml" "$record" 2>&1)
[[ $? -eq 0 ]] && grep -q '0 errors, 0 warnings, 0 info' <<<"$out"
check "--baseline with the written baseline reports no new finding" $? || echo "$out"

# --- render: never replaces a file the user could not write, nor an input; outputs checked at scale.
printf 'kept\n' > "$work/readonly.txt"
chmod 444 "$work/readonly.txt"
out=$("$cpconf" render --no-config -o "$work/readonly.txt" "$good" 2>&1)
[[ $? -eq 2 && $(cat "$work/readonly.txt") == kept && $(stat -c %a "$work/readonly.txt") == 444 ]] &&
  grep -qF "$work/readonly.txt" <<<"$out"
check "render -o refuses to replace a read-only file" $? || echo "$out"
for target in ./ "$work/"; do
  out=$(cd "$work" && "$cpconf" render --no-config -o "$target" "$good" 2>&1)
  [[ $? -eq 2 ]] && grep -q "is a folder" <<<"$out"
  check "render -o $target says the path is a folder" $? || echo "$out"
done

many="$work/many"
mkdir -p "$many/in" "$many/out"
python3 - "$good" "$many/in" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for i in range(2000):
    open(f"{sys.argv[2]}/r{i:04}.yaml", "w").write(text.replace("id: t-1", f"id: gen-{i:04}", 1))
PY
"$cpconf" render --no-config --output-dir "$many/out" "$many/in" > /dev/null 2> "$work/err"
rc=$?
count=$(ls "$many/out" | wc -l)
[[ $rc -eq 0 && $count -eq 2000 ]] && grep -q gen-1234 "$many/out/r1234.txt" && ! grep -q gen-1234 "$many/out/r1235.txt"
check "render --output-dir writes 2,000 records, one file each" $? || { echo "exit $rc, $count files"; head -3 "$work/err"; }

finish "hostile config"
