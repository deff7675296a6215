#!/usr/bin/env bash
# No name survives redaction in any letter case, accent form or apostrophe. Generates records
# from the examples whose children and family members have names with non-ASCII letters, one
# written with a decomposed accent and one with an apostrophe, mentions them again in free text
# in upper case, lower case, decomposed (NFD) and with a typographic apostrophe, and (in a second
# set) writes names as unknown keys, values and references, including names of people the record
# does not list, and names the files after the families. Every command runs in every format with its redaction, and validate's sarif,
# junit and github formats without it (vote, timeline in every mode, render, validate); each output is searched for every word of every hidden
# name after folding both sides (NFKD, marks removed, case folded, one apostrophe), so that
# SIÂN, Siân, sian and Sia + U+0302 + n are one word. The control: render without --redact
# must show the names the search looks for.
set -u
cpconf=$1
root=$2
source "$(dirname "$0")/../support/harness.sh"

python3 - "$root/examples" "$work" <<'PY' || exit 1
import json, os, re, sys, unicodedata
examples, work = sys.argv[1], sys.argv[2]
# Each private person's words, to the fictional non-ASCII ones the generated records use. The
# professionals keep their names: they are not hidden below --redact=all.
names = {
    "Hughes": "Ångström", "Carys": "Siân", "Osian": "Zoë", "Nia": "Nóirín", "Rhian": "Ríona",
    "Dylan": "Dónal", "Angharad": "Ngọc", "Price": "Trần", "Tomos": "Tomás", "Reid": "O'Néill",
    "Okafor": "Okáfọr", "Chidinma": "Chidínmà", "Daniel": "Dàvíd", "Asante": "Asanté",
    "Jess": "Jéssamý", "Morley": "Mørley", "Patel": "Pätel", "Anaya": "Anaÿa", "Dev": "Dhrúv",
    "Priya": "Príyanka", "Sanjay": "Sañjay", "Kamala": "Kámala", "Ruth": "Rúthanne",
    "Okonjo": "Okónjo", "Alison": "Alisón", "Kerr": "Kérrigan", "Ellis": "Éllison", "Ruby": "Rubý",
    "Jayden": "Jaÿden", "Leanne": "Léanne", "Sam": "Séamus", "Whitley": "Whítley",
    "Deborah": "Débora", "Grant": "Grañt",
}
# Who is hidden at --redact and --redact=family: children and attendees not there as
# professionals (their names, after the mapping above).
private = ["Ångström", "Siân", "Zoë", "Nóirín", "Ríona", "Dónal", "Ngọc", "Trần", "Tomás", "O'Néill",
           "Okáfọr", "Chidínmà", "Dàvíd", "Asanté", "Jéssamý", "Mørley", "Pätel", "Anaÿa", "Dhrúv",
           "Príyanka", "Sañjay", "Kámala", "Rúthanne", "Okónjo", "Alisón", "Kérrigan", "Éllison",
           "Rubý", "Jaÿden", "Léanne", "Séamus", "Whítley", "Débora", "Grañt"]
# Strangers: named only in the second set's unknown keys, values and references.
strangers = ["Ifẹ́olúwa Adébáyọ̀", "Þórunn Guðmundsdóttir"]

def word(w):
    return re.compile(r"(?<![\w])" + re.escape(w) + r"(?![\w])")

def mapped(text):
    for old, new in names.items():
        text = word(old).sub(new, text)
        text = word(old.lower()).sub(new.lower(), text)  # ids and file names: hughes-icpc
    return text

def variants(full):
    """A full name as free text may write it: upper case, decomposed, curly apostrophe."""
    nfd = unicodedata.normalize("NFD", full)
    return [full.upper(), nfd, full.lower().replace("'", "\u2019"), nfd.upper().replace("'", "\u2019")]

free_text = re.compile(r"^(\s+(?:reasoning|risk-view|concern|not-invited-reason|summary): )([^>|'\"\n].*)$", re.M)
for folder in ("plain", "hostile", "plain-neutral", "hostile-neutral"):
    os.makedirs(f"{work}/{folder}", exist_ok=True)
