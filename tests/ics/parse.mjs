// Reads iCalendar text (a file, or - for stdin), checks it against RFC 5545 with ical.js, an
// independent parser, plus the octet-level rules a parser forgives (CRLF line ends, lines of at
// most 75 octets), and prints the events it decoded as JSON for the calling test to compare.
// Exit status 1, with the reasons on stderr, when anything is wrong.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const path = process.argv[2] ?? "-";
const bytes = readFileSync(path === "-" ? 0 : path);
const text = bytes.toString("utf8");
const problems = [];

if (!text.endsWith("\r\n")) problems.push("the last line does not end in CRLF");
const lines = text.split("\r\n").slice(0, -1);
lines.forEach((line, i) => {
  if (line.includes("\n") || line.includes("\r")) problems.push(`line ${i + 1}: a bare LF or CR`);
  const octets = Buffer.byteLength(line, "utf8");
  if (octets > 75) problems.push(`line ${i + 1}: ${octets} octets, more than 75`);
});

let events = [];
try {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== "vcalendar") problems.push(`top component is ${calendar.name}`);
  if (calendar.getFirstPropertyValue("version") !== "2.0") problems.push("VERSION is not 2.0");
  if (!calendar.getFirstPropertyValue("prodid")) problems.push("no PRODID");
  const uids = new Set();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const uid = vevent.getFirstPropertyValue("uid");
    const start = vevent.getFirstProperty("dtstart");
    const end = vevent.getFirstProperty("dtend");
    const stamp = vevent.getFirstPropertyValue("dtstamp");
    if (!uid) problems.push("an event without UID");
    if (uids.has(uid)) problems.push(`UID ${uid} appears twice`);
    uids.add(uid);
    if (!stamp || stamp.isDate) problems.push(`${uid}: DTSTAMP missing or not a DATE-TIME`);
    if (!start || start.type !== "date") problems.push(`${uid}: DTSTART is not a DATE`);
    if (!end || end.type !== "date") problems.push(`${uid}: DTEND is not a DATE`);
    if (start && end && end.getFirstValue().compare(start.getFirstValue()) <= 0) problems.push(`${uid}: DTEND not after DTSTART`);
    const event = new ICAL.Event(vevent);
    events.push({
      uid,
      stamp: stamp ? stamp.toString() : null,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      summary: event.summary,
      description: event.description,
      categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues()),
    });
  }
} catch (error) {
  problems.push(`ical.js cannot parse it: ${error.message}`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`${path}: ${problem}`);
  process.exit(1);
}
console.log(JSON.stringify(events, null, 1));
