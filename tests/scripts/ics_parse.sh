#!/usr/bin/env bash
# `cpconf timeline --format ics` read back by an independent RFC 5545 parser (ical.js, from npm,
# in tests/ics): the calendar parses, lines are CRLF and folded at 75 octets, text with commas,
# semicolons, backslashes and non-ASCII letters comes back unchanged, every deadline is one
# all-day event, and UIDs stay the same from one day's export to the next so that a re-import
# updates events instead of duplicating them.
set -u
cpconf=$1
root=$2
harness=$root/tests/ics
if [[ ! -d $harness/node_modules/ical.js ]]; then
  echo "FAIL: $harness/node_modules is missing: run 'bash .ci/setup' (npm ci in tests/ics)"
  exit 1
fi
source "$(dirname "$0")/../support/harness.sh"
parse() { node "$harness/parse.mjs" "$1"; }

# A conference still to come whose attendees' names need every TEXT escape, and long enough
# for folding to fall next to a two-octet letter.
mkdir -p "$work/records"
cp "$root"/examples/*.yaml "$work/records/"
cat >"$work/records/hostile.yaml" <<'EOF'
cpconf: 1
conference:
  id: 'ics,test;1'
  case: ICS-TEST
  kind: initial
  profile: england
  strategy-discussion: 2026-11-16
  start: 2026-12-01 10:00
  chair: 'Siân Ŵyn-Ellis, Chair; Safeguarding \ Quality'
children:
  - id: c1
    name: Amy Test
    born: 2019-05-01
attendees:
  - id: a1
    name: 'Zoë "Zo" O''Brien; Jr, \ Ward — Cydlynydd Diogelu Plant, Gwasanaethau Plant'
    capacity: professional
    role: Social worker
    agency: Testshire Children's Services
    attendance: present
EOF

as_of=(--as-of 2026-11-27)
"$cpconf" timeline "${as_of[@]}" --due --within 20 --format ics "$work/records" >"$work/due.ics"
"$cpconf" timeline "${as_of[@]}" --due --within 20 --format json "$work/records" >"$work/due.json"
parse "$work/due.ics" >"$work/due.events.json"; check "the due list's calendar parses with ical.js" $?

python3 - "$work" <<'PY'; check "one event per item, on its due day, with its text intact" $?
import json, sys
w = sys.argv[1]
events = json.load(open(f"{w}/due.events.json"))
items = json.load(open(f"{w}/due.json"))["items"]
assert len(events) == len(items) >= 4, (len(events), len(items))
for event, item in zip(events, items):
    assert event["start"] == item["due"][:10], (event["start"], item["due"])
    assert event["stamp"] == "2026-11-27T00:00:00Z"
    assert item["kind"] in event["categories"] and item["status"] in event["categories"]
    assert item["conference"] in event["summary"]
    assert item["who"] in event["description"], (item["who"], event["description"])
    assert event["description"].endswith("As of 2026-11-27.")
hostile = [e for e in events if "ics,test;1" in e["summary"]]
assert hostile, "the hostile record has no event"
name = 'Zoë "Zo" O\'Brien; Jr, \\ Ward — Cydlynydd Diogelu Plant, Gwasanaethau Plant'
assert any(name in e["summary"] and name in e["description"] for e in hostile)
assert any("chair Siân Ŵyn-Ellis, Chair; Safeguarding \\ Quality." in e["description"] for e in hostile)
PY

"$cpconf" timeline "${as_of[@]}" --format ics "$root/examples/hughes-initial-2026-03.yaml" >"$work/one.ics"
"$cpconf" timeline "${as_of[@]}" --format json "$root/examples/hughes-initial-2026-03.yaml" >"$work/one.json"
parse "$work/one.ics" >"$work/one.events.json"; check "one conference's calendar parses with ical.js" $?
python3 - "$work" <<'PY'; check "one event for each deadline that applies, and no other" $?
import json, sys
w = sys.argv[1]
events = json.load(open(f"{w}/one.events.json"))
entries = [e for e in json.load(open(f"{w}/one.json"))["entries"]
           if e["deadline"] is not None and e["status"] != "not-applicable"]
assert len(events) == len(entries) > 20, (len(events), len(entries))
assert [e["start"] for e in events] == [e["due"][:10] for e in entries]
PY

# Exported on two days, the same deadlines keep their UIDs; only the stamp and status change.
"$cpconf" timeline --as-of 2026-11-10 --due --within 30 --format ics "$work/records" >"$work/early.ics"
"$cpconf" timeline --as-of 2026-11-27 --due --within 30 --format ics "$work/records" >"$work/late.ics"
parse "$work/early.ics" >"$work/early.json" && parse "$work/late.ics" >"$work/late.json"
python3 - "$work" <<'PY'; check "UIDs are stable across exports on different days" $?
import json, sys
w = sys.argv[1]
early = {e["uid"]: e for e in json.load(open(f"{w}/early.json"))}
late = {e["uid"]: e for e in json.load(open(f"{w}/late.json"))}
common = set(early) & set(late)
assert len(common) >= 4, len(common)
for uid in common:
    assert early[uid]["start"] == late[uid]["start"], uid
    assert early[uid]["stamp"] == "2026-11-10T00:00:00Z" and late[uid]["stamp"] == "2026-11-27T00:00:00Z"
# The transfer-in review due on 17 November was due on the 10th and is overdue by the 27th.
assert any(early[u]["summary"] != late[u]["summary"] for u in common), "no status changed"
PY

# Complete but for one content line without a colon, which only the parser can catch.
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\nSUMMARY unterminated\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$work/bad.ics"
! parse "$work/bad.ics" >/dev/null 2>&1; check "the harness rejects an invalid calendar" $?
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nEND:VCALENDAR\n' >"$work/lf.ics"
! parse "$work/lf.ics" >/dev/null 2>&1; check "the harness rejects bare LF line ends" $?

finish "ics"
