#!/usr/bin/env bash
# The rules as SQL beside the kernel, at growing sizes and on 1 and 2 cores: the kernel (`toets simulate`),
# DuckDB (`Scale/duckdb_job.sh`) and a local Spark (`Scale/spark_job.py`, local[1] and local[2]) on the
# same population, written in (up to) four parts as Parquet by `toets simulate --partition`. Every engine's
# outcomes are compared with the kernel's to the cent before its time counts. On its own:
#   SIZES="20000 100000 1000000" SPARK_SIZES="20000" Benchmarks/sql.sh
# Raw results: results/sql-scaling.txt (one line per run: engine, households, cores, wall seconds, peak kB).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/results"
mkdir -p "$out"
SIZES="${SIZES:-20000 100000 1000000}"
SPARK_SIZES="${SPARK_SIZES:-20000}"
DATE="${DATE:-2025-07-01}"
venv="$root/.build/sql-venv"
if [ ! -x "$venv/bin/duckdb" ] || ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "duckdb-cli==1.5.6" "pyspark==4.3.0"
fi
export DUCKDB="$venv/bin/duckdb"
(cd "$root" && swift build -c release --product toets >/dev/null)
toets="$root/.build/release/toets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
report="$out/sql-scaling.txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "# duckdb $("$DUCKDB" --version | head -1); pyspark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'); $(java -version 2>&1 | head -1)"
  echo "# engine households cores wall_s peak_kB note"
} >"$report"

timed() {  # label households cores note -- command...: runs it, appends one line to the report
  local label="$1" n="$2" cores="$3" note="$4"
  shift 5
  /usr/bin/time -f "%e %M" -o "$work/time" "$@"
  read -r wall peak <"$work/time"
  echo "$label $n $cores $wall $peak $note" | tee -a "$report"
}

for n in $SIZES; do
  dir="$work/$n"
  "$toets" sql --date "$DATE" --dialect duckdb --output "$dir-duckdb.sql" 2>/dev/null
  "$toets" sql --tables --dialect duckdb >"$dir-duckdb-tabellen.sql"
  "$toets" sql --date "$DATE" --dialect spark --output "$dir-spark.sql" 2>/dev/null
  "$toets" sql --tables --dialect spark >"$dir-spark-tabellen.sql"
  for cores in 1 2; do
    timed kernel "$n" "$cores" "toets-simulate-zonder-export" -- "$toets" simulate --date "$DATE" --households "$n" --threads "$cores" --format json >/dev/null
  done
  # Four parts, or one per block of 16.384 households when there are fewer blocks.
  parts=$(((n + 16383) / 16384))
  ((parts > 4)) && parts=4
  for ((part = 1; part <= parts; part++)); do
    timed tabellen "$n" 2 "deel-$part-van-$parts-parquet" -- "$toets" simulate --date "$DATE" --households "$n" --threads 2 \
      --partition "$part/$parts" --tables "$dir" --table-format parquet --format json >/dev/null
  done
  for cores in 1 2; do
    timed duckdb "$n" "$cores" "parquet-in-$parts-delen" -- "$root/Scale/duckdb_job.sh" --tables "$dir" --query "$dir-duckdb.sql" \
      --schema "$dir-duckdb-tabellen.sql" --output "$dir-duckdb-$cores.parquet" --threads "$cores"
    python3 "$root/Scale/compare.py" "$dir/uitkomsten" "$dir-duckdb-$cores.parquet" --label "DuckDB $n, $cores kern(en)" | tee -a "$report"
  done
  for s in $SPARK_SIZES; do
    [ "$s" = "$n" ] || continue
    for cores in 1 2; do
      timed spark "$n" "$cores" "local[$cores]" -- "$venv/bin/python" "$root/Scale/spark_job.py" --master "local[$cores]" --tables "$dir" \
        --query "$dir-spark.sql" --schema "$dir-spark-tabellen.sql" --output "$dir-spark-$cores" --format parquet
      python3 "$root/Scale/compare.py" "$dir/uitkomsten" "$dir-spark-$cores/uitkomsten" --label "Spark $n, local[$cores]" | tee -a "$report"
      echo "# spark $n local[$cores]: $(tr -d '\n ' <"$dir-spark-$cores/samenvatting.json" | grep -o '"seconden":[0-9.]*')" | tee -a "$report"
    done
  done
  rm -rf "$dir" "$dir"-*
done
