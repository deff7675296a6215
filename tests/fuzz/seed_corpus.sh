#!/usr/bin/env bash
# Fills a folder with the fuzzer's seed inputs: the example records, every golden test's
# record, the built-in profiles, and the crashers kept in tests/regressions/.
#
#   tests/fuzz/seed_corpus.sh OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: tests/fuzz/seed_corpus.sh OUT_DIR}
mkdir -p "$out"
count=0
while IFS= read -r -d '' file; do
  # Flat names that still say where each seed came from: tests/e2e/case/x/a.yaml -> tests_e2e_case_x_a.yaml
  relative=${file#"$root"/}
  cp "$file" "$out/${relative//\//_}"
  ((count++)) || true
done < <(find "$root/examples" "$root/tests/e2e" "$root/lib/cpconf/profiles" "$root/tests/regressions" \
           -type f \( -name '*.yaml' -o -name '*.yml' -o -path '*/tests/regressions/*' \) \
           ! -name '*.out' ! -name '*.md' -print0 | sort -z)
echo "seed corpus: $count files in $out"
