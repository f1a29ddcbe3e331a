#!/usr/bin/env python3
"""The shape of the drawn incomes, beside what CBS publishes: median / mean of loon per household type and
per age, and the young with a high income. (The persons per income class are an input margin of `toets
validate`, counted on the drawn personal income itself; until December 2026 this script counted them from
loon, uitkering and pensioen and missed those of 65 and over who drew less than the AOW part.)

Reads populations written by `toets simulate --date 2025-07-01 --households 200000 --tables DIR` and prints
one column per population. The CBS figures are in the comments of Scenarios/nederland.yaml
(inkomen.naar_leefvorm, 'De vorm'). Exact decimals are not needed here: this is a description of a sample.

    python3 Benchmarks/income-shape.py --population exp /tmp/oud --population log /tmp/nieuw
"""
import argparse, csv, statistics
from collections import defaultdict
from datetime import date

PEIL = date(2025, 7, 1)
INDEX = 1.1876          # 2022 -> 2025 (the scenario's indexering)
LEVY, LEVY_MAX = 0.0675, 59706  # werkgeversheffing Zvw 2022 (inkomensbron.werkgeversheffing_zvw)
CBS_TYPE = {"alleenstaand <67": 29.5 / 35.5, "eenouder, kinderen <18": 25.7 / 33.4, "eenouder, kind 18+": 48.5 / 55.8,
            "paar zonder kinderen <67": 79.0 / 86.6, "paar, kinderen <18": 95.3 / 108.5, "paar, kind 18+": 112.9 / 123.1}
CBS_AGE = {"18-24 (CBS: 15-24)": 6.1 / 12.0, "25-34": 38.1 / 39.8, "35-44": 45.2 / 51.3, "45-54": 46.3 / 54.7}


def age(text):
    y, m, d = map(int, text.split("-"))
    return PEIL.year - y - ((PEIL.month, PEIL.day) < (m, d))


def before_levy(amount):
    """Loon or uitkering of 2022 back to the persoonlijk inkomen with the levy (approximately)."""
    return amount / (1 - LEVY) if amount <= LEVY_MAX * (1 - LEVY) else amount + LEVY * LEVY_MAX


def measure(directory):
    households = defaultdict(list)
    with open(f"{directory}/personen.csv") as f:
        for row in csv.DictReader(f):
            households[row["huishouden"]].append(row)
    by_type, by_age, young = defaultdict(list), defaultdict(list), [0, 0]
    for members in households.values():
        for m in members:
            a, loon = age(m["geboortedatum"]), float(m["loon"])
            if m["rol"] == "medebewoner" and m["kind_van"] != "niemand":
                m["rol"] = "kind"
            if loon > 0 and 18 <= a < 55:
                by_age["18-24 (CBS: 15-24)" if a < 25 else "25-34" if a < 35 else "35-44" if a < 45 else "45-54"].append(loon)
            work = (loon + float(m["uitkering"])) / INDEX
            pension = float(m["pensioen"]) / INDEX
            if a >= 67 and (work > 0 or pension > 0):
                income = pension + 15000 + (before_levy(work) if work > 0 else 0)  # inkomensbron.aow_in_inkomen
            elif a < 67 and work + pension > 0:
                income = before_levy(work) + pension
            else:
                continue
            if 18 <= a < 25:
                young[0] += 1
                young[1] += income >= 100000
        roles = [m["rol"] for m in members]
        if "medebewoner" in roles:
            continue
        head = age(members[0]["geboortedatum"])
        kids = [m for m in members if m["rol"] == "kind"]
        adult = any(age(k["geboortedatum"]) >= 18 for k in kids)
        if "partner" not in roles:
            kind = ("eenouder, kind 18+" if adult else "eenouder, kinderen <18") if kids else ("alleenstaand <67" if head < 67 else None)
        else:
            kind = ("paar, kind 18+" if adult else "paar, kinderen <18") if kids else ("paar zonder kinderen <67" if head < 67 else None)
        if kind:
            by_type[kind].append(sum(float(m["loon"]) for m in members))
    ratio = lambda v: statistics.median(v) / statistics.mean(v)
    return ({k: ratio(v) for k, v in by_type.items()}, {k: ratio(v) for k, v in by_age.items()}, young[1] / young[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--population", nargs=2, action="append", required=True, metavar=("NAAM", "MAP"),
                        help="een naam en de map van toets simulate --tables")
    args = parser.parse_args()
    results = [measure(d) for _, d in args.population]
    head = "".join(f"{label:>9}" for label, _ in args.population)
    print(f"{'mediaan / gemiddelde loon per huishouden':42}{head}      CBS")
    for kind, cbs in CBS_TYPE.items():
        print(f"  {kind:40}" + "".join(f"{r[0][kind]:9.2f}" for r in results) + f"{cbs:9.2f}")
    print(f"{'mediaan / gemiddelde loon, wie loon heeft':42}{head}      CBS")
    for band, cbs in CBS_AGE.items():
        print(f"  {band:40}" + "".join(f"{r[1][band]:9.2f}" for r in results) + f"{cbs:9.2f}")
    print(f"  {'18-24 jaar met inkomen, 100.000 of meer':40}" + "".join(f"{100 * r[2]:8.2f}%" for r in results))


if __name__ == "__main__":
    main()
