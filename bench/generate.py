#!/usr/bin/env python3
"""Writes a corpus of realistic, varied, fictional conference records in cpconf's format.

Deterministic from --seed. Cases are chains of an initial (or pre-birth / transfer-in)
conference and its reviews, with dates that follow the profile's timescales, so that a clean
record really is clean; --faults sets the share of records given one procedural or structural
fault (a late report, a tie without a casting vote, an unknown key, ...), including faults that
only the cross-record rules see (a duplicated conference id, a review naming a conference that
does not exist or held late, a child given a second plan in another case).

    bench/generate.py --records 10000 --seed 1 --faults 0.05 OUT_DIR
"""
import argparse
import datetime as dt
import os
import random

FIRST = ["Aled", "Bethan", "Cai", "Dewi", "Efa", "Ffion", "Gethin", "Hana", "Iwan", "Jac", "Lowri", "Mali",
         "Nia", "Osian", "Rhys", "Seren", "Tomos", "Wyn", "Amira", "Ben", "Chloe", "Daniel", "Ella", "Finn",
         "Grace", "Harry", "Isla", "Jack", "Leo", "Maya", "Noah", "Olivia", "Priya", "Ravi", "Sofia", "Zain"]
LAST = ["Aldridge", "Bevan", "Castell", "Davies", "Evans", "Fenwick", "Griffiths", "Hale", "Ingram", "Jarvis",
        "Kershaw", "Llewellyn", "Morgan", "Nash", "Owen", "Pryce", "Quinn", "Rowlands", "Sutton", "Thomas",
        "Upton", "Vaughan", "Whitlock", "Yates"]
PROFESSIONALS = [  # role, agency, grouping
    ("Social worker", "Children's services", "childrens-social-care"),
    ("Team manager", "Children's services", "childrens-social-care"),
    ("Health visitor", "Community health trust", "child-health"),
    ("School nurse", "Community health trust", "child-health"),
    ("Paediatrician", "District hospital", "child-health"),
    ("Detective constable", "County police", "police"),
    ("Designated safeguarding lead", "Riverside Primary School", "education"),
    ("Head of year", "Hillside High School", "education"),
    ("Housing officer", "Borough housing", "housing"),
    ("Probation officer", "Probation service", "probation"),
    ("Community psychiatric nurse", "Adult mental health team", "adult-health"),
    ("Family support worker", "Women's Aid", "voluntary"),
    ("Youth justice officer", "Youth justice service", "youth-justice"),
    ("Nursery manager", "Little Steps pre-school", "early-years"),
]
CATEGORIES = {"england": ["neglect", "physical", "emotional", "sexual"],
              "west-berkshire": ["neglect", "physical", "emotional", "sexual"],
              "north-wales": ["neglect", "physical", "emotional-psychological", "sexual", "financial"]}
SENTENCES = [
    "Attendance at school has fallen to 78 per cent this term and the children often arrive without breakfast.",
    "The home was observed to be cold, with little food in the cupboards, on two unannounced visits.",
    "Mother has engaged well with the parenting programme and completed six of eight sessions.",
    "Police attended the address twice in the last month following reports of shouting from neighbours.",
    "The health visitor notes that immunisations are up to date and weight gain is within expected range.",
    "Father's contact is supervised by the family centre and has been positive and consistent.",
    "The school reports that the eldest child has disclosed worries about arguments at home.",
    "Housing has agreed a move to a larger property, expected within the next three months.",
]
BANK_HOLIDAYS = {dt.date(*d) for d in [
    (2024, 1, 1), (2024, 3, 29), (2024, 4, 1), (2024, 5, 6), (2024, 5, 27), (2024, 8, 26), (2024, 12, 25),
    (2024, 12, 26), (2025, 1, 1), (2025, 4, 18), (2025, 4, 21), (2025, 5, 5), (2025, 5, 26), (2025, 8, 25),
    (2025, 12, 25), (2025, 12, 26), (2026, 1, 1), (2026, 4, 3), (2026, 4, 6), (2026, 5, 4), (2026, 5, 25),
    (2026, 8, 31), (2026, 12, 25), (2026, 12, 28)]}


def working(day):
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def add_working(day, n):
    step = 1 if n >= 0 else -1
    while n:
        day += dt.timedelta(days=step)
        if working(day):
            n -= step
    return day


