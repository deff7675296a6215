#!/usr/bin/env bash
# Redaction leaves nothing of a name behind. Renders every example in every format with
# --redact and --redact=all, then searches each output, attributes and SVG titles included,
# and its file name, for every name the input holds (the whole name, and each part of it as a
# word in any case) and every date of birth. --redact must hide children, family members and
# other non-professional attendees; --redact=all everyone, professionals and the chair too.
# The same search on the unredacted output must find them, or it would prove nothing.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passed=0

for mode in none family all; do
  for format in text markdown html; do
    out=$work/$mode/$format
    mkdir -p "$out"
    redact=()
    [[ $mode != none ]] && redact=("--redact=$mode")
    if ! (cd "$root/examples" && "$cpconf" render --as-of 2026-11-22 --no-config --format "$format" \
            "${redact[@]}" --output-dir "$out" *.yaml); then
      echo "FAIL rendering the examples ($mode, $format)"
      ((failures++))
    fi
  done
done

python3 - "$root/examples" "$work" <<'PY' || failures=$((failures + 1))
import glob, os, re, sys

examples, work = sys.argv[1], sys.argv[2]
FAMILY = {"parent", "child", "family-member", "supporter", "carer"}
NOT_NAMES = {"dc", "ds", "pc", "dr", "unborn", "baby"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

def people(path):
    """(name, kind) for every person in an example: a line-by-line reading of its shape."""
    found, section, item = [], None, None
    for line in open(path, encoding="utf-8"):
        top = re.match(r"^([a-z-]+):", line)
        if top:
            section, item = top.group(1), None
        chair = re.match(r"^  (?:chair|  by): (.+)$", line)
        if section == "conference" and chair:
            found.append([chair.group(1).strip(), "professional"])
        if section in ("children", "attendees"):
            if re.match(r"^  - ", line):
                item = ["", "child" if section == "children" else "professional"]
                found.append(item)
            for key, value in re.findall(r"(name|capacity): ([^,}\n]+)", line):
                if item is None:
                    continue
                if key == "name":
                    item[0] = value.strip()
                elif section == "attendees":
                    item[1] = value.strip()
    return [(n, k) for n, k in found if n]

def words(name):
    parts = [name] + [p for p in re.split(r"[\s-]+", name) if len(p) >= 2 and p.lower() not in NOT_NAMES]
    return sorted(set(parts))

def dates_of_birth(path):
    out = []
    for y, m, d in re.findall(r"^\s+born: (\d{4})-(\d\d)-(\d\d)", open(path).read(), re.M):
        y, m, d = int(y), int(m), int(d)
        out += [f"{y}-{m:02}-{d:02}", f"{d:02}/{m:02}/{y}", f"{d} {MONTHS[m - 1]} {y}"]
    return out

def found_in(text, word):
    return re.search(r"(?i)(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])", text) is not None

failures = passed = 0
case_of = {}
for path in sorted(glob.glob(os.path.join(examples, "*.yaml"))):
    case = re.search(r"^  case: (\S+)", open(path).read(), re.M).group(1)
    case_of.setdefault(case, []).append(path)

for mode in ("family", "all"):
    for fmt in ("text", "markdown", "html"):
        outputs = sorted(glob.glob(os.path.join(work, mode, fmt, "*")))
        plain = sorted(glob.glob(os.path.join(work, "none", fmt, "*")))
        if len(outputs) != len(plain) or not outputs:
            print(f"FAIL {mode}/{fmt}: {len(outputs)} files rendered")
            failures += 1
            continue
        # Outputs are named after the redacted inputs: pair them by case and time held.
        for path in sorted(glob.glob(os.path.join(examples, "*.yaml"))):
            record = open(path, encoding="utf-8").read()
            case = re.search(r"^  case: (\S+)", record, re.M).group(1)
            y, m, d, hh, mm = re.search(r"^  start: (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)", record, re.M).groups()
            held = f"{int(d)} {MONTHS[int(m) - 1]} {y}, {hh}:{mm} to"  # the "Held" entry, which stays
            def pick(files):
                return [f for f in files if case in (t := open(f, encoding="utf-8").read()) and held in t]
            hidden = []
            # A case's records are rendered together, so each hides the others' people too.
            for sibling in case_of[case]:
                hidden += [n for n, k in people(sibling) if mode == "all" or k in FAMILY]
            secrets = sorted({w for n in hidden for w in words(n)}) + dates_of_birth(path)
            unredacted, match = pick(plain), pick(outputs)
            if len(unredacted) != 1 or len(match) != 1:
                print(f"FAIL {mode}/{fmt} {os.path.basename(path)}: outputs {unredacted} {match}")
                failures += 1
                continue
            source = open(unredacted[0], encoding="utf-8").read()
            # The same search finds the record's own names in the unredacted output.
            own = [w for n, k in people(path) if mode == "all" or k in FAMILY for w in words(n)]
            if not own or any(not found_in(source, w) for w in own):
                print(f"FAIL {fmt} {os.path.basename(path)}: the unredacted output lacks a name searched for")
                failures += 1
                continue
            text = open(match[0], encoding="utf-8").read() + "\n" + os.path.basename(match[0])
            leaks = [s for s in secrets if found_in(text, s)]
            if leaks:
                print(f"FAIL {mode}/{fmt} {os.path.basename(match[0])} still holds: {', '.join(leaks)}")
                failures += 1
            else:
                print(f"ok {mode}/{fmt} {os.path.basename(match[0])}: none of {len(secrets)} names and dates remain")
                passed += 1
print(f"redaction search: {passed} passed, {failures} failed")
sys.exit(1 if failures else 0)
PY
py_status=$?
[[ $py_status -eq 0 ]] && passed=$((passed + 1))

# --redact-name reaches a person the record names only in free text.
cat > "$work/extra.yaml" <<'YAML'
cpconf: 1
conference: {id: t-1, case: c, kind: review, previous: t-0, start: 2026-03-20 10:00, end: 2026-03-20 11:00, chair: Jo Chair}
children:
  - {id: c1, name: Ann Test, born: 2019-05-01}
attendees:
  - {id: a1, name: Sam Shah, capacity: professional, role: Social worker, agency: CSC, attendance: present}
information:
  - {point: Kamala Quist will step in when needed; Kamala agreed., basis: fact, by: a1}
YAML
out=$("$cpconf" render --as-of 2026-11-22 --no-findings --redact-name "Kamala Quist" "$work/extra.yaml" 2>/dev/null)
if grep -qi "kamala\|quist" <<<"$out" || ! grep -q "K.Q. will step in when needed; K.Q. agreed." <<<"$out"; then
  echo "FAIL --redact-name"; ((failures++))
else
  echo "ok --redact-name hides a name found only in free text"; ((passed++))
fi

echo "render redaction: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
