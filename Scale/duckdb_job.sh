#!/usr/bin/env bash
# Runs the rules of `toets sql --dialect duckdb` on DuckDB over the tables of a population.
#
#   Scale/duckdb_job.sh --tables DIR --query regels.sql --schema tabellen.sql --output uitkomsten.csv
#
# DIR holds huishoudens and personen as .csv (with a header) or .parquet; --schema is the output of
# `toets sql --tables` (the column types, so nothing is inferred). The result — per household every
# output in euros and its reason — is written to --output as CSV, or as Parquet when the name ends in
# .parquet. DuckDB is $DUCKDB, else `duckdb` on PATH (PyPI: pip install duckdb-cli). The query is
# about a megabyte, too long for a command-line argument, so it goes to DuckDB as a script.
set -euo pipefail
tables="" query="" schema="" output=""
while (($#)); do
  case "$1" in
    --tables) tables="${2:?--tables: geef een map}"; shift 2 ;;
    --query) query="${2:?--query: geef een bestand}"; shift 2 ;;
    --schema) schema="${2:?--schema: geef een bestand}"; shift 2 ;;
    --output) output="${2:?--output: geef een bestand}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "duckdb_job: onbekende optie '$1' (bekend: --tables, --query, --schema, --output)" >&2; exit 2 ;;
  esac
done
for pair in "tables:$tables" "query:$query" "schema:$schema" "output:$output"; do
  [ -n "${pair#*:}" ] || { echo "duckdb_job: --${pair%%:*} ontbreekt" >&2; exit 2; }
done
duckdb="${DUCKDB:-$(command -v duckdb || true)}"
[ -n "$duckdb" ] && [ -x "$duckdb" ] || { echo "duckdb_job: geen duckdb gevonden; pip install duckdb-cli of zet DUCKDB" >&2; exit 2; }
for f in "$query" "$schema"; do [ -r "$f" ] || { echo "duckdb_job: kan '$f' niet lezen" >&2; exit 2; }; done
# A file that passed through Windows (CRLF) reads like the original.
grep -q $'^WITH\r\\{0,1\\}$' "$query" && grep -q $'^SELECT \\* FROM uitkomsten\r\\{0,1\\}$' "$query" \
  || { echo "duckdb_job: '$query' is geen (volledige) query van toets sql" >&2; exit 2; }

load() {  # table name -> the statement that fills it
  local name="$1" path
  for path in "$tables/$name.parquet" "$tables/$name.csv"; do
    [ -e "$path" ] || continue
    path="${path//\'/\'\'}"
    case "$path" in
      *.parquet) echo "INSERT INTO $name SELECT * FROM read_parquet('$path');" ;;
      *) echo "COPY $name FROM '$path' (HEADER);" ;;
    esac
    return
  done
  echo "duckdb_job: geen $name.csv of $name.parquet in '$tables'" >&2
  exit 2
}
format="(HEADER)"
case "$output" in *.parquet) format="(FORMAT parquet)" ;; esac
script="$(mktemp)"
# Written beside the target and renamed when complete: a reader never sees half a file.
partial="$(dirname "$output")/.$(basename "$output").$$.tmp"
trap 'rm -f "$script" "$partial"' EXIT
{
  tr -d '\r' <"$schema"
  load huishoudens
  load personen
  echo "CREATE TEMP TABLE uitkomsten AS"
  tr -d '\r' <"$query" | grep -v '^--'
  echo ";"
  echo "COPY uitkomsten TO '${partial//\'/\'\'}' $format;"
} >"$script"
"$duckdb" -bail <"$script"
mv -f "$partial" "$output"
