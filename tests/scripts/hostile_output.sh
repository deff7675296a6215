#!/usr/bin/env bash
# Hostile text in a record reaching what cpconf writes: names that a spreadsheet would run as
# formulas, file names that are not UTF-8, and terminal escapes in record text and file names.
# Every CSV cell that begins like a formula is neutralised, every JSON and XML document stays
# valid UTF-8 that a strict parser reads, and no command's text output sends a control
# character to the terminal. Usage: hostile_output.sh CPCONF SOURCE_DIR
set -u
cpconf=$(realpath "$1")
source_dir=$2
source "$source_dir/tests/support/harness.sh"

# One record with a decision (for vote), deadlines due (for timeline --due) and hostile text in
# the chair, attendees, child, reasoning, concern and conference id. YAML's "\e" is ESC, "\a"
# BEL, "\u009b" the one-character CSI (C1).
write_record() {  # write_record FILE
  cat >"$1" <<'YAML'
cpconf: 1
conference:
  id: "s6\e[31m-1"
  case: GT-s6
  kind: initial
  profile: north-wales
  strategy-discussion: 2026-06-01
  start: 2026-06-22 10:00
  end: 2026-06-22 11:30
  chair: "=HYPERLINK(\"http://x\") Jon\e[2J\a\u009b"
  quorate: true
children:
  - {id: c1, name: "Zoe\e]0;title\a Six", born: 2018-04-01}
attendees:
  - {id: a1, name: "=cmd|' /C calc'!A0", role: Social Worker, agency: Children's Services, grouping: childrens-social-care, capacity: professional, attendance: present, children: [c1]}
  - {id: a2, name: "@Hana\e[2J Hill", role: Health Visitor, agency: Health Board, grouping: child-health, capacity: professional, attendance: present, children: [c1]}
  - {id: a4, name: "+Dev Dean", role: Detective Constable, agency: Police Public Protection Unit, grouping: police, capacity: professional, attendance: present, children: [c1]}
decisions:
  - child: c1
    consensus: false
    resolution-tried: true
    votes:
      - {grouping: childrens-social-care, by: a1, vote: plan, reasoning: "-2+3 \e[2J afraid."}
      - {grouping: child-health, by: a2, vote: no-plan}
      - {grouping: police, by: a4, vote: no-plan}
    outcome: no-plan
    dissent: [childrens-social-care, education]
    chair-concern: {concern: "\e[2JThe chair believes Zoe remains at risk.\u0085"}
YAML
}

# run COMMAND-WORDS... [options] FILE: cpconf with no configuration, timeline and validate as of a
# fixed date (vote takes none).
run() {
  local as_of=()
  [[ $1 == timeline || $1 == validate ]] && as_of=(--as-of 2026-07-01)
  "$cpconf" "$1" --no-config "${as_of[@]}" "${@:2}"
}
mkdir -p "$work/plain" "$work/odd"
write_record "$work/plain/record.yaml"
# A file name with a byte that is not UTF-8 (0xFF), an escape sequence and a C1 CSI byte (0x9B).
odd_name=$'rec\xff\e[2J\x9b.yaml'
write_record "$work/odd/$odd_name"

# --- CSV: a cell that begins with = + - @ (or tab, CR) is prefixed with ' so that a spreadsheet
# shows it as text; the numbers and dates cpconf computes are left as they are.
csv_cells_safe() {  # csv_cells_safe FILE: every cell parsed, none beginning like a formula
  python3 - "$1" <<'PY'
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8", errors="surrogateescape")))
assert len(rows) > 1, "no data rows"
number = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
for row in rows:
    for cell in row:
        assert not (cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.match(cell)), f"formula cell {cell!r}"
cells = [cell for row in rows for cell in row]
assert any(cell.startswith("'=") for cell in cells) or any(cell.startswith("'+") for cell in cells), "nothing neutralised"
PY
}
for command in "vote" "vote --dissent" "vote --summary" "timeline" "timeline --due"; do
  # shellcheck disable=SC2086
  run $command --format csv "$work/plain/record.yaml" >"$work/out.csv" 2>/dev/null
  csv_cells_safe "$work/out.csv"
  check "csv: $command --format csv neutralises cells that begin like a formula" $? || cat -v "$work/out.csv" | head -3
done
run vote --format csv "$work/plain/record.yaml" >"$work/vote.csv" 2>/dev/null
grep -qF '"'\''=HYPERLINK(""http://x"")' "$work/vote.csv" && grep -qF ",'=cmd|' /C calc'!A0," "$work/vote.csv" &&
  grep -qF ",'-2+3 " "$work/vote.csv" && grep -qF ",'+Dev Dean," "$work/vote.csv"
check "csv: the chair's and attendees' names keep their text after the quote" $? || cat -v "$work/vote.csv" | head -2

# --- JSON, SARIF and JUnit XML stay valid UTF-8 whatever bytes a file name or record holds:
# strict parsers (Python's UTF-8 decoder and json, expat) read every document.
parses() {  # parses json|xml FILE
  python3 - "$@" <<'PY'
import json, sys, xml.etree.ElementTree as ET
kind, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
assert data, "no output"
if kind == "json":
    json.loads(data.decode("utf-8"))  # strict: a byte that is not UTF-8 fails
else:
    ET.fromstring(data)
PY
}
for case in "validate --format json:json" "validate --format sarif:json" "validate --format junit:xml" \
  "timeline --format json:json" "timeline --due --format json:json" "vote --format json:json" \
  "vote --dissent --format json:json" "vote --summary --format json:json"; do
  command=${case%:*} kind=${case##*:}
  # shellcheck disable=SC2086
  (cd "$work/odd" && run $command "$odd_name" >"$work/out.$kind" 2>/dev/null)
  parses "$kind" "$work/out.$kind"
  check "$kind: $command is valid with a file name that is not UTF-8" $? || cat -v "$work/out.$kind" | head -3
done

# --- Terminal escapes: ESC, BEL and the C1 CSI in record text and in the file name never reach
# the terminal from a text format, on standard output or standard error. Tabs and line breaks
# of cpconf's own layout are the only control characters left.
terminal_safe() {  # terminal_safe FILE
  python3 - "$1" <<'PY'
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8", errors="surrogateescape")
assert text, "no output"
for c in text:
    code = ord(c)
    raw_c1 = 0xDC80 <= code <= 0xDC9F  # a byte 0x80-0x9F that is not part of UTF-8: a C1 control to 8-bit terminals
    assert not ((code < 0x20 and c not in "\n\t") or 0x7F <= code <= 0x9F or raw_c1), f"control character {code:#x}"
PY
}
printf 'cpconf: 1\nconference: [\n' >"$work/odd/broken"$'\e[2J'".yaml"
for command in "validate" "validate --format github" "timeline" "timeline --due" "timeline --case GT-s6" "vote" \
  "vote --dissent" "vote --summary" "vote --format markdown" "render" "render --format markdown"; do
  # shellcheck disable=SC2086
  (cd "$work/odd" && run $command "$odd_name" >"$work/out.txt" 2>&1)
  terminal_safe "$work/out.txt"
  check "terminal: $command writes no control character from the record or its name" $? || cat -v "$work/out.txt" | head -5
done
# Messages about inputs name the file: one that is not YAML, and one that does not exist.
(cd "$work/odd" && run validate "broken"$'\e[2J'".yaml" "missing"$'\e[2J\x9b'".yaml" >"$work/out.txt" 2>&1)
terminal_safe "$work/out.txt"
check "terminal: validate's messages about unreadable inputs write no control character" $? || cat -v "$work/out.txt" | head -5
for command in "timeline" "vote" "render"; do
  (cd "$work/odd" && run $command "missing"$'\e[2J\x9b'".yaml" >"$work/out.txt" 2>&1)
  terminal_safe "$work/out.txt"
  check "terminal: $command's message about a missing input writes no control character" $? || cat -v "$work/out.txt" | head -5
done

finish "hostile_output"
