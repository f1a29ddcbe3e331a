#!/usr/bin/env python3
"""Compares an engine's outcomes with the kernel's, household by household, to the cent.

    python3 Scale/compare.py uitkomsten.csv engine.csv [--label DuckDB]

Both files have a row per household: `huishouden`, then per output its amount in euros and
`<output>_reden`. `uitkomsten.csv` is what `toets simulate --tables` writes (the kernel, with the
reference evaluator for the rows the kernel could not prove exact); the other is the result of the
query of `toets sql`, from DuckDB or Spark (one CSV file, or a directory of CSV part files as Spark
writes them). Amounts are compared as exact decimals (never as floating point). A household the
kernel decides must get the same amount; one it leaves undecided must be NULL with reason
'onbeslist'; a row the engine leaves to the reference evaluator ('referentie') counts as a difference,
as does a household that is missing or extra. Exit 0 when there is no difference at all.
"""
import csv
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation


def as_csv(path):
    """A Parquet file or directory of Parquet parts as one CSV file (by the DuckDB CLI); CSV as it is."""
    if not os.path.exists(path):
        sys.exit(f"compare: {path} bestaat niet")
    parquet = path.endswith(".parquet") or (os.path.isdir(path) and any(f.endswith(".parquet") for f in os.listdir(path)))
    if not parquet:
        return path
    if any(c in path for c in "*?["):
        sys.exit(f"compare: {path} bevat *, ? of [; DuckDB leest die als patroon; kies een map zonder")
    duckdb = shutil.which(os.environ.get("DUCKDB") or "duckdb")
    if not duckdb:
        sys.exit("compare: Parquet lezen vraagt de DuckDB-CLI: pip install duckdb-cli, of zet DUCKDB")
    source = os.path.join(path, "*.parquet") if os.path.isdir(path) else path
    handle, target = tempfile.mkstemp(suffix=".csv")
    os.close(handle)
    quote = lambda text: "'" + text.replace("'", "''") + "'"
    done = subprocess.run([duckdb, "-bail", ":memory:", "-c", f"COPY (SELECT * FROM read_parquet({quote(source)})) TO {quote(target)} (HEADER)"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        os.remove(target)
        sys.exit(f"compare: DuckDB kan {path} niet lezen: {done.stderr.strip()}")
    return target


def rows(path):
    files = sorted(glob.glob(os.path.join(path, "*.csv"))) if os.path.isdir(path) else [path]
    if not files:
        sys.exit(f"compare: geen CSV-bestanden in {path}")
    header = None
    for f in files:
        with open(f, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            h = next(reader, None)
            if h is None:
                continue
            if header is None:
                header = h
            elif h != header:
                sys.exit(f"compare: {f} heeft andere kolommen dan {files[0]}")
            for r in reader:
                yield header, r


def load(path):
    table = {}
    header = None
    for header, r in rows(path):
        if len(r) != len(header):
            sys.exit(f"compare: {path}: een rij met {len(r)} in plaats van {len(header)} velden")
        try:
            key = int(r[0])
        except ValueError:
            sys.exit(f"compare: {path}: '{r[0]}' is geen huishoudnummer")
        if key in table:
            sys.exit(f"compare: {path}: huishouden {key} staat er twee keer in")
        table[key] = dict(zip(header, r))
    return header or [], table


def amount(text, path, key, column):
    """An amount as an exact decimal, None when empty."""
    if text == "":
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        sys.exit(f"compare: {path}: huishouden {key}, {column}: '{text}' is geen bedrag")


def main():
    args = sys.argv[1:]
    label = "engine"
    if "--label" in args:
        i = args.index("--label")
        label = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    converted = [as_csv(a) for a in args]
    try:
        kernel_header, kernel = load(converted[0])
        engine_header, engine = load(converted[1])
    finally:
        for original, path in zip(args, converted):
            if path != original:
                os.remove(path)
    outputs = [c for c in kernel_header[1:] if not c.endswith("_reden")]
    missing_columns = [c for c in outputs if c not in engine_header]
    if missing_columns:
        sys.exit(f"compare: {label} mist de kolommen {', '.join(missing_columns)}")
    differences = 0
    shown = 0
    for key in sorted(set(kernel) | set(engine)):
        if key not in engine or key not in kernel:
            differences += 1
            if shown < 10:
                print(f"huishouden {key}: alleen in {'de kernel' if key in kernel else label}")
                shown += 1
            continue
        k, e = kernel[key], engine[key]
        for c in outputs:
            want, got = amount(k[c], args[0], key, c), amount(e[c], args[1], key, c)
            same = want == got and (want is not None or e[c + "_reden"] == "onbeslist")
            if not same:
                differences += 1
                if shown < 10:
                    print(f"huishouden {key}, {c}: kernel {k[c] or k[c + '_reden']}, {label} {e[c] or e[c + '_reden']}")
                    shown += 1
    compared = len(kernel) * len(outputs)
    if differences:
        print(f"{label}: {differences} verschillen in {compared} uitkomsten van {len(kernel)} huishoudens.")
        sys.exit(1)
    print(f"{label}: {len(kernel)} huishoudens, {len(outputs)} uitvoeren, {compared} uitkomsten: gelijk aan de kernel, tot op de cent.")


if __name__ == "__main__":
    main()
