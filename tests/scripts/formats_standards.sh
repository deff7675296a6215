#!/usr/bin/env bash
# The machine formats of `cpconf validate`, each checked against its standard by a tool that is
# not cpconf: SARIF 2.1.0 against the OASIS JSON Schema with ajv (npm), JUnit XML against the
# Jenkins JUnit XSD with xmllint (libxml2-utils), GitHub workflow commands with a parser written
# here from GitHub's documented syntax. Each validator is also shown a broken document, so that
# a validator that accepts everything cannot pass. Then the content: every finding the JSON
# format gives is in the SARIF and JUnit output, in the same place, and the bytes do not depend
# on -j.
set -u
cpconf=$1
root=$2
harness="$root/tests/schema"
standards="$root/tests/standards"
source "$(dirname "$0")/../support/harness.sh"
if [[ ! -x $harness/node_modules/.bin/ajv ]]; then
  echo "FAIL: $harness/node_modules is missing: run 'bash .ci/setup' (npm ci in tests/schema)"; exit 1
fi
command -v xmllint >/dev/null || { echo "FAIL: xmllint is missing: run 'bash .ci/setup' (libxml2-utils)"; exit 1; }

# SARIF 2.1.0 is a draft-07 schema; ajv-formats checks uri, uri-reference and the other formats.
sarif_valid() {  # sarif_valid FILE.json
  (cd "$harness" && npx --no-install ajv validate --spec=draft7 -c ajv-formats --errors=text \
    -s "$standards/sarif-schema-2.1.0.json" -d "$1") >"$work/ajv.log" 2>&1
  local status=$?
  grep -v '^npm warn' "$work/ajv.log" | grep -v ' valid$' | head -5
  return $status
}
junit_valid() {  # junit_valid FILE.xml
  xmllint --noout --schema "$standards/junit-10.xsd" "$1" 2>&1 | grep -v ' validates$' | head -5
  return "${PIPESTATUS[0]}"
}

# Every e2e record and example, in one run: findings of every rule, waived findings, loader
# findings of files that are not records, cross-record findings, and a path that does not exist.
inputs=("$root/examples" "$root/tests/e2e" "$work/absent.yaml")
run() {  # run FORMAT OUT [options...]
  local format=$1 out=$2
  shift 2
  (cd "$root" && "$cpconf" validate --as-of 2026-11-22 --format "$format" "$@" examples tests/e2e \
    "$work/absent.yaml") >"$out" 2>/dev/null
}
run sarif "$work/all.sarif.json"; rc=$?
[[ $rc -eq 2 ]]; check "sarif: an unreadable input is exit 2, as in every format" $?
sarif_valid "$work/all.sarif.json"; check "sarif: the output validates against the SARIF 2.1.0 schema (ajv)" $?
run json "$work/all.json" --redact  # the machine formats always redact names; compare like with like
run junit "$work/all.junit.xml"
junit_valid "$work/all.junit.xml"; check "junit: the output validates against junit-10.xsd (xmllint)" $?
run github "$work/all.github"
"$cpconf" rules --format json >"$work/rules.json"

# The validators refuse what breaks their standard.
python3 - "$work/all.sarif.json" "$work/broken.sarif.json" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
log["runs"][0]["results"][0]["level"] = "info"  # SARIF's levels are none, note, warning, error
json.dump(log, open(sys.argv[2], "w"))
PY
! sarif_valid "$work/broken.sarif.json" >/dev/null; check "sarif: ajv rejects a result whose level is not SARIF's" $?
sed '0,/<testsuite name="[^"]*" tests="[0-9]*"/s//<testsuite name="x"/' "$work/all.junit.xml" >"$work/broken.junit.xml"
! cmp -s "$work/all.junit.xml" "$work/broken.junit.xml" && ! junit_valid "$work/broken.junit.xml" >/dev/null
check "junit: xmllint rejects a test suite without its tests count" $?