for n, name in enumerate(sorted(f for f in os.listdir(examples) if f.endswith(".yaml")), 1):
    text = mapped(open(f"{examples}/{name}", encoding="utf-8").read())
    people = [w for w in private if word(w).search(text)]
    mention = " Also seen " + ", ".join(v for p in people for v in variants(p)) + "."
    text = free_text.sub(lambda m: m.group(1) + m.group(2) + mention.replace(": ", " "), text)
    # One name written decomposed in the record itself, where it is defined.
    text = text.replace("name: Zoë", "name: " + unicodedata.normalize("NFD", "Zoë"))
    out = mapped(name)  # the file name gives the family away too
    open(f"{work}/plain/{out}", "w", encoding="utf-8").write(text)
    open(f"{work}/plain-neutral/r{n}.yaml", "w", encoding="utf-8").write(text)
    # The second set: names as the record's own text that the format does not define.
    hostile = text.replace("\nattendees:\n", "\nattendees:\n  - {id: x1, name: "
                           + strangers[1] + ", capacity: " + strangers[0].split()[0] + ", attendance: present}\n", 1)
    hostile += f"\n{strangers[0]}: unknown key\n{people[0].upper()} {people[1]}: unknown key\n"
    hostile = re.sub(r"(\n\s+by: )\S+", lambda m: m.group(1) + strangers[1].split()[0], hostile, count=1)
    open(f"{work}/hostile/{out}", "w", encoding="utf-8").write(hostile)
    open(f"{work}/hostile-neutral/r{n}.yaml", "w", encoding="utf-8").write(hostile)

def fold(text):
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()

hidden = sorted({fold(w) for p in private + " ".join(strangers).split() for w in p.split()})
json.dump(hidden, open(f"{work}/hidden.json", "w"))
PY

# leaks FILE...: "file: word" for every hidden word found in the outputs, compared folded.
leaks() {
  python3 - "$work/hidden.json" "$@" <<'PY'
import json, re, sys, unicodedata
def fold(text):
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()
hidden = json.load(open(sys.argv[1]))
for path in sys.argv[2:]:
    text = fold(open(path, encoding="utf-8", errors="replace").read())
    for w in hidden:
        if re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", text):
            print(f"{path.rsplit('/', 1)[-1]}: {w}")
PY
}

# run NAME ARGS...: one command's output (stdout and stderr) into $work/out/NAME.
mkdir -p "$work/out"
run() {
  local name=$1
  shift
  (cd "$work" && "$cpconf" "$@") >"$work/out/$name" 2>&1
  local status=$?
  # The second set's records do not load (a capacity no record may have): vote and timeline
  # say so and exit 2. Anything above 2 is a crash.
  local worst=1
  [[ $name == hostile-* ]] && worst=2
  if ((status > worst)); then
    echo "FAIL $name exited $status:"
    head -5 "$work/out/$name"
    ((failures++))
  fi
}

# validate locates findings by the file names given, which it does not change (its man page says
# so): it reads copies under neutral names. render redacts the file names it writes and quotes.
for set in plain hostile; do
  for format in text json; do run "$set-validate-redact-$format" validate --redact --format "$format" "$set-neutral"; done
  for format in sarif junit github; do
    run "$set-validate-$format" validate --format "$format" "$set-neutral"
    run "$set-validate-redact-$format" validate --redact --format "$format" "$set-neutral"
  done
  for level in family all; do
    redact=--redact=$level
    for format in text json csv ics; do
      n=0
      for file in "$work/$set"/*.yaml; do
        n=$((n + 1))
        run "$set-timeline-$level-$format-$n" timeline "$redact" --format "$format" "$file"
      done
      run "$set-timeline-due-$level-$format" timeline --due "$redact" --format "$format" "$set"
    done
    for format in text json; do
      run "$set-timeline-case-$level-$format" timeline --case MBC-C-2025-0917 "$redact" --format "$format" "$set"
    done
    for format in text json markdown csv; do
      run "$set-vote-$level-$format" vote "$redact" --format "$format" "$set"
      run "$set-vote-dissent-$level-$format" vote --dissent "$redact" --format "$format" "$set"
      run "$set-vote-summary-$level-$format" vote --summary "$redact" --format "$format" "$set"
    done
    for format in text markdown html; do
      mkdir -p "$work/out/$set-render-$level-$format"
      run "$set-render-$level-$format.log" render --redact="$level" --format "$format" \
        --output-dir "out/$set-render-$level-$format" "$set"
    done
  done
done

# The names of the files render wrote are outputs too.
(cd "$work/out" && find . -type f | sort) >"$work/file-names"
mv "$work/file-names" "$work/out/file-names"
[[ -f "$work/out/plain-render-family-text/Å-initial-2026-03.txt" ]]
check "render --output-dir names a file after the redacted input, its initial in its own script" $? ||
  cat "$work/out/file-names"
outputs=$(find "$work/out" -type f | wc -l)
found=$(cd "$work/out" && leaks $(find . -type f | sort))
[[ -z $found ]]
check "no hidden name in any case, accent form or apostrophe in $outputs outputs" $?
[[ -z $found ]] || head -20 <<<"$found"

# The control: the same search finds every child's name in a rendering without --redact.
run control render --format text plain
control=$(leaks "$work/out/control" | wc -l)
((control >= 10))
check "control: render without --redact shows the names the search looks for ($control found)" $?

finish "privacy (Unicode names)"
