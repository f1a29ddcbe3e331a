"""Compares the zorgtoeslag per household of toets (CSV from `toets simulate --csv`) with OpenFisca's.

Usage: python compare.py toets.csv openfisca.csv
Prints a JSON object: households compared, households that differ, the largest difference in euros,
and up to five examples. Exit status 0 whatever the result: the README reports the figures.
"""

import json
import sys
from decimal import Decimal

import pandas as pd

toets = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
openfisca = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)
merged = toets.merge(openfisca, on="huishouden")
decided = merged[merged["zorgtoeslag.jaarbedrag.status"] == "bepaald"]
differences = []
for h, a, b in zip(decided["huishouden"], decided["zorgtoeslag.jaarbedrag"], decided["zorgtoeslag"]):
    d = Decimal(b) - Decimal(a)
    if d != 0:
        differences.append((h, a, b, d))
print(json.dumps({
    "huishoudens": len(merged),
    "vergeleken": len(decided),
    "onbepaald_in_toets": int(len(merged) - len(decided)),
    "verschillend": len(differences),
    "grootste_verschil_euro": str(max((abs(d) for *_, d in differences), default=Decimal(0))),
    "voorbeelden": [{"huishouden": h, "toets": a, "openfisca": b} for h, a, b, _ in differences[:5]],
}))