# What SARIF says, finding by finding, is what the JSON format says.
python3 - "$work/all.sarif.json" "$work/all.json" "$work/rules.json" <<'PY'; check "sarif: one run; every rule in tool.driver.rules; every finding a result in its place" $?
import json, sys
from urllib.parse import quote
sarif, doc, rules = (json.load(open(p)) for p in sys.argv[1:4])
assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
run = sarif["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "cpconf"
assert [r["id"] for r in driver["rules"]] == [r["name"] for r in rules], "rules differ from cpconf rules"
levels = {"error": "error", "warning": "warning", "info": "note"}
for descriptor, rule in zip(driver["rules"], rules):
    assert descriptor["shortDescription"]["text"] == rule["summary"]
    assert descriptor["fullDescription"]["text"] == rule["explanation"]
    assert descriptor["help"]["text"] == rule["explanation"] + "\n\nSource: " + rule["source"]
    assert descriptor["helpUri"].endswith("/docs/rules.md#" + rule["name"]), descriptor["helpUri"]
    assert descriptor["properties"] == {"family": rule["family"], "source": rule["source"]}
    assert descriptor["defaultConfiguration"]["level"] == levels[rule["severity"]]

def expected(f, file, waived):
    message = f["message"] + (f" (at {f['path']})" if f["path"] else "")
    return (f["rule"], levels[f["severity"]], message, quote(file), f["line"], f["column"], waived)
want = []
for file in doc["files"]:
    want += [expected(f, file["file"], False) for f in file["findings"]]
    want += [expected(f, file["file"], True) for f in file["waived"]]
want += [expected(f, f["file"], False) for f in doc["cross_record"]]
got = []
for r in run["results"]:
    assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    where = r["locations"][0]["physicalLocation"]
    region = where.get("region", {"startLine": 0, "startColumn": 0})
    got.append((r["ruleId"], r["level"], r["message"]["text"], where["artifactLocation"]["uri"],
                region["startLine"], region["startColumn"], "suppressions" in r))
assert len(got) > 300, len(got)
assert got == want, next((g, w) for g, w in zip(got, want) if g != w)
notes = run["invocations"][0]
assert notes["executionSuccessful"] is False
assert [n["message"]["text"] for n in notes["toolExecutionNotifications"]] == \
    [f["error"] for f in doc["files"] if "error" in f]
PY

# GitHub code scanning reads a subset of SARIF and requires more than the schema does (GitHub's
# "SARIF support for code scanning"): a driver name, rule ids, for each result a ruleId, a message
# text, one to ten locations each with an artifact URI and a region's startLine, and
# partialFingerprints for alerts to stay matched when uploaded through the API; at most 25,000
# results in a run. Each rule's helpUri is an absolute URI at the rule's heading in the shipped
# rule reference.
python3 - "$work/all.sarif.json" "$root/docs/rules.md" <<'PY'; check "sarif: every property GitHub code scanning requires; each helpUri names its rule's heading in docs/rules.md" $?
import json, re, sys
from urllib.parse import urlparse, unquote
sarif = json.load(open(sys.argv[1]))
headings = set(re.findall(r"^### (\S+)$", open(sys.argv[2]).read(), re.M))
assert sarif["version"] == "2.1.0" and sarif["$schema"]
for run in sarif["runs"]:
    driver = run["tool"]["driver"]
    assert driver["name"]
    for rule in driver["rules"]:
        assert rule["id"] and rule["shortDescription"]["text"] and rule["help"]["text"] and rule["help"]["markdown"]
        uri = urlparse(rule["helpUri"])
        assert uri.scheme in ("file", "https", "http"), rule["helpUri"]
        assert uri.fragment == rule["id"] and uri.fragment in headings, rule["helpUri"]
        if uri.scheme == "file":
            assert open(unquote(uri.path)).read() == open(sys.argv[2]).read(), "helpUri names another rule reference"
    assert 0 < len(run["results"]) <= 25000
    for result in run["results"]:
        assert result["ruleId"] and result["message"]["text"]
        assert 1 <= len(result["locations"]) <= 10
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"]
            assert physical["region"]["startLine"] >= 1, result
        assert result["partialFingerprints"]["cpconf/v1"]
PY

# JUnit: a suite per input, a failed case per finding at or above --fail-on (warning), a skipped
# case per waived finding, an errored case per unreadable input.
python3 - "$work/all.junit.xml" "$work/all.json" <<'PY'; check "junit: a suite per file; failures, passes, skips and errors as the JSON counts them" $?
import json, sys
import xml.etree.ElementTree as ET
suites = ET.parse(sys.argv[1]).getroot()
doc = json.load(open(sys.argv[2]))
assert suites.tag == "testsuites"
files = suites.findall("testsuite")
assert [s.get("name") for s in files[:-1]] == [f["file"] for f in doc["files"]]
assert files[-1].get("name") == "cross-record checks"
def counts(findings, waived):
    fail = sum(f["severity"] in ("error", "warning") for f in findings)
    return (max(len(findings) + len(waived), 1), fail, len(waived))
for suite, file in zip(files, doc["files"] + [{"findings": doc["cross_record"], "waived": []}]):
    cases = suite.findall("testcase")
    if "error" in file:
        assert [c.find("error").get("message") for c in cases] == [file["error"]]
        assert (suite.get("tests"), suite.get("errors")) == ("1", "1")
        continue
    want = counts(file["findings"], file["waived"])
    got = (len(cases), sum(c.find("failure") is not None for c in cases), sum(c.find("skipped") is not None for c in cases))
    assert got == want and (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == tuple(map(str, want)), (suite.get("name"), got, want)
    for case, f in zip(cases, file["findings"]):
        failure = case.find("failure")
        if failure is not None:
            message = f["message"] + (f" (at {f['path']})" if f["path"] else "")
            assert failure.get("type") == f["rule"] and failure.get("message") == f"{f['severity']}: {message}"
PY

# GitHub workflow commands, parsed as GitHub documents them: "::command key=value,...::message",
# with %25, %0D, %0A (and in values %3A, %2C) escaped.
python3 - "$work/all.github" "$work/all.json" <<'PY'; check "github: every line is a well-formed workflow command, one per finding" $?
import json, re, sys
from urllib.parse import unquote
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == ""
doc = json.load(open(sys.argv[2]))
command = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*)::([^\r\n]*)$")
def unescape(text):
    assert re.fullmatch(r"(?:[^%]|%25|%0D|%0A|%3A|%2C)*", text), text
    return unquote(text)
got = []
for line in lines[:-1]:
    m = command.match(line)
    assert m, line
    properties = dict(p.split("=", 1) for p in m.group(2).split(","))
    assert set(properties) == {"file", "line", "col", "title"}, properties
    got.append((m.group(1), unescape(properties["file"]), int(properties["line"]), unescape(properties["title"]),
                unescape(m.group(3))))
kinds = {"error": "error", "warning": "warning", "info": "notice"}
want = []
for f in [dict(f, file=file["file"]) for file in doc["files"] for f in file["findings"]] + doc["cross_record"]:
    message = f["message"] + (f" (at {f['path']})" if f["path"] else "")
    want.append((kinds[f["severity"]], f["file"], max(f["line"], 1), "cpconf " + f["rule"], message))
assert got == want and len(got) > 300, len(got)
PY

# Clean input: one passing case per file, a SARIF log with no results.
(cd "$root" && "$cpconf" validate --as-of 2026-11-22 --format sarif examples) >"$work/clean.sarif.json"; rc=$?
[[ $rc -eq 0 ]] && sarif_valid "$work/clean.sarif.json" && python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert [r["ruleId"] for r in run["results"]] == ["long-conference"] and "suppressions" in run["results"][0]
assert run["invocations"] == [{"executionSuccessful": True}]' "$work/clean.sarif.json"
check "sarif: the clean examples give exit 0 and only their waived finding, as a suppressed result" $?

# A file name that is not UTF-8 and record text with control characters (ESC, BEL, C1): SARIF
# still validates and JUnit, whose XML 1.0 cannot hold most control characters even escaped,
# too. A strict UTF-8 read comes first, since ajv's own reading would replace a bad byte.
mkdir -p "$work/odd"
odd_name=$'odd\xff\x9b\e\a.yaml'
# An unknown key with ESC, BEL and a C1 CSI in it: its finding quotes it.
sed 's|^  chair: .*|&\n  "note\\e[2J\\a\\u009b": 1|' "$root/examples/okafor-pre-birth-2026-06.yaml" >"$work/odd/$odd_name"
(cd "$work/odd" && "$cpconf" validate --as-of 2026-11-22 --format sarif "$odd_name") >"$work/odd.sarif.json"
python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$work/odd.sarif.json" &&
  sarif_valid "$work/odd.sarif.json"
check "sarif: valid UTF-8 and valid SARIF with a file name that is not UTF-8" $?
(cd "$work/odd" && "$cpconf" validate --as-of 2026-11-22 --format junit "$odd_name") >"$work/odd.junit.xml"
junit_valid "$work/odd.junit.xml"
check "junit: valid with a file name that is not UTF-8 and control characters in the record" $?

# Deterministic, and the same whatever the number of threads.
for format in sarif junit; do
  run "$format" "$work/j1.$format" -j1
  run "$format" "$work/j2.$format" -j2
  cmp -s "$work/j1.$format" "$work/j2.$format" && cmp -s "$work/j1.$format" "$work/all.$format"* 2>/dev/null
  check "$format: -j1, -j2 and the default give the same bytes" $?
done

# The editors' schema line: cpconf's schema by any path or URL is fine, another is a warning.
sed 's|^# yaml-language-server: .*|# yaml-language-server: $schema=https://example.org/cpconf/conference.schema.json|' \
  "$root/examples/okafor-pre-birth-2026-06.yaml" >"$work/url.yaml"
sed 's|^# yaml-language-server: .*|# yaml-language-server: $schema=../schemas/profile.schema.json|' \
  "$root/examples/okafor-pre-birth-2026-06.yaml" >"$work/profile.yaml"
out=$("$cpconf" validate --as-of 2026-11-22 --format json "$work/url.yaml" "$work/profile.yaml" | python3 -c '
import json, sys
print(*[f["rule"] + "@" + str(f["line"]) + ":" + str(f["column"]) for file in json.load(sys.stdin)["files"] for f in file["findings"]])')
[[ $out == "foreign-schema@1:33" ]]; check "a schema line naming conference.schema.json by URL passes; naming another schema warns" $?

finish "formats and standards"
