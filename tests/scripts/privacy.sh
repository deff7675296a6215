#!/usr/bin/env bash
# Findings copied into CI logs and code-scanning services must not carry the names of children
# or family members. Runs sarif, github and junit (and text and json with --redact) over the
# examples, over copies of them with the keys deleted that keep their rules quiet (so that
# findings quote names), and over every e2e test record, then searches each output for every
# name those records give: children's, and attendees' who are not there as professionals. The
# records are copied under neutral file names first, so that any name found came from a message.
# As a control, the same search must find names in plain --format json.
set -u
cpconf=$1
root=$2
harness="$root/tests/schema"
source "$(dirname "$0")/../support/harness.sh"
if [[ ! -d $harness/node_modules/js-yaml ]]; then
  echo "FAIL: $harness/node_modules is missing: run 'bash .ci/setup' (npm ci in tests/schema)"; exit 1
fi

# Neutral copies: examples, examples with findings, and the e2e records (case folders kept whole).
python3 - "$root" "$work/records" <<'PY' || exit 1
import os, re, shutil, sys
root, out = sys.argv[1], sys.argv[2]
examples = sorted(f for f in os.listdir(f"{root}/examples") if f.endswith(".yaml"))
# Keys whose absence makes rules speak: reasons, evidence, sources, invitations, reports' views.
quiet_keys = re.compile(r"^ *(not-invited-reason|complaints-info-given|evidence|source|represented-by|invited|"
                        r"risk-view|observer-request|rationale):")
for i, name in enumerate(examples, 1):
    os.makedirs(f"{out}/examples", exist_ok=True)
    os.makedirs(f"{out}/noisy", exist_ok=True)
    shutil.copy(f"{root}/examples/{name}", f"{out}/examples/r{i}.yaml")
    lines = open(f"{root}/examples/{name}", encoding="utf-8").read().split("\n")
    open(f"{out}/noisy/r{i}.yaml", "w", encoding="utf-8").write("\n".join(l for l in lines if not quiet_keys.match(l)))
for f, family in enumerate(sorted(os.listdir(f"{root}/tests/e2e")), 1):
    source = f"{root}/tests/e2e/{family}"
    if not os.path.isdir(source):
        continue
    for i, entry in enumerate(sorted(os.listdir(source)), 1):
        path = f"{source}/{entry}"
        if os.path.isdir(path):
            for j, record in enumerate(sorted(os.listdir(path)), 1):
                os.makedirs(f"{out}/e2e/f{f}/c{i}", exist_ok=True)
                shutil.copy(f"{path}/{record}", f"{out}/e2e/f{f}/c{i}/r{j}.yaml")
        elif entry.endswith((".yaml", ".yml")):
            os.makedirs(f"{out}/e2e/f{f}", exist_ok=True)
            shutil.copy(path, f"{out}/e2e/f{f}/r{i}.yaml")
PY

# Every name to look for, per record: its people's full names, then the words of each name
# searched alone. The words left out are those privacy.cpp keeps (titles, descriptions, surname
# particles, initials); the full names that hold them are still searched for. A name is looked
# for only in what is said about its own record: the same words may be a professional's name
# in another record, which is not hidden.
(cd "$work/records" && find . -name '*.yaml' | sed 's|^\./||' | sort) >"$work/files"
# One node process reads them all, with the js-yaml the schema harness uses (YAML 1.2 core).
(cd "$work/records" && NODE_PATH="$harness/node_modules" node -e '
const fs = require("fs"), yaml = require("js-yaml");
for (const file of fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean)) {
  try {
    fs.writeFileSync(file + ".json", JSON.stringify(yaml.load(fs.readFileSync(file, "utf8"), {schema: yaml.CORE_SCHEMA}) ?? null));
  } catch (error) {}  // not YAML: it names nobody
}' "$work/files")
python3 - "$work/records" "$work/files" >"$work/names.json" <<'PY'
import json, os, sys
base, files = sys.argv[1], open(sys.argv[2]).read().split()
not_names = set("mr mrs ms miss mx dr prof rev sir dame cllr dc ds di dci pc ps sgt insp unborn baby child infant "
                "twin of and de da du la le van von der den bin ap".split())
by_file = {}
for file in files:
    path = f"{base}/{file}.json"
    if not os.path.exists(path):
        continue
    record = json.load(open(path))
    if not isinstance(record, dict):
        continue
    people = [c for c in record.get("children") or [] if isinstance(c, dict)]
    people += [a for a in record.get("attendees") or [] if isinstance(a, dict) and a.get("capacity") != "professional"]
    names = set()
    for person in people:
        name = person.get("name")
        if not isinstance(name, str) or not name.strip():
            continue
        words = [w.strip("\"'()[],.;:") for w in name.split()]
        names.add(" ".join(w for w in words if w))
        for word in words:
            for part in [word] + (word.split("-") if "-" in word else []):
                if len(part) >= 2 and part.lower() not in not_names:
                    names.add(part)
    by_file[file] = sorted(names)
json.dump(by_file, sys.stdout, indent=0)
PY
count=$(python3 -c 'import json, sys; print(sum(map(len, json.load(open(sys.argv[1])).values())))' "$work/names.json")
[[ $count -gt 100 ]]; check "the records give $count names and name words to look for" $?
"$cpconf" rules --format json >"$work/rules.json"

