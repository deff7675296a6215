#!/usr/bin/env bash
# `cpconf schema`: prints the shipped JSON Schemas byte for byte (compiled in, so it works with
# no file at run time), the record's by default; an unknown name is exit 2 with a suggestion.
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"

"$cpconf" schema > "$work/default.json"; check "cpconf schema is exit 0" $?
cmp "$work/default.json" "$root/schemas/conference.schema.json"
check "cpconf schema prints schemas/conference.schema.json byte for byte" $?
"$cpconf" schema record > "$work/record.json"; check "cpconf schema record is exit 0" $?
cmp "$work/record.json" "$root/schemas/conference.schema.json"; check "cpconf schema record is the record schema" $?
"$cpconf" schema profile > "$work/profile.json"; check "cpconf schema profile is exit 0" $?
cmp "$work/profile.json" "$root/schemas/profile.schema.json"; check "cpconf schema profile is the profile schema" $?
python3 - "$work/record.json" "$work/profile.json" <<'PY'; check "both parse as JSON Schemas of draft 2020-12" $?
import json, sys
for path in sys.argv[1:]:
    schema = json.load(open(path))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", path
PY

# The schemas are compiled in: the program prints them from a folder with no schemas/ in sight.
out=$(cd "$work" && "$cpconf" schema | cmp - "$root/schemas/conference.schema.json" && echo same)
[[ $out == same ]]; check "the schema needs no file at run time" $?

out=$("$cpconf" schema profil 2>&1 >"$work/stdout"); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: unknown schema 'profil': the schemas are record, profile (did you mean 'profile'?)" \
   && ! -s $work/stdout ]]
check "an unknown schema is exit 2, names both schemas, suggests the nearest and prints no schema" $?
out=$("$cpconf" schema conference 2>&1); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: unknown schema 'conference': the schemas are record, profile" ]]
check "the file name is not a schema name (no suggestion when none is close)" $?
"$cpconf" schema record profile >/dev/null 2>&1; [[ $? -eq 2 ]]; check "two names are a usage error (exit 2)" $?
"$cpconf" schema --help | grep -qF 'TEXT:{record,profile}'; check "--help shows the names" $?

finish "schema command"
