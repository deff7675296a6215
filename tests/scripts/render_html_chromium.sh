#!/usr/bin/env bash
# The HTML of every example, and of the hostile-strings record, loads in headless Chromium
# (Debian's `chromium`) without a single console message: the pages have no script, so any
# message is an error (a blocked fetch, a Content-Security-Policy violation). Two pages that
# do break the rules show the check can fail. The DOM Chromium builds holds no element made
# from record text, one screenshot is checked for a page that is not blank, and the print
# to PDF is A4. Chromium missing is a failure, not a skip: .ci/setup installs it.
set -u
cpconf=$(realpath "$1")
root=$(realpath "$2")
if ! command -v chromium >/dev/null; then
  echo "FAIL chromium is not installed: run .ci/setup (as root) to install Debian's chromium"
  echo "render html chromium: 0 passed, 1 failed"
  exit 1
fi
source "$(dirname "$0")/../support/harness.sh"

# chrome OUTPUT-OPTION... URL: a fresh profile each time, nothing fetched, logs on stderr.
chrome() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
}

mkdir -p "$work/html"
(cd "$root/examples" && "$cpconf" render --as-of 2026-11-22 --no-config --format html --output-dir "$work/html" *.yaml)
check "the examples render as HTML" $?
"$cpconf" render --as-of 2026-11-22 --no-config --format html -o "$work/html/hostile.html" \
  "$root/tests/e2e/render/hostile-strings.yaml" 2>/dev/null
check "the hostile-strings record renders as HTML" $?

# Pages that break the rules: a script, and an image fetched from elsewhere under our policy.
cat > "$work/script.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><script>console.error("boom")</script></body></html>
HTML
cat > "$work/fetch.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>t</title></head><body><img src="https://example.invalid/x.png" alt=""></body></html>
HTML
for page in script fetch; do
  chrome --dump-dom "file://$work/$page.html" >/dev/null 2>"$work/$page.log"
  grep -q "CONSOLE" "$work/$page.log"
  check "a page with a $page is caught by the console check" $?
done

for page in "$work"/html/*.html; do
  name=$(basename "$page")
  chrome --dump-dom "file://$page" >"$work/$name.dom" 2>"$work/$name.log"
  if grep "CONSOLE" "$work/$name.log"; then
    check "$name loads with no console message" 1
  else
    grep -q "<h1>" "$work/$name.dom"
    check "$name loads with no console message" $?
  fi
done

# In the DOM the browser built, record text stayed text: no element came from it.
dom=$work/hostile.html.dom
! grep -qiE "<(script|img|svg onload|b>Ann)" <(grep -v '^<svg xmlns' "$dom") &&
  grep -qF '&lt;script&gt;alert' "$dom" && grep -qF '&lt;img src=x onerror=alert(1)&gt;' "$dom"
check "hostile strings stay text in the browser's DOM" $?
svgs=$(grep -c '<svg ' "$dom")
[[ $svgs -eq 1 ]]
check "the only SVG in the hostile page is the vote bar ($svgs found)" $?

chrome --screenshot="$work/shot.png" --window-size=1024,1400 "file://$work/html/hughes-initial-2026-03.html" \
  >/dev/null 2>"$work/shot.log"
python3 - "$work/shot.png" <<'PY'
# A PNG decoder of the few lines a screenshot needs (8-bit RGB or RGBA), with zlib only.
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
assert depth == 8 and colour in (2, 6), f"depth {depth}, colour type {colour}"
bpp = 3 if colour == 2 else 4
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
colours, inked, i = set(), 0, 0
for y in range(height):
    kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if kind == 1: line[x] = (line[x] + a) & 255
        elif kind == 2: line[x] = (line[x] + b) & 255
        elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 4 == 0:  # every fourth row is plenty to judge
        for x in range(0, stride, bpp * 2):
            px = bytes(line[x:x + 3])
            colours.add(px)
            inked += px != b"\xff\xff\xff"
sampled = (height // 4 + 1) * (width // 2)
print(f"screenshot {width}x{height}: {len(colours)} colours, {100 * inked / sampled:.1f}% not white")
assert width == 1024 and height == 1400
assert len(colours) >= 16, "too few colours: a blank page?"
assert 0.02 < inked / sampled < 0.9, "almost all one colour: a blank page?"
PY
check "a screenshot of hughes-initial-2026-03.html shows a page with text" $?

chrome --no-pdf-header-footer --print-to-pdf="$work/print.pdf" "file://$work/html/hughes-initial-2026-03.html" \
  >/dev/null 2>"$work/print.log"
python3 - "$work/print.pdf" <<'PY'
# Every page is A4 (595.28 x 841.89 points; Chromium rounds to whole CSS pixels), and there are several.
import re, sys
boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", open(sys.argv[1], "rb").read())
print(f"{len(boxes)} pages: {sorted(set(boxes))}")
assert len(boxes) >= 2
assert all(abs(float(w) - 595.28) < 1.5 and abs(float(h) - 841.89) < 1.5 for w, h in boxes)
PY
check "the print to PDF is on A4 pages" $?

finish "render html chromium"
