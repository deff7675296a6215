#!/usr/bin/env bash
# Hostile text in a record, generated here: markup, script, terminal escapes, invisible and
# reordering characters, broken UTF-8, huge values, many children. In every format it must
# render as text and never as markup or control: HTML with no element made from record text,
# Markdown that cmark-gfm (GitHub's CommonMark) turns into HTML with none either, text with no
# control character; valid UTF-8 always, within seconds, and text lines within the width.
set -u
cpconf=$(realpath "$1")
if ! command -v cmark-gfm >/dev/null; then
  echo "FAIL cmark-gfm is not installed: run .ci/setup (as root) to install Debian's cmark-gfm"
  echo "render hostile: 0 passed, 1 failed"
  exit 1
fi
source "$(dirname "$0")/../support/harness.sh"

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
HOSTILE = [
    "<script>alert('s1')</script>",
    "\"><img src=x onerror=alert('s2')>",
    "'><svg onload=alert('s3')>",
    "</style></title></textarea><iframe src=javascript:alert('s4')>",
    "<!-- comment --> ]]> <![CDATA[ x ]]>",
    "[link](javascript:alert('s5')) ![img](https://example.invalid/x.png) <https://example.invalid>",
    "*em* __strong__ `code` ~~strike~~ $math$ | pipe | &amp; &#60; \\ backslash",
    "# heading\n- item\n1. item\n> quote\n    code\n---\n===",
    "\x1b[2J\x1b]0;title\x07\x1b[31mred\x1b[0m \x00nul \x7f del \x9b csi",
    "bidi \u202eevil\u202c zero\u200bwidth \ufeffbom line\u2028sep",
]
def q(s):  # a YAML double-quoted scalar
    return json.dumps(s).replace("\\u0000", "\\0")
people = "".join(f"  - {{id: a{i + 3}, name: {q(h)}, capacity: parent, attendance: present}}\n" for i, h in enumerate(HOSTILE))
votes = "".join(f"      - {{grouping: {g}, by: {b}, vote: plan, reasoning: {q(h)}}}\n"
                for (g, b), h in zip([("childrens-social-care", "a1"), ("child-health", "a2")], HOSTILE))
info = "".join(f"  - {{point: {q(h)}, basis: opinion, by: a1, evidence: {q(h)}}}\n" for h in HOSTILE)
record = f"""cpconf: 1
conference:
  id: {q(HOSTILE[0])}
  case: {q(HOSTILE[6])}
  kind: initial
  profile: england
  strategy-discussion: 2026-03-02
  start: 2026-03-20 10:00
  end: 2026-03-20 11:00
  chair: {q(HOSTILE[8])}
  quorate: true
children:
  - {{id: c1, name: {q(HOSTILE[1])}, born: 2019-05-01}}
  - {{id: c2, name: {q(HOSTILE[9])}, born: 2020-05-01, invited: false, not-invited-reason: {q(HOSTILE[7])}}}
attendees:
  - {{id: a1, name: {q(HOSTILE[2])}, capacity: professional, role: {q(HOSTILE[3])}, agency: {q(HOSTILE[4])}, grouping: childrens-social-care, attendance: present}}
  - {{id: a2, name: {q(HOSTILE[5])}, capacity: professional, role: Health visitor, agency: {q(HOSTILE[6])}, grouping: child-health, attendance: present}}
{people}decisions:
  - child: c1
    consensus: true
    votes:
{votes}    outcome: plan
    categories: [neglect]
information:
{info}"""
open(os.path.join(work, "hostile.yaml"), "w", encoding="utf-8").write(record)
# Huge values and many children, still within the loader's limits.
long_word = "x" * 200_000
many = "".join(f"  - {{id: c{i}, name: Child {i} Test, born: 2019-05-01}}\n" for i in range(2000))
decisions = "".join(f"  - {{child: c{i}, consensus: true, outcome: no-plan}}\n" for i in range(2000))
open(os.path.join(work, "huge.yaml"), "w").write(f"""cpconf: 1
conference: {{id: huge, case: c, kind: review, previous: p, start: 2026-03-20 10:00, end: 2026-03-20 11:00, chair: {long_word}}}
children:
{many}attendees:
  - {{id: a1, name: {"word " * 20000}, capacity: professional, role: R, agency: A, attendance: present}}
decisions:
{decisions}""")
open(os.path.join(work, "bad-utf8.yaml"), "wb").write(
    b"cpconf: 1\nconference: {id: x, case: c, kind: review, previous: p, start: 2026-03-20 10:00, chair: Caf\xc3\x28}\n"
    b"children: []\nattendees: []\n")
PY

for format in text markdown html; do
  timeout 20 "$cpconf" render --as-of 2026-11-22 --no-config --format "$format" --redact -o "$work/hostile.$format" \
    "$work/hostile.yaml" 2>"$work/hostile.$format.err"
  check "the hostile record renders as $format (redacted too) within 20 s" $?
  timeout 20 "$cpconf" render --as-of 2026-11-22 --no-config --format "$format" -o "$work/plain.$format" \
    "$work/hostile.yaml" 2>/dev/null
  check "the hostile record renders as $format within 20 s" $?
