#!/usr/bin/env python3
"""Generates deploy/dev/sample-org.csv: a realistic, deterministic sample organisation.

About 300 employees: one CEO, a VP per department, directors, managers and individual
contributors, five levels deep (CEO -> VP -> director -> manager -> IC; a few senior ICs
report straight to a director). Salaries are decimal strings within the employee's band,
in EUR (most), USD or GBP. Employee ids follow hire order (E0001 is the earliest hire), so
some managers appear in the file after the people who report to them.

    python3 deploy/dev/generate-sample-org.py            # rewrites sample-org.csv next to this script
    python3 deploy/dev/generate-sample-org.py -o FILE    # or writes FILE ("-" for stdout)

The output depends only on SEED: running it twice gives byte-identical files.
"""
import argparse
import csv
import datetime
import io
import os
import random
import sys
import unicodedata

SEED = 20250611
HEADER = [
    "employee_id", "name", "email", "manager_id", "department", "job_title", "job_level",
    "hire_date", "status", "base_salary", "currency", "salary_band_min", "salary_band_mid",
    "salary_band_max",
]

# Department -> (headcount below the CEO including the VP, pay multiplier, IC job families).
DEPARTMENTS = {
    "Engineering": (95, 1.10, ["Software Engineer", "Site Reliability Engineer", "QA Engineer", "Data Engineer"]),
    "Sales": (60, 1.00, ["Account Executive", "Sales Development Representative", "Solutions Consultant"]),
    "Marketing": (30, 0.95, ["Marketing Specialist", "Content Strategist", "Product Marketing Manager"]),
    "Finance": (22, 1.00, ["Financial Analyst", "Accountant", "Payroll Specialist"]),
    "People": (24, 0.95, ["HR Business Partner", "Recruiter", "People Operations Specialist"]),
    "Operations": (28, 0.90, ["Operations Analyst", "Procurement Specialist", "IT Support Specialist"]),
    "Customer Success": (40, 0.90, ["Customer Success Manager", "Support Engineer", "Implementation Consultant"]),
}
MANAGER_TITLES = {
    "Engineering": "Engineering Manager", "Sales": "Sales Manager", "Marketing": "Marketing Manager",
    "Finance": "Finance Manager", "People": "People Manager", "Operations": "Operations Manager",
    "Customer Success": "Customer Success Team Lead",
}
IC_PREFIX = {"IC1": "Junior ", "IC2": "", "IC3": "Senior ", "IC4": "Lead ", "IC5": "Principal "}

# Level -> EUR band (min, mid, max) before the department multiplier.
BANDS_EUR = {
    "IC1": (38000, 45000, 52000), "IC2": (48000, 56000, 64000), "IC3": (60000, 70000, 80000),
    "IC4": (74000, 86000, 98000), "IC5": (90000, 105000, 120000),
    "M1": (78000, 91000, 104000), "M2": (92000, 108000, 124000), "M3": (110000, 128000, 146000),
    "D1": (130000, 155000, 180000), "VP": (175000, 210000, 245000), "CEO": (280000, 330000, 380000),
}
CURRENCY_FACTOR = {"EUR": 1.0, "USD": 1.10, "GBP": 0.86}

# (first, last) as written, and optionally their ASCII spelling for the e-mail address.
SPECIAL_PEOPLE = [
    ("José", "García"), ("Zoë", "Dubois"), ("Łukasz", "Kowalski"), ("陈伟", "", "wei", "chen"),
    ("François", "Lefèvre"), ("Søren", "Østergaard"), ("Ayşe", "Yılmaz"), ("Siobhán", "O'Connor"),
    ("Nguyễn Thị", "Mai", "mai", "nguyen"), ("Björn", "Åström"), ("李娜", "", "na", "li"),
    ("Renée", "Müller"), ("Ngozi", "Okonkwo-Adeyemi"),
]
FIRST_NAMES = [
    "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hannah", "Ivan", "Julia", "Kenji",
    "Laura", "Mateo", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Samuel", "Tanja", "Umar",
    "Valentina", "William", "Xenia", "Yusuf", "Zara", "Aisha", "Bruno", "Chloé", "Daniel", "Emma",
    "Felix", "Giulia", "Hugo", "Inés", "Jonas", "Katarzyna", "Lars", "Maria", "Noah", "Olga",
    "Pedro", "Rahul", "Sofia", "Thomas", "Ursula", "Victor", "Wen", "Yara", "Amir", "Beatriz",
    "Chen", "Diego", "Eva", "Fatima", "Georg", "Helena", "Ingrid", "Jakob", "Leila", "Marco",
    "Nina", "Omar", "Paula", "Ravi", "Sara", "Tobias", "Aylin", "Kwame", "Mei", "Sven", "Hiroshi",
]
LAST_NAMES = [
    "Schmidt", "Rossi", "Smith", "Novak", "Jansen", "Khan", "Papadopoulos", "Fischer", "Martin",
    "Silva", "Kim", "Andersen", "Bianchi", "Nowak", "Weber", "Patel", "Dubois", "Moreau", "Wagner",
    "Horvath", "Costa", "Tanaka", "Nielsen", "Murphy", "Becker", "Santos", "Ivanova", "Hoffmann",
    "Lopez", "Kowalczyk", "Berg", "Ahmed", "Fernández", "Meyer", "Jones", "Wang", "Sato", "Larsen",
    "Romano", "Petrov", "Okafor", "Haddad", "Mendes", "Virtanen", "Brown", "Schneider", "Gómez",
    "Taylor", "Richter", "Lindqvist", "Dimitrov", "Mensah", "Yamamoto", "Castro", "Wójcik",
    "Kaya", "Singh", "Vogel", "Ricci", "Hansen",
]

