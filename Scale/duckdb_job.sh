#!/usr/bin/env bash
# Runs the rules of `toets sql --dialect duckdb` on DuckDB over the tables of a population.
#
#   Scale/duckdb_job.sh --tables DIR --query regels.sql --schema tabellen.sql --output uitkomsten.csv [--threads T]
#
# DIR holds huishoudens and personen as .csv (with a header) or .parquet, or as a directory per table
# with the parts of `toets simulate --partition` (huishoudens/deel-1-van-8.parquet …; every part must be
# there, all of one division); --schema is the output of `toets sql --tables` (the column types, so
# nothing is inferred). The result — per household every
# output in euros and its reason — is written to --output as CSV, or as Parquet when the name ends in
# .parquet. DuckDB is $DUCKDB, else `duckdb` on PATH (PyPI: pip install duckdb-cli). The query is
# about a megabyte, too long for a command-line argument, so it goes to DuckDB as a script.
set -euo pipefail
fail() { echo "duckdb_job: $*" >&2; exit 2; }
tables="" query="" schema="" output="" threads=""
while (($#)); do
  case "$1" in
    --tables) tables="${2:?--tables: geef een map}"; shift 2 ;;
    --query) query="${2:?--query: geef een bestand}"; shift 2 ;;
    --schema) schema="${2:?--schema: geef een bestand}"; shift 2 ;;
    --output) output="${2:?--output: geef een bestand}"; shift 2 ;;
    --threads) threads="${2:?--threads: geef een aantal}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "duckdb_job: onbekende optie '$1' (bekend: --tables, --query, --schema, --output, --threads)" >&2; exit 2 ;;
  esac
done
for pair in "tables:$tables" "query:$query" "schema:$schema" "output:$output"; do
  [ -n "${pair#*:}" ] || { echo "duckdb_job: --${pair%%:*} ontbreekt" >&2; exit 2; }
done
[ -z "$threads" ] || [[ "$threads" =~ ^[1-9][0-9]{0,3}$ ]] || { echo "duckdb_job: --threads moet een geheel getal van 1 tot 9999 zijn, niet '$threads'" >&2; exit 2; }
duckdb="$(command -v "${DUCKDB:-duckdb}" || true)"
[ -n "$duckdb" ] && [ -x "$duckdb" ] || { echo "duckdb_job: geen duckdb gevonden; pip install duckdb-cli of zet DUCKDB" >&2; exit 2; }
# DuckDB reads *, ? and [ in a path as a pattern: in the tables' directory it could read other runs' parts.
case "$tables" in *[*?[]*) fail "'$tables' bevat *, ? of [; DuckDB leest die als patroon; kies een map zonder" ;; esac
for f in "$query" "$schema"; do [ -r "$f" ] || { echo "duckdb_job: kan '$f' niet lezen" >&2; exit 2; }; done
# A file that passed through Windows (CRLF) reads like the original.
grep -q $'^WITH\r\\{0,1\\}$' "$query" && grep -q $'^SELECT \\* FROM uitkomsten\r\\{0,1\\}$' "$query" \
  || { echo "duckdb_job: '$query' is geen (volledige) query van toets sql" >&2; exit 2; }

division=""  # the number of parts of the first partitioned table: every table must be divided alike (each in its own format)

parts() {  # directory -> $glob, the pattern of its parts, after checking that they are complete
  local dir="$1" n="" ext="" f base i
  local -a files seen=() missing=()
  shopt -s nullglob
  files=("$dir"/*)
  shopt -u nullglob
  [ ${#files[@]} -gt 0 ] || fail "'$dir' is leeg; verwacht de delen van toets simulate --partition"
  for f in "${files[@]}"; do
    base="${f##*/}"
    [[ "$base" =~ ^deel-0*([0-9]+)-van-0*([0-9]+)\.(csv|parquet)$ ]] \
      || fail "'$f' is geen deel van toets simulate --partition (verwacht deel-I-van-N.csv of .parquet)"
    i=${BASH_REMATCH[1]}
    [ -n "$n" ] || { n=${BASH_REMATCH[2]}; ext=${BASH_REMATCH[3]}; }
    [ "${BASH_REMATCH[2]}" = "$n" ] || fail "'$dir' mengt delen van $n en van ${BASH_REMATCH[2]}; verwijder die van een eerdere indeling"
    [ "${BASH_REMATCH[3]}" = "$ext" ] || fail "'$dir' mengt .csv en .parquet"
    ((i >= 1 && i <= n)) || fail "'$f': deel $i bestaat niet bij $n delen"
    [ -z "${seen[i]:-}" ] || fail "'$dir' heeft deel $i twee keer"
    seen[i]=1
  done
  for ((i = 1; i <= n; i++)); do [ -n "${seen[i]:-}" ] || missing+=("$i"); done
  [ ${#missing[@]} -eq 0 ] || fail "'$dir': deel ${missing[*]} van $n ontbreekt; de uitkomst zou over een deel van de bevolking gaan"
  [ -z "$division" ] || [ "$division" = "$n" ] || fail "de tabellen zijn verschillend verdeeld ($division tegen $n delen)"
  division="$n"
  glob="$dir/deel-*.$ext"
}

origins() {  # the parts' manifests (delen/*.txt) must all name the same population
  local dir="$tables/delen" f
  [ -d "$dir" ] || return 0
  local -a names=()
  for f in "$dir"/deel-*-van-*.txt; do [ -e "$f" ] && names+=("$(head -n 1 "$f")"); done
  [ "$(printf '%s\n' "${names[@]}" | sort -u | grep -c .)" -le 1 ] \
    || fail "de delen in '$tables' komen uit verschillende bevolkingen (zie $dir: $(printf '%s\n' "${names[@]}" | sort -u | head -2 | tr '\n' ';')); maak de map leeg en genereer alle delen opnieuw"
}

load() {  # table name -> the statement that fills it
  local name="$1" path found=()
  for path in "$tables/$name.parquet" "$tables/$name.csv" "$tables/$name"; do
    [ -e "$path" ] && found+=("$path")
  done
  [ ${#found[@]} -gt 0 ] || fail "geen $name.csv, $name.parquet of map $name in '$tables'"
  [ ${#found[@]} -eq 1 ] || fail "'$tables' heeft $name meer dan eens (${found[*]}); laat er één over"
  path="${found[0]}"
  if [ -d "$path" ]; then parts "$path" && path="$glob"; fi
  path="${path//\'/\'\'}"
  case "$path" in
    *.parquet) echo "INSERT INTO $name BY NAME SELECT * FROM read_parquet('$path');" ;;
    *) echo "COPY $name FROM '$path' (HEADER);" ;;
  esac
}
format="(HEADER)"
case "$output" in *.parquet) format="(FORMAT parquet)" ;; esac
script="$(mktemp)"
# Written beside the target and renamed when complete: a reader never sees half a file.
partial="$(dirname "$output")/.$(basename "$output").$$.tmp"
trap 'rm -f "$script" "$partial"' EXIT
origins
{
  [ -z "$threads" ] || echo "SET threads = $threads;"
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
