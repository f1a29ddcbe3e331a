#!/usr/bin/env bash
# The rules as SQL give the kernel's outcomes, to the cent: `toets sql` is run on DuckDB (100.000
# households) and on a local Apache Spark (local[2], 20.000 households), for the law of today and for
# a variant, and every outcome is compared with the kernel's (Scale/compare.py).
#
#   Tests/sql/check-sql.sh [path/to/toets]
#
# Installs what it needs into a virtual environment under .build/sql-venv (PyPI: duckdb-cli, pyspark;
# Spark needs a JDK 17 on PATH). Exit 0 when every engine agrees with the kernel on every household.
set -euo pipefail
cd "$(dirname "$0")/../.."
toets="${1:-.build/debug/toets}"
[ -x "$toets" ] || swift build --product toets
households="${TOETS_SQL_HUISHOUDENS:-100000}"
spark_households="${TOETS_SPARK_HUISHOUDENS:-20000}"

venv=.build/sql-venv
if [ ! -x "$venv/bin/duckdb" ] || ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "duckdb-cli==1.5.6" "pyspark==4.3.0"
fi
command -v java >/dev/null || { echo "check-sql: Spark needs java (OpenJDK 17) on PATH"; exit 1; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

run() {  # label, date, variant (or empty)
  local label="$1" date="$2" variant="$3"
  local extra=()
  [ -n "$variant" ] && extra=(--variant "$variant")
  local dir="$out/$label"
  mkdir -p "$dir"
  "$toets" simulate --date "$date" --households "$households" --tables "$dir/tabellen" "${extra[@]}" >/dev/null
  "$toets" sql --date "$date" --dialect duckdb "${extra[@]}" --output "$dir/duckdb.sql" 2>/dev/null
  "$toets" sql --tables --dialect duckdb >"$dir/duckdb-tabellen.sql"
  local start=$SECONDS
  DUCKDB="$venv/bin/duckdb" Scale/duckdb_job.sh --tables "$dir/tabellen" --query "$dir/duckdb.sql" \
    --schema "$dir/duckdb-tabellen.sql" --output "$dir/duckdb-uitkomsten.csv"
  echo "check-sql: $label, DuckDB: $((SECONDS - start)) s"
  python3 Scale/compare.py "$dir/tabellen/uitkomsten.csv" "$dir/duckdb-uitkomsten.csv" --label "DuckDB ($label)"

  # Spark on the first households of the same population.
  mkdir -p "$dir/spark-tabellen"
  awk -F, -v n="$spark_households" 'NR == 1 || $1 < n' "$dir/tabellen/huishoudens.csv" >"$dir/spark-tabellen/huishoudens.csv"
  awk -F, -v n="$spark_households" 'NR == 1 || $1 < n' "$dir/tabellen/personen.csv" >"$dir/spark-tabellen/personen.csv"
  awk -F, -v n="$spark_households" 'NR == 1 || $1 < n' "$dir/tabellen/uitkomsten.csv" >"$dir/spark-verwacht.csv"
  "$toets" sql --date "$date" --dialect spark "${extra[@]}" --output "$dir/spark.sql" 2>/dev/null
  "$toets" sql --tables --dialect spark >"$dir/spark-tabellen.sql"
  start=$SECONDS
  "$venv/bin/python" Scale/spark_job.py --master "local[2]" --tables "$dir/spark-tabellen" --query "$dir/spark.sql" \
    --schema "$dir/spark-tabellen.sql" --output "$dir/spark" >"$dir/spark.log" 2>&1 || { tail -40 "$dir/spark.log"; exit 1; }
  echo "check-sql: $label, Spark local[2]: $((SECONDS - start)) s"
  python3 Scale/compare.py "$dir/spark-verwacht.csv" "$dir/spark/uitkomsten" --label "Spark ($label)"
}

run wet-2025 2025-07-01 ""
run variant-kgb 2025-07-01 "Scenarios/varianten/kgb-afbouw-7,60.yaml"
echo "check-sql: DuckDB en Spark geven dezelfde uitkomsten als de kernel."