# leaks FORMAT OUTPUT: "file: name" for each name found in what the output says about that
# file (its text, decoded as the format is read), leaving out what is the tool's own: rule
# names, and SARIF's tool.driver.
leaks() {
  python3 - "$1" "$2" "$work/names.json" "$work/rules.json" <<'PY'
import json, re, sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote
fmt, output, names_file, rules_file = sys.argv[1:5]
raw = open(output, encoding="utf-8").read()
said = []  # (file, text)
located = re.compile(r"^(.+?):\d+:\d+: ", re.M)
if fmt == "sarif":
    for result in json.loads(raw)["runs"][0]["results"]:
        file = unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        said.append((file, json.dumps(result, ensure_ascii=False)))
elif fmt == "junit":
    for case in ET.fromstring(raw).iter("testcase"):
        texts = [v for e in case.iter() for v in list(e.attrib.values()) + [e.text or ""]]
        files = [m.group(1) for t in texts for m in located.finditer(t)]
        said += [(file, "\n".join(texts)) for file in set(files)]
        assert files or case.get("name") in ("no findings", "read the record"), case.get("name")
elif fmt == "github":
    for line in raw.splitlines():
        said.append((unquote(re.search(r"file=([^,]*)", line).group(1)), unquote(line)))
elif fmt == "csv":
    import csv, io
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0][0] == "file", rows[0]
    # The chair column is left out: the chair is a professional, named by design (and the test
    # records' chairs share words with their children's names: "Test Chair", "Test Child").
    said += [(row[0], ",".join(row[:7] + row[8:])) for row in rows[1:]]
elif fmt == "json":
    doc = json.loads(raw)
    for file in doc["files"]:
        if file.get("conference"):
            del file["conference"]["chair"]  # a professional, named by design (as in csv above)
        said.append((file["file"], json.dumps(file, ensure_ascii=False)))
    said += [(f["file"], json.dumps(f, ensure_ascii=False)) for f in doc["cross_record"]]
else:
    file = None
    for line in raw.splitlines():
        m = located.match(line)
        file = m.group(1) if m else file
        said.append((file, line))
names = json.load(open(names_file))
rules = [rule["name"] for rule in json.load(open(rules_file))]
word = r"[A-Za-z0-9\u0080-\U0010ffff]"
found = set()
for file, text in said:
    for rule in rules:
        text = text.replace(rule, " ")
    for name in names.get(file, []):
        if re.search(rf"(?<!{word}){re.escape(name)}(?!{word})", text, re.IGNORECASE):
            found.add(f"{file}: {name}")
assert said, "nothing to search"
print("\n".join(sorted(found)))
PY
}

run() {  # run OUT OPTIONS...
  local out=$1
  shift
  (cd "$work/records" && "$cpconf" validate --as-of 2026-11-22 "$@" examples noisy e2e) >"$out" 2>"$out.err"
}

for format in sarif github junit; do
  run "$work/out.$format" --format "$format"
  found=$(leaks "$format" "$work/out.$format")
  [[ -z $found ]]; status=$?
  check "$format: no name appears in $(wc -l <"$work/out.$format") lines of output" $status
  [[ -z $found ]] || echo "  names found: $(echo "$found" | head -20 | tr '\n' ',')"
done
for format in text concise json csv; do
  run "$work/redacted.$format" --format "$format" --redact --show-waived
  found=$(leaks "$format" "$work/redacted.$format")
  [[ -z $found ]]; check "$format --redact: no name appears" $?
  [[ -z $found ]] || echo "  names found: $(echo "$found" | head -20 | tr '\n' ',')"
done
! grep -q ' | ' "$work/redacted.text"; check "text --redact: no source line is shown" $?

# The control: without --redact the same search finds the names the messages quote.
run "$work/plain.json" --format json
found=$(leaks json "$work/plain.json")
missing=""
for name in "noisy/r5.yaml: Anaya Patel" "noisy/r6.yaml: Ruby Ellis" "noisy/r1.yaml: Rhian" "noisy/r3.yaml: Priya" \
  "noisy/r2.yaml: Chidinma" "noisy/r2.yaml: Jess Morley"; do
  grep -qxF "$name" <<<"$found" || missing+=" [$name]"
done
[[ -z $missing ]]; status=$?
check "control: plain json quotes names ($(wc -l <<<"$found") found), and the search finds them" $status
[[ -z $missing ]] || echo "  not found:$missing"

# The examples and their noisy copies share conference ids, which hold the families' surnames:
# the cross-record findings about them quote the ids with the names replaced.
python3 - "$work/out.sarif" <<'PY'; check "sarif: cross-record findings quote ids with the names in them replaced" $?
import json, sys
messages = [r["message"]["text"] for r in json.load(open(sys.argv[1]))["runs"][0]["results"] if r["ruleId"] == "duplicate-id"]
assert "conference id 'children[0]-icpc-2026-03-17' is also used by examples/r1.yaml: conference ids must be unique " \
       "across records (at conference.id)" in messages, messages
PY

# SARIF's tool section, left out above, is the same whatever the records.
(cd "$root" && "$cpconf" validate --format sarif examples/okafor-pre-birth-2026-06.yaml) >"$work/one.sarif"
python3 -c '
import json, sys
a, b = (json.load(open(p))["runs"][0]["tool"] for p in sys.argv[1:3])
assert a == b' "$work/one.sarif" "$work/out.sarif"
check "sarif: tool.driver is the same for any records, so it holds no record text" $?

finish "privacy"
