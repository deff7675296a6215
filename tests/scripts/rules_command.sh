#!/usr/bin/env bash
# `cpconf rules`: the list, one rule explained, --family, --profile, --format json, colour and
# exit codes, checked against the rule table as `cpconf rules --format json` gives it.
set -u
cpconf=$1
source "$(dirname "$0")/../support/harness.sh"

# The rule names in a text listing: each row's first word, without the header.
listed_names() { awk 'NR > 1 && NF > 0 {print $1}'; }

"$cpconf" rules --format json > "$work/rules.json"; check "cpconf rules --format json is exit 0" $?
python3 - "$work/rules.json" <<'PY'; check "the JSON is an array of rules with every field" $?
import json, sys
rules = json.load(open(sys.argv[1]))
assert isinstance(rules, list) and rules
for rule in rules:
    assert set(rule) == {"name", "family", "severity", "summary", "explanation", "source"}, rule
    assert rule["severity"] in ("error", "warning", "info"), rule
PY
python3 -c 'import json, sys; [print(r["name"]) for r in json.load(open(sys.argv[1]))]' "$work/rules.json" \
  > "$work/json-names"
python3 -c 'import json, sys; [print(r["name"]) for r in json.load(open(sys.argv[1])) if r["family"] == "record"]' \
  "$work/rules.json" > "$work/record-names"

"$cpconf" rules > "$work/rules.txt"; check "cpconf rules is exit 0" $?
diff <(listed_names < "$work/rules.txt") "$work/json-names"
check "cpconf rules lists every rule the JSON gives, in the same order" $?
head -n 1 "$work/rules.txt" | grep -qE '^NAME +FAMILY +SEVERITY +SUMMARY$'; check "the list has a header" $?

