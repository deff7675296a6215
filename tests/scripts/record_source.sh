#!/usr/bin/env bash
# Every command opens records the same way (lib/cpconf/source/record_source): the same
# configuration for files and for standard input, the same cache, the same profile; and each
# command's --format accepts exactly the formats its --help lists.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
source "$(dirname "$0")/../support/harness.sh"

record="$root/examples/patel-initial-2025-09.yaml"

# --format: the values --help lists ({a,b,c}) are each accepted, and no other.
for command in validate vote timeline render; do
  listed=$("$cpconf" "$command" --help | grep -E '^\s+--format' | grep -oE '\{[^}]*\}' | tr -d '{}' | tr ',' ' ')
  [[ -n $listed ]]; check "$command --help lists its formats ($listed)" $?
  for format in $listed; do
    extra=(); [[ $command == timeline || $command == render ]] && extra=(--as-of 2026-11-22)
    "$cpconf" "$command" "${extra[@]}" --format "$format" "$record" >/dev/null 2>"$work/err"; rc=$?
    [[ $rc -le 1 ]]; check "$command --format $format is accepted" $? || cat "$work/err"
  done
  "$cpconf" "$command" --format yaml "$record" >/dev/null 2>&1; [[ $? -eq 2 ]]
  check "$command --format yaml (not listed) is a usage error" $?
done

# cache: true in .cpconf.yaml is honoured by every command that reads records.
for command in validate vote timeline render; do
  folder="$work/cache-$command"; mkdir -p "$folder"
  cp "$record" "$folder/r.yaml"
  printf 'cpconf-config: 1\ncache: true\n' > "$folder/.cpconf.yaml"
  args=(); [[ $command == timeline || $command == render ]] && args=(--as-of 2026-11-22)
  "$cpconf" "$command" "${args[@]}" "$folder/r.yaml" >/dev/null 2>&1
  [[ -d $folder/.cpconf-cache ]]; check "$command keeps the cache that .cpconf.yaml asks for" $?
done

# Standard input is governed by the working folder's .cpconf.yaml in every command: an unusable
# one stops each of them alike.
folder="$work/stdin"; mkdir -p "$folder"
printf 'cpconf-config: 1\nprofile: no-such-profile\n' > "$folder/.cpconf.yaml"
for command in validate vote timeline render; do
  args=(); [[ $command == timeline || $command == render ]] && args=(--as-of 2026-11-22)
  out=$(cd "$folder" && "$cpconf" "$command" "${args[@]}" - < "$record" 2>&1 >/dev/null); rc=$?
  [[ $rc -eq 2 && $out == *no-such-profile* ]]; check "$command - follows the working folder's configuration" $? ||
    echo "$out"
done

# One profile for a record's findings and its rendering: the profile .cpconf.yaml names is the
# one the rendering states, as it is the one the findings were made under.
folder="$work/profile"; mkdir -p "$folder"
cp "$record" "$folder/r.yaml"
printf 'cpconf-config: 1\nprofile: north-wales\n' > "$folder/.cpconf.yaml"
out=$("$cpconf" render --as-of 2026-11-22 "$folder/r.yaml" 2>/dev/null)
grep -q "Procedure: *north-wales" <<<"$out"; check "render states the profile the configuration names" $?

finish "record source"
