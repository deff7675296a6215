#!/usr/bin/env python3
"""Writes a corpus of fictional conference records for `cpconf timeline --due` to a folder.

Usage: make_timeline_corpus.py DIR COUNT [SEED]

Cases of an initial conference followed by reviews, spread over 2025-2027 so that, as of a day
in 2026, some conferences are still to come (reports not yet in), some have follow-ups missing
(plan, minutes, core group not recorded) and some cases have a review overdue. The same
arguments always write the same bytes. Nothing here is a real person.
"""
import datetime
import os
import random
import sys

PROFILES = ["england", "west-berkshire", "north-wales"]
CHAIRS = ["Alex Chair", "Bea Chair", "Cai Chair", "Dee Chair"]
PROFESSIONALS = [
    ("Social worker", "Testshire Children's Services", "childrens-social-care"),
    ("Health visitor", "Testshire Community Health", "child-health"),
    ("Police constable", "Testshire Police", "police"),
    ("Teacher", "Testshire Primary School", "education"),
]


def working_day(day):
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def record(case, index, kind, start, previous, rng, complete):
    lines = [
        "cpconf: 1",
        "conference:",
        f"  id: {case}-{index}",
        f"  case: {case}",
        f"  kind: {kind}",
        f"  profile: {rng.choice(PROFILES)}",
    ]
    if kind == "initial":
        lines.append(f"  strategy-discussion: {start - datetime.timedelta(days=14)}")
    else:
        lines.append(f"  previous: {previous}")
    lines += [
        f"  start: {start} 10:00",
        f"  end: {start} 11:30",
        f"  chair: {rng.choice(CHAIRS)}",
        "  quorate: true",
        "children:",
        "  - id: c1",
        f"    person: P-{case}",
        f"    name: Child {case}",
        "    born: 2018-04-01",
        "attendees:",
    ]
    for n, (role, agency, grouping) in enumerate(PROFESSIONALS, start=1):
        lines += [
            f"  - id: a{n}",
            f"    name: Worker {n} {case}",
            "    capacity: professional",
            f"    role: {role}",
            f"    agency: {agency}",
            f"    grouping: {grouping}",
            "    attendance: present",
        ]
        if complete or rng.random() < 0.5:
            sent = start - datetime.timedelta(days=rng.choice([3, 7, 9]))
            lines += ["    report:", f"      to-chair: {sent} 12:00", f"      to-family: {sent} 15:00"]
    lines += ["  - id: p1", f"    name: Parent {case}", "    capacity: parent", "    attendance: present"]
    if not complete:
        return "\n".join(lines) + "\n"
    ends = kind == "review" and rng.random() < 0.3
    lines += [
        "decisions:",
        "  - child: c1",
        "    consensus: true",
        f"    outcome: {'no-plan' if ends else 'plan'}",
    ]
    if not ends:
        lines.append("    categories: [neglect]")
    follow = ["follow-up:", f"  plan-sent: {start} 16:00"]
    if rng.random() < 0.85:
        follow.append(f"  minutes-sent: {start + datetime.timedelta(days=rng.choice([10, 20, 30]))}")
    if kind == "initial" and rng.random() < 0.9:
        follow.append(f"  core-group: {start + datetime.timedelta(days=7)}")
    if not ends:
        months = 3 if kind == "initial" else 6
        follow.append(f"  next-review: {start + datetime.timedelta(days=months * 30 - 5)}")
    return "\n".join(lines + follow) + "\n"


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    today = datetime.date(2026, 11, 22)
    os.makedirs(folder, exist_ok=True)
    written = 0
    case_number = 0
    while written < count:
        case_number += 1
        case = f"C{case_number:05}"
        start = working_day(datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randrange(0, 700)))
        kind, previous = "initial", ""
        for index in range(rng.choice([1, 2, 3])):
            if written >= count:
                break
            complete = start < today or rng.random() < 0.2
            text = record(case, index, kind, start, previous, rng, complete)
            with open(os.path.join(folder, f"{case}-{index}.yaml"), "w", encoding="utf-8") as out:
                out.write(text)
            written += 1
            if "outcome: no-plan" in text or not complete:
                break
            previous = f"{case}-{index}"
            start = working_day(start + datetime.timedelta(days=(85 if kind == "initial" else 175)))
            kind = "review"


if __name__ == "__main__":
    main()
