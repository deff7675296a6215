#!/usr/bin/env bash
# An editor and cpconf agree on a record: yaml-language-server (the YAML language server of VS
# Code's YAML extension and other editors), given the record's JSON Schema by the record's own
# first line, reports errors on the same lines as cpconf's record rules, over the shipped examples
# (none) and over a broken copy (a misspelt key, an impossible date, a value outside its list, a
# list where one value belongs); and its messages are readable (no raw date pattern).
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"

server=$root/tests/yamlls
[[ -d $server/node_modules/yaml-language-server ]] ||
  fail "yaml-language-server is not installed: run 'npm ci' in tests/yamlls (.ci/setup does)"

# The examples with the schema beside them, as in the source tree: their first lines name
# ../schemas/conference.schema.json.
cp -r "$root/examples" "$root/schemas" "$work/"
records=("$work"/examples/*.yaml)

# editor FILE...: "line severity" of each diagnostic of yaml-language-server, per file, sorted.
editor() { (cd "$server" && node diagnostics.js "$@") > "$work/editor.jsonl"; }
# cpconf FILE...: the same for cpconf's findings of the record family (what the schema can say).
cpconf_record() {
  "$cpconf" validate --no-config --format json --select record "$@" > "$work/cpconf.json"
}
lines_of() {  # lines_of FILE: the sorted "line severity" pairs both tools gave for FILE
  python3 - "$work/editor.jsonl" "$work/cpconf.json" "$1" <<'PY'
import json, sys
editor_file, cpconf_file, wanted = sys.argv[1:4]
editor = sorted({(d["line"], d["severity"]) for d in map(json.loads, open(editor_file)) if d["file"] == wanted})
doc = json.load(open(cpconf_file))
mine = sorted({(f["line"], f["severity"]) for r in doc["files"] if r["file"] == wanted for f in r["findings"]})
print("editor:", editor)
print("cpconf:", mine)
sys.exit(0 if editor == mine else 1)
PY
}

editor "${records[@]}"; check "yaml-language-server runs over the examples" $?
[[ ! -s $work/editor.jsonl ]]; check "the editor reports nothing in the shipped examples" $?
[[ -s $work/editor.jsonl ]] && cat "$work/editor.jsonl"

broken=$work/examples/broken.yaml
python3 - "$work/examples/patel-initial-2025-09.yaml" "$broken" <<'PY'
import sys
text = open(sys.argv[1]).read()
for old, new in [("  strategy-discussion: 2025-09-01", "  strategy-discussion: 2025-09-31"),
                 ("  kind: initial", "  kind: initail"),
                 ("  s47-started: 2025-09-01", "  s47-started: 2025-09-01\n  chiar: Someone"),
                 ("cpconf: 1\n", "cpconf: 1\nnotes: a key no record has\n")]:
    assert old in text, old
    text = text.replace(old, new, 1)
open(sys.argv[2], "w").write(text)
PY
editor "$broken" && cpconf_record "$broken"
out=$(lines_of "$broken"); rc=$?
[[ $rc -eq 0 ]]; check "a broken record: the editor's errors and cpconf's are on the same lines, all errors" $?
[[ $rc -eq 0 ]] || echo "$out"
[[ $(grep -c '"severity":"error"' "$work/editor.jsonl") -eq 4 ]]; check "the editor reports the four faults" $?
"$cpconf" validate --no-config --fail-on error "$broken" >/dev/null 2>&1; [[ $? -eq 1 ]]
check "--fail-on error fails the record the editor marks broken (an unknown key is an error in both)" $?

python3 - "$work/editor.jsonl" <<'PY'; check "the editor's message for an impossible date is readable: no pattern, under 120 characters" $?
import json, sys
dates = [d["message"] for d in map(json.loads, open(sys.argv[1])) if d["line"] == 11]
assert dates, "no diagnostic on the date's line"
for message in dates:
    assert "(?:" not in message and len(message) < 120 and "YYYY-MM-DD" in message, message
PY

finish "editor parity"