def next_working(day):
    while not working(day):
        day += dt.timedelta(days=1)
    return day


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    def __init__(self, rng, faults):
        self.rng = rng
        self.faults = faults

    def record(self, case_id, index, kind, date, previous, profile, children, people, outcome_plan):
        rng = self.rng
        kinds = ["late-report", "tie", "unknown-key", "missing-chair", "dissent", "minutes",  # one record
                 "duplicate-id", "shared-person"]  # and across records, for the case rules
        if kind == "review":
            kinds += ["wrong-previous", "late-review"]
        fault = rng.choice(kinds) if rng.random() < self.faults else None
        # Another case's conference and child: the case before this one.
        case_number = int(case_id.rsplit("-", 1)[1])
        other_case = f"{case_id.rsplit('-', 1)[0]}-{max(case_number - 1, 1):06d}"
        cid = f"{other_case}-0" if fault == "duplicate-id" else f"{case_id}-{index}"
        if fault == "wrong-previous":
            previous = f"{other_case}-9"  # no such conference
        if fault == "late-review":
            date = next_working(add_months(date, 3))  # months after it was due
        start = dt.datetime.combine(date, dt.time(rng.choice([9, 10, 13, 14]), rng.choice([0, 30])))
        end = start + dt.timedelta(minutes=rng.randint(70, 115))
        out = [f"# Synthetic record written by bench/generate.py: fictional.", "cpconf: 1", "conference:",
               f"  id: {cid}", f"  case: {case_id}", f"  kind: {kind}", f"  profile: {profile}"]
        if kind == "initial":
            sd = add_working(date, -rng.randint(5, 14))
            out += [f"  strategy-discussion: {sd}", f"  s47-started: {sd}"]
        if kind == "transfer-in":
            out.append(f"  notified: {add_working(date, -rng.randint(5, 14))}")
        if kind == "review":
            out.append(f"  previous: {previous}")
        out += [f"  start: {start:%Y-%m-%d %H:%M}", f"  end: {end:%Y-%m-%d %H:%M}"]
        if fault != "missing-chair":
            out.append(f"  chair: {rng.choice(['Menna Cadwaladr', 'Priya Raman', 'Tom Ashworth', 'Ruth Okoro'])}")
        out += ["  quorate: true", "children:"]
        for c in children:
            person = c["person"]
            if fault == "shared-person" and c is children[0]:
                person = f"P-{other_case.split('-')[1]}{other_case.rsplit('-', 1)[1]}0"  # its first child's
            out += [f"  - id: {c['id']}", f"    person: {person}", f"    name: {c['name']}"]
            if kind == "pre-birth":
                out.append(f"    expected: {date + dt.timedelta(weeks=rng.randint(11, 16))}")
            else:
                out.append(f"    born: {c['born']}")
                age = (date - c["born"]).days // 365
                out.append(f"    invited: {'true' if age >= 10 else 'false'}")
                if age >= 10:
                    out.append("    attended: true")
        out.append("attendees:")
        for p in people:
            out += [f"  - id: {p['id']}", f"    name: {p['name']}", "    capacity: professional",
                    f"    role: {p['role']}", f"    agency: {p['agency']}", f"    grouping: {p['grouping']}",
                    "    attendance: present", f"    children: [{', '.join(c['id'] for c in children)}]"]
            if kind == "review":
                sent = dt.datetime.combine(add_working(date, -rng.randint(6, 9)), dt.time(16, 0))
            else:
                sent = start - dt.timedelta(hours=72 + rng.randint(0, 48))
            if fault == "late-report" and p is people[1]:
                sent = start - dt.timedelta(hours=3)
            out += ["    report:", f"      to-chair: {sent:%Y-%m-%d %H:%M}", f"      to-family: {sent:%Y-%m-%d %H:%M}",
                    f"      risk-view: {q(rng.choice(SENTENCES))}"]
        out += ["  - id: f1", f"    name: {children[0]['name'].split()[1] and rng.choice(FIRST)} {children[0]['name'].split()[1]}",
                "    capacity: parent", "    attendance: present"]
        if fault == "unknown-key":
            out.append("    atendance: present")
        out.append("decisions:")
        groupings = [p["grouping"] for p in people]
        for c in children:
            out += [f"  - child: {c['id']}"]
            split = rng.random() < 0.3 and len(people) >= 3
            out += [f"    consensus: {'false' if split else 'true'}"]
            if split:
                out.append("    resolution-tried: true")
            # A minority (never children's social care) dissents, so the majority gives the outcome.
            dissenters = set(rng.sample(range(1, len(people)), rng.randint(1, (len(people) - 1) // 2))) if split else set()
            votes = [(p, outcome_plan if i not in dissenters else not outcome_plan) for i, p in enumerate(people)]
            if fault == "tie" and len(votes) % 2 == 0:
                half = len(votes) // 2
                votes = [(p, outcome_plan if i < half else not outcome_plan) for i, (p, _) in enumerate(votes)]
            plan_count = sum(1 for _, v in votes if v)
            tie = plan_count * 2 == len(votes)
            outcome = outcome_plan
            out.append("    votes:")
            for p, v in votes:
                out += [f"      - grouping: {p['grouping']}", f"        by: {p['id']}",
                        f"        vote: {'plan' if v else 'no-plan'}", f"        reasoning: {q(rng.choice(SENTENCES))}"]
            if tie and profile == "north-wales" and fault != "tie":
                out.append(f"    casting-vote: {'plan' if outcome else 'no-plan'}")
            out.append(f"    outcome: {'plan' if outcome else 'no-plan'}")
            if outcome:
                out.append(f"    categories: [{rng.choice(CATEGORIES[profile])}]")
            dissent = sorted({p["grouping"] for p, v in votes if v != outcome})
            if fault == "dissent" and dissent:
                dissent = dissent[1:]
            if dissent:
                out.append(f"    dissent: [{', '.join(dissent)}]")
                escalations = [p for p, v in votes if v and not outcome]
                c["escalate"] = escalations
        esc = [(c, p) for c in children for p in c.get("escalate", [])]
        if esc:
            out.append("escalations:")
            for c, p in esc:
                out += [f"  - by: {p['id']}", f"    children: [{c['id']}]", f"    raised: {add_working(date, 1)}",
                        f"    about: {q('The decision leaves the child at continuing risk of significant harm.')}"]
        plan_made = any(True for _ in children) and outcome_plan
        out += ["follow-up:", f"  plan-sent: {end + dt.timedelta(hours=3):%Y-%m-%d %H:%M}"]
        if fault != "minutes":
            out.append(f"  minutes-sent: {add_working(date, rng.randint(8, 19))}")
        else:
            out.append(f"  minutes-sent: {add_working(date, 30)}")
        if kind != "review" and plan_made:
            out.append(f"  core-group: {add_working(date, rng.randint(3, 9))}")
        next_review = None
        if plan_made:
            months = 3 if kind != "review" else 6
            next_review = next_working(add_months(date, months) - dt.timedelta(days=rng.randint(7, 20)))
            out.append(f"  next-review: {next_review}")
        out.append("information:")
        for n in range(rng.randint(4, 9)):
            basis = rng.choice(["fact", "observation", "allegation", "opinion"])
            p = rng.choice(people)
            out += [f"  - point: {q(rng.choice(SENTENCES))}", f"    basis: {basis}", f"    by: {p['id']}"]
            if basis == "opinion":
                out.append(f"    evidence: {q(rng.choice(SENTENCES))}")
        return cid, "\n".join(out) + "\n", next_review


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--faults", type=float, default=0.05, help="share of records given one fault")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    writer = Writer(rng, args.faults)
    os.makedirs(args.out_dir, exist_ok=True)
    written = 0
    case_number = 0
    while written < args.records:
        case_number += 1
        case_id = f"case-{args.seed}-{case_number:06d}"
        profile = rng.choice(["england", "west-berkshire", "north-wales"])
        surname = rng.choice(LAST)
        children = []
        for n in range(rng.choice([1, 1, 2, 2, 3])):
            children.append({"id": f"c{n + 1}", "person": f"P-{args.seed}{case_number:06d}{n}",
                             "name": f"{rng.choice(FIRST)} {surname}",
                             "born": dt.date(2009 + rng.randint(0, 14), rng.randint(1, 12), rng.randint(1, 28))})
        people = []
        for n, (role, agency, grouping) in enumerate(
                [PROFESSIONALS[0]] + rng.sample(PROFESSIONALS[2:], rng.randint(3, 7))):
            if any(p["grouping"] == grouping for p in people):
                continue
            people.append({"id": f"a{n + 1}", "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": role,
                           "agency": agency, "grouping": grouping})
        kind = rng.choices(["initial", "pre-birth", "transfer-in"], [85, 8, 7])[0]
        date = next_working(dt.date(2024, 1, 8) + dt.timedelta(days=rng.randint(0, 700)))
        previous = None
        reviews = rng.choice([0, 1, 1, 2, 2, 3])
        for index in range(reviews + 1):
            if written >= args.records:
                break
            plan = index < reviews or rng.random() < 0.4
            cid, text, next_review = writer.record(case_id, index, kind if index == 0 else "review", date, previous,
                                                   profile, children, people, plan)
            with open(os.path.join(args.out_dir, f"{case_id}-{index}.yaml"), "w") as f:
                f.write(text)
            written += 1
            if not plan or next_review is None:
                break
            previous = cid
            date = next_review
            if date > dt.date(2026, 11, 1):
                break


if __name__ == "__main__":
    main()