ASCII_FIXES = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "đ": "d", "ı": "i"})


def ascii_slug(text):
    """Lower-case ASCII for an e-mail local part: accents dropped, apostrophes and spaces removed."""
    text = unicodedata.normalize("NFKD", text.translate(ASCII_FIXES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text.lower() if c.isascii() and (c.isalnum() or c == "-"))


def money(amount):
    """A non-negative whole number of cents as a decimal string with two decimals."""
    return f"{amount // 100}.{amount % 100:02d}"


def band_for(level, department, currency):
    multiplier = 1.0 if level == "CEO" else DEPARTMENTS[department][1]
    factor = multiplier * CURRENCY_FACTOR[currency]
    return tuple(int(round(v * factor / 500.0)) * 500 for v in BANDS_EUR[level])


def random_date(rng, start, end):
    first, last = datetime.date(*start), datetime.date(*end)
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def build(rng):
    names = list(SPECIAL_PEOPLE)
    pairs = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
    rng.shuffle(pairs)
    total = 1 + sum(size for size, _, _ in DEPARTMENTS.values())
    names += pairs[: total - len(names)]
    rng.shuffle(names)
    name_iter = iter(names)

    people = []  # dicts; ids are assigned later in hire order

    # Leaders were mostly hired earlier than the people they lead (but not always).
    hire_windows = {"VP": ((2012, 6, 1), (2018, 12, 31)), "D1": ((2013, 1, 1), (2020, 12, 31)),
                    "M": ((2013, 1, 1), (2023, 6, 30)), "IC": ((2014, 1, 1), (2025, 10, 31))}

    def add(manager, department, level, title):
        person = {"manager": manager, "department": department, "level": level, "title": title}
        entry = next(name_iter)
        first, last = entry[0], entry[1]
        if len(entry) == 4:  # written family name first (Chinese) or with a given ASCII spelling
            person["name"] = first + last if not last else f"{first} {last}"
            ascii_first, ascii_last = entry[2], entry[3]
        else:
            person["name"] = f"{first} {last}"
            ascii_first, ascii_last = ascii_slug(first), ascii_slug(last)
        person["email"] = f"{ascii_first}.{ascii_last}@example.com"
        if level == "CEO":
            window = ((2012, 3, 1), (2012, 3, 1))  # the founder
        else:
            window = hire_windows.get(level) or hire_windows[level.rstrip("0123456789")]
        person["hire_date"] = random_date(rng, *window)
        people.append(person)
        return person

    ceo = add(None, "Executive", "CEO", "Chief Executive Officer")
    for department, (size, _, families) in DEPARTMENTS.items():
        vp = add(ceo, department, "VP", f"VP {department}")
        remaining = size - 1
        n_directors = max(1, round(size / 40))
        directors = [add(vp, department, "D1", f"Director of {department}")
                     for _ in range(n_directors)]
        remaining -= n_directors
        n_managers = max(2, round(size / 9))
        managers = []
        for i in range(n_managers):
            level = "M2" if i % 3 == 0 else "M1"
            title = ("Senior " if level == "M2" else "") + MANAGER_TITLES[department]
            managers.append(add(directors[i % n_directors], department, level, title))
        if n_directors > 1:  # the first manager of a bigger department is a senior manager
            managers[0]["level"], managers[0]["title"] = "M3", "Head of " + department
        remaining -= n_managers
        for i in range(remaining):
            level = rng.choices(["IC1", "IC2", "IC3", "IC4", "IC5"], weights=[12, 30, 32, 18, 8])[0]
            family = rng.choice(families)
            title = IC_PREFIX[level] + family
            # A few principals report straight to a director: the tree is four or five levels deep.
            boss = rng.choice(directors) if level == "IC5" and rng.random() < 0.5 else managers[i % n_managers]
            add(boss, department, level, title)

    # Ids follow hire order.
    people.sort(key=lambda p: (p["level"] != "CEO", p["hire_date"], p["email"]))
    for number, person in enumerate(people, start=1):
        person["id"] = f"E{number:04d}"

    on_leave = set(rng.sample([p["id"] for p in people if p["level"] not in ("CEO", "VP", "D1")], 6))
    rows = []
    for p in people:
        currency = "EUR" if p["level"] == "CEO" else rng.choices(["EUR", "USD", "GBP"], weights=[75, 15, 10])[0]
        low, mid, high = band_for(p["level"], p["department"], currency)
        # Position in band: tenure pushes people up, clamped to the band; some salaries carry cents.
        tenure = (datetime.date(2025, 12, 31) - p["hire_date"]).days / 365.25
        ratio = min(max(rng.gauss(0.92 + 0.012 * min(tenure, 10.0), 0.05), low / mid), high / mid)
        cents = int(mid * ratio) * 100
        if rng.random() < 0.3:
            cents += rng.randrange(1, 100)
        cents = min(max(cents, low * 100), high * 100)
        rows.append([
            p["id"], p["name"], p["email"], p["manager"]["id"] if p["manager"] else "", p["department"],
            p["title"], p["level"], p["hire_date"].isoformat(), "on_leave" if p["id"] in on_leave else "active",
            money(cents), currency, money(low * 100), money(mid * 100), money(high * 100),
        ])
    return rows


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample-org.csv")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=default, help="output file, '-' for stdout")
    args = parser.parse_args()

    rows = build(random.Random(SEED))
    emails = [r[2] for r in rows]
    assert len(set(emails)) == len(emails), "duplicate e-mail addresses"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    if args.output == "-":
        sys.stdout.write(buffer.getvalue())
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            f.write(buffer.getvalue())
        print(f"wrote {len(rows)} employees to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
