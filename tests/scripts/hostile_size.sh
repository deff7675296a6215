#!/usr/bin/env bash
# Records as large as the input limits allow, built to make any path quadratic in their size
# show: 95,000 unknown keys (95,000 findings, each shown with its source line), and 20,000
# family members (20,000 names to redact in every text of the rendered record). Each must finish
# well within the bound, which guards against a return of the quadratic paths (30 s and 167 s
# before); the bound is generous, as this is no benchmark, and grows for a sanitizer build.
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"
bound=20
grep -q __asan_init "$cpconf" && bound=120
example="$root/examples/patel-initial-2025-09.yaml"

python3 - "$example" "$work" <<'PY'
import sys
example, work = sys.argv[1], sys.argv[2]
text = open(example, encoding="utf-8").read()
with open(f"{work}/unknown-keys.yaml", "w", encoding="utf-8") as out:
    out.write(text + "".join(f"k{i}: x\n" for i in range(95000)))
lines = text.split("\n")
at = lines.index("attendees:") + 1
family = [f"  - id: fam{k}\n    name: Name{k} Surname{k}\n    capacity: family-member\n    present: true"
          for k in range(20000)]
with open(f"{work}/family.yaml", "w", encoding="utf-8") as out:
    out.write("\n".join(lines[:at] + family + lines[at:]))
PY

timeout "$bound" "$cpconf" validate --as-of 2026-11-22 "$work/unknown-keys.yaml" > "$work/keys.txt" 2>&1
rc=$?
[[ $rc -eq 1 && $(grep -c 'unknown-field' "$work/keys.txt") -eq 95000 ]]
check "95,000 unknown keys: every one reported with its line, within ${bound} s (exit $rc)" $?

timeout "$bound" "$cpconf" render --redact --as-of 2026-11-22 "$work/family.yaml" > "$work/family.txt" 2>/dev/null
rc=$?
[[ $rc -eq 0 ]] && ! grep -qE 'Name[0-9]+|Surname[0-9]+' "$work/family.txt" && grep -q 'N\.S\.' "$work/family.txt"
check "20,000 family members: rendered redacted, no name left, within ${bound} s (exit $rc)" $?
finish "hostile size"
