#!/usr/bin/env bash
# The record JSON Schema, checked by an independent validator (ajv, from npm): every example
# validates, and every structurally invalid test record fails it.
set -u
root=$2
harness="$root/tests/schema"
if [[ ! -d $harness/node_modules ]]; then
  echo "FAIL: $harness/node_modules is missing: run 'bash .ci/setup' (npm ci in tests/schema)"
  exit 1
fi
status=0
bash "$harness/check.sh" valid "$root"/examples/*.yaml || status=1
structural=(yaml-syntax input-limits duplicate-key unknown-field missing-field invalid-value format-version)
invalid=()
for rule in "${structural[@]}"; do invalid+=("$root/tests/e2e/record/$rule.yaml"); done
bash "$harness/check.sh" invalid "${invalid[@]}" || status=1
if out=$(cd "$harness" && npx --no-install ajv compile --spec=draft2020 -c ajv-formats -c ./editor-keywords.js -s ../../schemas/conference.schema.json 2>&1); then
  echo "ok the schema compiles"
else
  echo "FAIL the schema does not compile: $out"; status=1
fi
exit $status
