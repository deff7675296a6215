#!/usr/bin/env bash
# schemas/profile.schema.json accepts the built-in profiles and a user profile, refuses broken
# ones as cpconf does, and names every key the profile reader (source/profile_reader.cpp) reads. Validates with the ajv harness of
# tests/schema (its yaml2json.js and node_modules), a validator independent of cpconf's reader.
set -u
cpconf=$1
root=$2
harness=$root/tests/schema
schema=$root/schemas/profile.schema.json
source "$(dirname "$0")/../support/harness.sh"

if [[ ! -x $harness/node_modules/.bin/ajv ]]; then
  echo "FAIL ajv is not installed: run 'npm ci' in tests/schema (.ci/setup does)"
  exit 1
fi

ajv() {  # ajv COMMAND ARGS...: ajv's report without npm's notices
  (cd "$harness" && npx --no-install ajv "$@" --spec=draft2020 -c ajv-formats -s "$schema") 2>&1 | grep -v '^npm warn'
}

out=$(ajv compile); grep -q ' is valid$' <<<"$out"; compiled=$?
check "the profile schema compiles (draft 2020-12)" $compiled
[[ $compiled -eq 0 ]] || echo "$out"

# A user profile using most kinds of key; cpconf must accept it too.
cat > "$work/user.yaml" <<'YAML'
cpconf-profile: 1
name: north-wales-local
extends: north-wales
description: North Wales with a local closure day.
source: Local procedures, 2026.
chair-may-over-rule: false
quorum:
  min-groupings: 3
  required: [childrens-social-care, police]
timescales:
  minutes-working-days: 15
advisory:
  max-minutes: 150
closure-days: [2026-12-29]
rules:
  long-conference: off
  many-professionals: warning
YAML
# Broken profiles, which the schema and cpconf must both refuse.
printf 'cpconf-profile: 1\nname: typo\nextends: england\ntimescale:\n  plan-hours: 48\n' > "$work/unknown-key.yaml"
printf 'cpconf-profile: 1\nname: words\nextends: england\ntimescales:\n  plan-hours: 24 hours\n' \
  > "$work/bad-timescale.yaml"
printf 'cpconf-profile: 1\nname: minus\nextends: england\ntimescales:\n  minutes-working-days: -1\n' \
  > "$work/negative-timescale.yaml"
printf 'cpconf-profile: 1\nname: loud\nextends: england\nrules:\n  long-conference: loud\n' > "$work/bad-setting.yaml"
broken=(unknown-key bad-timescale negative-timescale bad-setting)
valid=("$root"/lib/cpconf/profiles/*.yaml "$work/user.yaml")

# One ajv run for every file (npx is slow to start); it prints "FILE.json valid" or "... invalid".
args=()
for file in "${valid[@]}" "${broken[@]/#/$work/}"; do
  file=${file%.yaml}.yaml
  json="$work/$(basename "$file" .yaml).json"
  node "$harness/yaml2json.js" "$file" "$json" && args+=(-d "$json")
done
report=$(ajv validate --errors=text "${args[@]}")
verdict() { grep -xE "$work/$1\\.json (valid|invalid)" <<<"$report" | awk '{print $2}'; }

for file in "${valid[@]}"; do
  name=$(basename "$file" .yaml)
  [[ $(verdict "$name") == valid ]]; status=$?
  check "$name validates against the schema" $status
  [[ $status -eq 0 ]] || grep -A1 -F "$work/$name.json" <<<"$report"
done
"$cpconf" rules --profile "$work/user.yaml" >/dev/null 2>"$work/user.err"
check "cpconf accepts the user profile" $?
[[ -s $work/user.err ]] && cat "$work/user.err"

for name in "${broken[@]}"; do
  [[ $(verdict "$name") == invalid ]]; check "the schema refuses a profile with $name" $?
  "$cpconf" rules --profile "$work/$name.yaml" >/dev/null 2>&1; [[ $? -eq 2 ]]
  check "cpconf refuses a profile with $name (exit 2)" $?
done

# The schema names exactly what the profile reader reads and the built-in profiles lib/ holds.
python3 - "$schema" "$root/lib/cpconf/source/profile_reader.cpp" "$root/lib/cpconf/profiles" <<'PY'
import json, os, re, sys
schema = json.load(open(sys.argv[1]))
source = open(sys.argv[2]).read()
body = source[source.index("void describe_profile("):]
body = body[:body.index("\n}\n")]
read = set(re.findall(r'r\.\w+\("([a-z-]+)"', body))
problems = []
if read != set(schema["properties"]):
    problems.append(f"top-level keys differ: profile.cpp only {sorted(read - set(schema['properties']))}, "
                    f"schema only {sorted(set(schema['properties']) - read)}")
timescales = set(re.findall(r'\{"([a-z-]+)", &Timescales::', source))
# and the timescales read apart from that table (those that may be left unset)
described = source[source.index("void describe(MapReader& r, TimescalesDoc& t)"):]
timescales |= set(re.findall(r'r\.optional\("([a-z-]+)"', described[:described.index("\n}\n")]))
listed = set(schema["$defs"]["timescales"]["properties"])
if not timescales or timescales != listed:
    problems.append(f"timescales differ: profile.cpp {sorted(timescales)}, schema {sorted(listed)}")
builtins = {f[:-5] for f in os.listdir(sys.argv[3]) if f.endswith(".yaml")}
extends = set(schema["properties"]["extends"]["anyOf"][0]["enum"])
if builtins != extends:
    problems.append(f"extends lists {sorted(extends)}, the built-in profiles are {sorted(builtins)}")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
PY
check "the schema lists every key profile.cpp reads and every built-in profile" $?

finish "profile schema"