done

# Valid UTF-8, and (text) no control character but newline: no escape reaches the terminal.
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
for name in ("plain.text", "hostile.text", "plain.markdown", "plain.html"):
    data = open(f"{work}/{name}", "rb").read()
    text = data.decode("utf-8")  # raises on invalid UTF-8
    bad = re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff]", text)
    assert not bad, f"{name}: {sorted(set(bad))!r}"
PY
check "output is valid UTF-8 with no control, bidirectional or zero-width character" $?

# HTML and the HTML cmark-gfm (GitHub's CommonMark, raw HTML allowed) makes of the Markdown:
# parsed, every element and attribute is one the writers use, links stay in the page, and the
# record's markup is there as text.
for name in plain hostile; do
  cmark-gfm --unsafe -e table -e autolink -e strikethrough "$work/$name.markdown" >"$work/$name.md.html"
done
allowed() {  # allowed FILE TAGS ATTRIBUTES SHOWN LINKS: only these elements and attributes
  python3 - "$@" <<'PY'
import sys
from html.parser import HTMLParser
path, tags, attributes = sys.argv[1], set(sys.argv[2].split()), set(sys.argv[3].split())
shown_too, web_links = sys.argv[4] == "shown", sys.argv[5] == "web-links"
class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text, self.styles = [], [], 0
    def handle_starttag(self, tag, attrs):
        if tag not in tags:
            self.problems.append(f"element <{tag}>")
        self.styles += tag == "style"
        for key, value in attrs:
            if key not in attributes and not key.startswith("aria-"):
                self.problems.append(f"attribute {key}= on <{tag}>")
            # GitHub links a bare web address wherever it is; nothing else may leave the page.
            web = web_links and tag == "a" and (value or "").startswith(("http://", "https://"))
            if key == "href" and not (value or "").startswith("#") and not web:
                self.problems.append(f"link out: {value}")
    def handle_comment(self, data):
        self.problems.append("a comment")
    def handle_data(self, data):
        self.text.append(data)
check = Check()
check.feed(open(path, encoding="utf-8").read())
text = "".join(check.text)
for shown in () if not shown_too else ("<script>alert('s1')</script>", "\"><img src=x onerror=alert('s2')>", "</style></title>",
              "<!-- comment -->", "[link](javascript:alert('s5'))", "*em* __strong__ `code`"):
    if shown not in text:
        check.problems.append(f"not shown as text: {shown}")
if check.styles > 1:
    check.problems.append("a second style sheet")
for problem in sorted(set(check.problems)):
    print(f"  {path.rsplit('/', 1)[-1]}: {problem}")
sys.exit(1 if check.problems else 0)
PY
}
html_tags="html head meta title style body header p h1 h2 h3 nav ol li a main section dl div dt dd table caption
  thead tbody tr th td strong span figure figcaption svg rect text footer"
html_attributes="lang charset name content http-equiv class id href role scope colspan xmlns viewbox width height x y"
allowed "$work/plain.html" "$html_tags" "$html_attributes" shown no-web-links
check "HTML: record text makes no element or attribute and shows as written" $?
allowed "$work/hostile.html" "$html_tags" "$html_attributes" redacted no-web-links
check "HTML, redacted: record text makes no element or attribute" $?
md_tags="h1 h2 h3 p ul li strong em table thead tbody tr th td blockquote hr br a"
allowed "$work/plain.md.html" "$md_tags" "href" shown web-links
check "Markdown through cmark-gfm: record text makes no element but web links, and shows as written" $?
allowed "$work/hostile.md.html" "$md_tags" "href" redacted web-links
check "Markdown through cmark-gfm, redacted: the same" $?
grep -c "<h1>" "$work/plain.md.html" | grep -qx 1
check "Markdown: one level-1 heading, none from record text" $?

start=$(date +%s)
timeout 60 "$cpconf" render --as-of 2026-11-22 --no-config --no-findings -o "$work/huge.txt" "$work/huge.yaml" 2>"$work/huge.err"
status=$?
elapsed=$(($(date +%s) - start))
[[ $status -eq 0 ]] && python3 - "$work/huge.txt" <<'PY'
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    assert width <= 80, f"a line of {width} columns"
PY
check "2,000 children and a 200,000-character name render in ${elapsed} s, every line within 80 columns" $?
for format in markdown html; do
  timeout 60 "$cpconf" render --as-of 2026-11-22 --no-config --format "$format" -o "$work/huge.$format" "$work/huge.yaml" 2>/dev/null
  check "the huge record renders as $format" $?
done

"$cpconf" render --as-of 2026-11-22 --no-config "$work/bad-utf8.yaml" >"$work/bad.out" 2>/dev/null
status=$?
[[ $status -eq 0 || $status -eq 2 ]] && python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$work/bad.out"
check "a record with broken UTF-8 is rendered or refused (exit $status); what is rendered is valid UTF-8" $?

finish "render hostile"
