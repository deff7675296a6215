#!/usr/bin/env bash
# `cpconf timeline` and `cpconf vote` with --redact, --redact=all and --redact-name: every
# format and mode (one record, --due, --case, the record view, --dissent, --summary) over copies
# of the examples whose free text also names people in other letter cases and gives a date of
# birth. No child's or family member's full name, first name or surname, and no date of birth,
# may appear in what they print; at --redact=all no professional's name either. Without
# --redact the names do appear, so the search can find them. JSON must still parse, and the
# calendars must still parse with ical.js (tests/ics), whose decoded text is searched too (a
# folded line could split a name).
set -u
cpconf=$1
root=$2
schema_harness=$root/tests/schema
ics_harness=$root/tests/ics
source "$(dirname "$0")/../support/harness.sh"
for module in "$schema_harness/node_modules/js-yaml" "$ics_harness/node_modules/ical.js"; do
  if [[ ! -d $module ]]; then
    echo "FAIL: $module is missing: run 'bash .ci/setup' (npm ci in tests/schema and tests/ics)"; exit 1
  fi
done

# The examples under their own names (which hold surnames), with names and a date of birth
# added to free text that vote and timeline print, in letter cases the record does not use.
mkdir -p "$work/records" "$work/out"
cp "$root"/examples/*.yaml "$work/records/"
python3 - "$work/records" <<'PY' || exit 1
import sys
base = sys.argv[1]
def add(file, old, new):
    path = f"{base}/{file}"
    text = open(path, encoding="utf-8").read()
    assert old in text, (file, old)
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
add("hughes-initial-2026-03.yaml", "reasoning: Osian is settled and happy in school",
    "reasoning: OSIAN HUGHES (born 03/11/2018, so 7) is settled and happy in school, says carys; rhian agrees; Osian")
add("hughes-initial-2026-03.yaml", "concern: The chair believes",
    "concern: For osian hughes, born 3 November 2018, and gwenllian yardley. The chair believes")
add("hughes-initial-2026-03.yaml", "about: Children's social care disagrees",
    "about: dylan HUGHES and Rhian. Children's social care disagrees")
# Kamala Patel came only to the initial conference: the review's text names her, and she is
# hidden there only because the records of one case share their names.
add("patel-review-2026-05.yaml", "reasoning: ", "reasoning: KAMALA says so. ")
PY
(cd "$work/records" && ls *.yaml) >"$work/files"
(cd "$work/records" && NODE_PATH="$schema_harness/node_modules" node -e '
const fs = require("fs"), yaml = require("js-yaml");
for (const file of fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean)) {
  fs.writeFileSync(file + ".json", JSON.stringify(yaml.load(fs.readFileSync(file, "utf8"), {schema: yaml.CORE_SCHEMA})));
}' "$work/files") || exit 1

# names.json: per record and over all records, the family's names and name words, the
# professionals' (the chair's and sign-off's included), and the children's dates of birth in
# the forms written above. Over all records a family word that is a professional's name in
# any record is left out: --redact does not hide professionals.
python3 - "$work/records" "$work/files" >"$work/names.json" <<'PY'
import datetime, json, sys
base, files = sys.argv[1], open(sys.argv[2]).read().split()
# Titles and particles, which redaction keeps, and names that are also words the records use
# ("a strap mark").
not_names = set("mr mrs ms miss mx dr prof rev sir dame cllr dc ds di dci pc ps sgt insp unborn baby child infant "
                "twin of and de da du la le van von der den bin ap mark".split())
def words(name):
    found = {name}
    for word in name.replace("-", " ").split():
        word = word.strip("\"'()[],.;:")
        if len(word) >= 2 and word.lower() not in not_names:
            found.add(word)
    return found
out, every = {}, {"family": set(), "professional": set(), "dates": set()}
for file in files:
    record = json.load(open(f"{base}/{file}.json"))
    family, professional, dates = set(), set(), set()
    for child in record.get("children") or []:
        family |= words(child["name"]) if child.get("name") else set()
        if child.get("born"):
            born = datetime.date.fromisoformat(str(child["born"]))
            dates |= {born.isoformat(), born.strftime("%d/%m/%Y"), f"{born.day} {born.strftime('%B %Y')}"}
    for attendee in record.get("attendees") or []:
        if attendee.get("name"):
            (professional if attendee.get("capacity") == "professional" else family).update(words(attendee["name"]))
    conference = record["conference"]
    for who in [conference.get("chair"), (conference.get("sign-off") or {}).get("by")]:
        if who:
            professional |= words(who)
    out[file] = {"family": sorted(family), "professional": sorted(professional - family), "dates": sorted(dates)}
    for key, value in (("family", family), ("professional", professional), ("dates", dates)):
        every[key] |= value
folded_professional = {w.lower() for w in every["professional"]}
every["family"] = {w for w in every["family"] if w.lower() not in folded_professional}
every["professional"] -= every["family"]
out["*"] = {key: sorted(value) for key, value in every.items()}
json.dump(out, sys.stdout, indent=0)
PY

# leaks.py NAMES [OUTPUT KEY LEVEL]...: "OUTPUT: names" for each OUTPUT that shows a name of
# record KEY (a file, or * for all); exit status 1 when any does. An output is searched as
# written and, when it is JSON, decoded. LEVEL family looks for the family's names and dates
# of birth; all, for everyone's. One process searches every output: the search is the slow part.
cat >"$work/leaks.py" <<'PY'
import json, re, sys
names = json.load(open(sys.argv[1]))
word = r"[A-Za-z0-9\u0080-\U0010ffff]"
status = 0
args = sys.argv[2:]
for output, key, level in zip(args[0::3], args[1::3], args[2::3]):
    text = open(output, encoding="utf-8").read()
    try:
        text += "\n" + json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        pass
    record = names[key]
    look_for = record["family"] + record["dates"] + (record["professional"] if level == "all" else [])
    found = [n for n in look_for if re.search(rf"(?<!{word}){re.escape(n)}(?!{word})", text, re.IGNORECASE)]
    if found:
        print(f"{output}: {', '.join(found)}")
        status = 1
sys.exit(status)
PY
leaks() { python3 "$work/leaks.py" "$work/names.json" "$@"; }

as_of=(--as-of 2026-03-20)
# run NAME KEY ARGS...: cpconf's output for ARGS in out/NAME.<level>, once for each level
# (plain, family, all). An exit status of 2 means the command itself failed.
outputs=()
run() {
  local name=$1 key=$2
  shift 2
  "$cpconf" "$@" >"$work/out/$name.plain" 2>/dev/null
  [[ $? -ne 2 ]] || echo "cpconf $* failed" >>"$work/errors"
  "$cpconf" "$@" --redact >"$work/out/$name.family" 2>/dev/null
  [[ $? -ne 2 ]] || echo "cpconf $* --redact failed" >>"$work/errors"
  "$cpconf" "$@" --redact=all >"$work/out/$name.all" 2>/dev/null
  [[ $? -ne 2 ]] || echo "cpconf $* --redact=all failed" >>"$work/errors"
  outputs+=("$name:$key")
}
: >"$work/errors"
timeline_formats=(text json csv ics)
vote_formats=(text json markdown csv)
# One record at a time: three that between them name children, unborn babies, parents and
# other family members (the modes over all records read every example).
for file in hughes-initial-2026-03.yaml okafor-pre-birth-2026-06.yaml transfer-in-ellis-2026-09.yaml; do
  stem=${file%.yaml}
  for format in "${timeline_formats[@]}"; do
    run "timeline-$stem.$format" "$file" timeline "${as_of[@]}" --format "$format" "$work/records/$file"
  done
  for format in "${vote_formats[@]}"; do
    run "vote-$stem.$format" "$file" vote --format "$format" "$work/records/$file"
  done
done
for format in "${timeline_formats[@]}"; do
  run "timeline-due.$format" "*" timeline "${as_of[@]}" --due --within 10000 --format "$format" "$work/records"
done
for case_id in AFW-C-2026-0114 MBC-C-2025-0917; do
  for format in text json; do
    run "timeline-case-$case_id.$format" "*" timeline "${as_of[@]}" --case "$case_id" --format "$format" "$work/records"
  done
done
for format in "${vote_formats[@]}"; do
  run "vote-all.$format" "*" vote --format "$format" "$work/records"
  run "vote-dissent.$format" "*" vote --dissent --format "$format" "$work/records"
  run "vote-summary.$format" "*" vote --summary --format "$format" "$work/records"
done
[[ ! -s $work/errors ]]; check "every command ran (${#outputs[@]} outputs at each level)" $? || cat "$work/errors"

# The calendars decoded by ical.js: their text is searched as well as the file.
ics_ok=0
for output in "$work"/out/*.ics.*; do
  node "$ics_harness/parse.mjs" "$output" >"$output.events" || { echo "  $output"; ics_ok=1; }
done
check "every calendar, plain and redacted, parses with ical.js" $ics_ok

python3 - "$work"/out/*.json.* <<'PY'
import json, sys
for output in sys.argv[1:]:
    json.load(open(output, encoding="utf-8"))
PY
check "every JSON output, plain and redacted, parses" $?

# search LEVEL: every output at LEVEL, and its decoded calendar, searched for LEVEL's names.
search() {
  local level=$1 entry name key output
  local triples=()
  for entry in "${outputs[@]}"; do
    name=${entry%%:*}
    key=${entry#*:}
    for output in "$work/out/$name.$level" "$work/out/$name.$level.events"; do
      [[ -f $output ]] && triples+=("$output" "$key" "$level")
    done
  done
  leaks "${triples[@]}"
}
search family; check "--redact: no child's or family member's name, and no date of birth, in any output" $?
search all; check "--redact=all: no professional's name either" $?

# The control: without --redact the same search finds the names, in every mode (the summary
# names no family member, only chairs).
control_ok=0
for control in timeline-hughes-initial-2026-03.ics:hughes-initial-2026-03.yaml:family \
  timeline-due.csv:*:family timeline-case-MBC-C-2025-0917.text:*:family \
  vote-hughes-initial-2026-03.json:hughes-initial-2026-03.yaml:family vote-dissent.markdown:*:family \
  vote-summary.text:*:all vote-all.csv:*:family; do
  IFS=: read -r name key level <<<"$control"
  if leaks "$work/out/$name.plain" "$key" "$level" >/dev/null; then
    echo "  $name: no name found without --redact"
    control_ok=1
  fi
done
check "without --redact the search finds the names (the test can fail)" $control_ok
grep -qi kamala "$work/out/vote-all.text.plain"
check "the review's text names Kamala without --redact" $?
! grep -qi kamala "$work/out/vote-all.text.family"
check "--redact hides Kamala in the review, named only at her case's initial conference" $?

# --redact-name: a name the record gives only in free text.
hughes=$work/records/hughes-initial-2026-03.yaml
"$cpconf" vote "$hughes" | grep -qi "gwenllian yardley"
check "a name only in free text is shown without --redact-name" $?
"$cpconf" vote --redact-name "Gwenllian Yardley" --format json "$hughes" >"$work/named.json"
! grep -qi "gwenllian\|yardley" "$work/named.json" && grep -q '"O.H.' "$work/named.json"
check "--redact-name alone hides that name and implies --redact" $?
"$cpconf" timeline "${as_of[@]}" --redact --redact-name "Gwenllian Yardley" --format ics "$hughes" >"$work/named.ics"
! grep -qi "gwenllian\|yardley" "$work/named.ics"
check "--redact-name in timeline's calendar" $?

# The help of all three commands gives the same options.
help_ok=0
for command in render vote timeline; do
  "$cpconf" "$command" --help | grep -q -- "--redact-name" || help_ok=1
done
check "render, vote and timeline all list --redact and --redact-name" $help_ok

finish "redact_commands"
