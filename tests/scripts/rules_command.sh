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

finish "rules command"
