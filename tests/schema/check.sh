#!/bin/sh
# Validates conference records (YAML) against schemas/conference.schema.json with ajv,
# a validator independent of cpconf's own reader.
#
#   check.sh valid FILE...    every FILE must validate
#   check.sh invalid FILE...  no FILE may validate (a file that is not even YAML counts as invalid)
#
# Prints "ok FILE" or "FAIL FILE: reason" per file; exits 1 when any file failed, 2 on misuse.
# Needs `npm ci` (or `npm install`) in this directory first.
set -u

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
schema=../../schemas/conference.schema.json  # relative to $here, where ajv runs

usage() {
  echo "usage: check.sh valid|invalid FILE..." >&2
  exit 2
}

[ $# -ge 2 ] || usage
mode=$1
shift
case $mode in
  valid | invalid) ;;
  *) usage ;;
esac

if [ ! -x "$here/node_modules/.bin/ajv" ]; then
  echo "check.sh: ajv is not installed: run 'npm ci' in $here" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cpconf-schema.XXXXXX") && tmp=$(cd "$tmp" && pwd) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# Drops npm's own notices from ajv's output.
ajv() {
  (cd "$here" && npx --no-install ajv "$@" --spec=draft2020 -c ajv-formats -c ./editor-keywords.js -s "$schema") 2>&1 |
    grep -v '^npm warn'
}

# Compile the schema once, so that a broken schema is reported as such, not as N failures.
if ! ajv compile >"$tmp/compile.log" || ! grep -q ' is valid$' "$tmp/compile.log"; then
  echo "FAIL $schema: the schema does not compile:"
  cat "$tmp/compile.log"
  exit 1
fi

# Convert every file to $tmp/N.json; $tmp/N.status is 0, or 3 when js-yaml cannot read it.
n=0
for file in "$@"; do
  n=$((n + 1))
  node "$here/yaml2json.js" "$file" "$tmp/$n.json" 2>"$tmp/$n.yaml-error"
  echo $? >"$tmp/$n.status"
done

# One ajv run for all converted files: it prints "FILE valid", or "FILE invalid" and the errors.
validate_all() {
  set --
  i=0
  while [ "$i" -lt "$n" ]; do
    i=$((i + 1))
    [ "$(cat "$tmp/$i.status")" -eq 0 ] && set -- "$@" -d "$tmp/$i.json"
  done
  [ $# -eq 0 ] || ajv validate --errors=text "$@"
}
validate_all >"$tmp/ajv.log"

failed=0
n=0
for file in "$@"; do
  n=$((n + 1))
  json="$tmp/$n.json"
  status=$(cat "$tmp/$n.status")
  if [ "$status" -ne 0 ]; then
    if [ "$mode" = invalid ] && [ "$status" -eq 3 ]; then
      echo "ok $file"
    else
      [ "$status" -eq 3 ] && what="not valid YAML" || what="cannot be read"
      echo "FAIL $file: $what: $(head -n 1 "$tmp/$n.yaml-error")"
      failed=1
    fi
  elif grep -qxF "$json valid" "$tmp/ajv.log"; then
    if [ "$mode" = valid ]; then
      echo "ok $file"
    else
      echo "FAIL $file: validates against the schema, but should not"
      failed=1
    fi
  elif grep -qxF "$json invalid" "$tmp/ajv.log"; then
    if [ "$mode" = invalid ]; then
      echo "ok $file"
    else
      reason=$(grep -xF -A1 "$json invalid" "$tmp/ajv.log" | sed -n 2p)
      echo "FAIL $file: ${reason:-does not validate against the schema}"
      failed=1
    fi
  else
    echo "FAIL $file: ajv gave no result: $(tr '\n' ' ' <"$tmp/ajv.log")"
    failed=1
  fi
done
exit $failed
