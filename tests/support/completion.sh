# Shared by the completion tests (bash, zsh, fish). The test defines complete_line LINE, printing
# the sorted candidates its shell offers at the end of LINE, and sets $shell for the test names.

# expect LINE EXPECTED-CANDIDATES...: the shell offers exactly these.
expect() {
  local line=$1; shift
  local got; got=$(complete_line "$line" 2>>"$work/stderr")
  local want; want=$(printf '%s\n' "$@" | LC_ALL=C sort -u)
  local shown; shown=$(echo $want)  # before the test: a command substitution would reset $?
  [[ $got == "$want" ]]; check "$shell: '$line<TAB>' offers: $shown" $?
  [[ $got == "$want" ]] || echo "  got: $(echo $got)"
}

# The commands of cpconf, the rule names and the family names, as the program lists them.
commands=$("$cpconf" --help | awk '/^Subcommands:/ {on = 1; next} /^$/ {on = 0} on {print $1}')
rules=$("$cpconf" rules --format json | python3 -c 'import json, sys; [print(r["name"]) for r in json.load(sys.stdin)]')
families=$("$cpconf" rules --format json | python3 -c 'import json, sys; print(*sorted({r["family"] for r in json.load(sys.stdin)}), sep="\n")')

# long_options COMMAND: the --options its --help lists, sorted.
long_options() {
  "$cpconf" "$1" --help | sed -n '/^Options:/,$p' | grep -oE -- '^  (-[a-z],)?--[a-z][a-z-]*' |
    tr ',' '\n' | tr -d ' ' | grep -- '^--' | LC_ALL=C sort
}

# A folder of records to complete paths in: two records, a text file and a sub-folder.
make_records_folder() {
  mkdir -p "$work/records/sub"
  touch "$work/records/a.yaml" "$work/records/b.yml" "$work/records/notes.txt"
}