out=$("$cpconf" rules invalid-value); rc=$?
source=$(python3 -c '
import json, sys
print(*(r["source"] for r in json.load(open(sys.argv[1])) if r["name"] == "invalid-value"))' "$work/rules.json")
[[ $rc -eq 0 ]] && grep -qxF "source:   $source" <<<"$out" && grep -qx 'name:     invalid-value' <<<"$out" &&
  grep -qx 'severity: error' <<<"$out"
check "cpconf rules invalid-value shows its name, severity and source line" $?
! awk 'length > 80' <<<"$out" | grep -q .; check "the explanation is wrapped at 80 columns" $?

out=$("$cpconf" rules invalid-value --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["name"])')
[[ $out == invalid-value ]]; check "cpconf rules NAME --format json is one object" $?

out=$("$cpconf" rules invalid-valu 2>&1 >/dev/null); rc=$?
[[ $rc -eq 2 && $out == "cpconf: error: unknown rule 'invalid-valu' (did you mean 'invalid-value'?)" ]]
check "an unknown rule is exit 2 with a suggestion" $?

"$cpconf" rules --family record > "$work/record.txt"; check "--family record is exit 0" $?
[[ -s $work/record-names ]] && diff <(listed_names < "$work/record.txt") "$work/record-names"
check "--family record lists exactly the record rules" $?
out=$("$cpconf" rules --family recrd 2>&1); [[ $? -eq 2 ]] && grep -qF "(did you mean 'record'?)" <<<"$out"
check "an unknown family is exit 2 with a suggestion" $?
"$cpconf" rules --family record invalid-value >/dev/null 2>&1; [[ $? -eq 2 ]]
check "--family with a rule name is a usage error (exit 2)" $?

printf 'cpconf-profile: 1\nname: quiet\nextends: england\nrules:\n  long-conference: off\n' > "$work/quiet.yaml"
out=$("$cpconf" rules --profile "$work/quiet.yaml" 2>&1); rc=$?
[[ $rc -eq 0 ]] && grep -qE '^long-conference +attendance +info +off ' <<<"$out"
check "--profile shows a rule the profile switches off as off in the list" $?
[[ $rc -eq 0 ]] || echo "$out"
out=$("$cpconf" rules --profile "$work/quiet.yaml" long-conference 2>&1)
grep -qx 'severity: off under profile quiet (default info)' <<<"$out"
check "--profile shows an off rule as off when explained" $?
out=$("$cpconf" rules --profile "$work/quiet.yaml" --format json 2>/dev/null | python3 -c '
import json, sys
print(*(r["profile_severity"] for r in json.load(sys.stdin) if r["name"] == "long-conference"))')
[[ $out == off ]]; check "--profile --format json gives profile_severity off" $?
out=$("$cpconf" rules --profile englnd 2>&1); [[ $? -eq 2 ]] && grep -qF "(did you mean 'england'?)" <<<"$out"
check "an unknown profile is exit 2 with a suggestion" $?

out=$("$cpconf" rules --color always); grep -q $'\033\\[1;31merror' <<<"$out"
check "--color always colours severities" $?
out=$("$cpconf" rules); ! grep -q $'\033' <<<"$out"; check "no colour when not a terminal" $?
if command -v script >/dev/null; then
  out=$(NO_COLOR=1 script -qec "$(printf '%q ' "$cpconf" rules)" /dev/null); ! grep -q $'\033\\[' <<<"$out"
  check "NO_COLOR turns colour off on a terminal" $?
  out=$(script -qec "$(printf '%q ' "$cpconf" rules)" /dev/null); grep -q $'\033\\[' <<<"$out"; check "colour on a terminal" $?
fi

# The rule reference shipped in docs/ is what `cpconf rules --format markdown` prints (regenerate
# it with that command after changing a rule); every rule has a heading of its own name, so that a
# link (SARIF's helpUri) can point at it, and the page is CommonMark that renders.
root=$(cd "$(dirname "$0")/../.." && pwd)
"$cpconf" rules --format markdown > "$work/rules.md"; check "cpconf rules --format markdown is exit 0" $?
cmp -s "$work/rules.md" "$root/docs/rules.md"
check "docs/rules.md is what cpconf rules --format markdown prints (regenerate it: cpconf rules --format markdown > docs/rules.md)" $?
python3 - "$work/rules.json" "$root/docs/rules.md" "$root/man/cpconf-rules.1" <<'PY'; check "docs/rules.md: one heading per rule, in order, with its severity, summary, source and explanation; the documents cited as in cpconf-rules(1)" $?
import json, re, sys
rules = json.load(open(sys.argv[1]))
page = open(sys.argv[2]).read()
man = re.sub(r"\s+", " ", open(sys.argv[3]).read())
sections = re.split(r"^### ", page, flags=re.M)[1:]
assert [s.split("\n", 1)[0] for s in sections] == [r["name"] for r in rules]
for section, rule in zip(sections, rules):
    assert f"- Severity: {rule['severity']}\n" in section, rule["name"]
    flat = re.sub(r"\\(.)", r"\1", re.sub(r"\s+", " ", section))
    for field in ("summary", "source", "explanation"):
        assert rule[field] in flat, (rule["name"], field)
sources = page.split("## Sources", 1)[1]
titles = re.findall(r"\*([^*]+)\*", sources)
assert len(titles) >= 6
for title in titles:
    assert title in man, f"cpconf-rules(1) does not list {title}"
PY
cmark-gfm "$work/rules.md" > "$work/rules.html" && grep -c '<h3>' "$work/rules.html" > "$work/h3"
[[ $(cat "$work/h3") -eq $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/rules.json") ]]
check "docs/rules.md renders (cmark-gfm) with one heading per rule" $?
"$cpconf" rules --format markdown missing-field > "$work/one.md"
grep -q '^### missing-field$' "$work/one.md" && [[ $(grep -c '^### ' "$work/one.md") -eq 1 ]]
check "cpconf rules --format markdown NAME gives that rule's section alone" $?

finish "rules command"
