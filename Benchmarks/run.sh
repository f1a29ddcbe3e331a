#!/usr/bin/env bash
# Runs every benchmark of Toetssteen side by side and writes the raw figures to Benchmarks/results/.
#
#   Benchmarks/run.sh            # 1M households for the kernel benchmarks, 10M end to end, 1M against OpenFisca
#   HUISHOUDENS=200000 E2E=1000000 Benchmarks/run.sh   # smaller, for a quick look
#
# 1. The compiled kernel against the hand-written Swift anchor (package-benchmark, 1 and 2 threads).
# 2. End to end: `toets simulate` (generate + evaluate every regulation + summarise), wall time and peak
#    memory (GNU time), on 1 and 2 threads.
# 3. OpenFisca: openfisca-core from PyPI in a virtual environment, the same zorgtoeslag 2025
#    (OpenFisca/zorgtoeslag_2025.py) on the same households (exported by `toets simulate --persons-csv`),
#    timed, and compared household by household to the cent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/results"
mkdir -p "$out"
N="${HUISHOUDENS:-1000000}"
E2E="${E2E:-10000000}"
DATE=2025-01-01

command -v /usr/bin/time >/dev/null || { echo "run.sh: installing GNU time"; sudo apt-get install -y -qq time || apt-get install -y -qq time; }

echo "== 1. kernel against the hand-written anchor ($N households)"
(cd "$here" && TOETS_BENCH_HUISHOUDENS="$N" swift package --allow-writing-to-package-directory benchmark --format markdown --no-progress) \
  | grep -v "ETA" > "$out/kernel-$N.md"
grep -E "^### |Time \(wall|resident" "$out/kernel-$N.md"

echo "== 2. end to end, $E2E households"
(cd "$root" && swift build -c release --product toets >/dev/null)
toets="$root/.build/release/toets"
for t in 1 2; do
  /usr/bin/time -v "$toets" simulate --date "$DATE" --households "$E2E" --threads "$t" --format json \
    > "$out/e2e-$E2E-$t.json" 2> "$out/e2e-$E2E-$t.time"
  echo "threads $t: $(grep -E 'Elapsed \(wall' "$out/e2e-$E2E-$t.time" | sed 's/.*: //') wall, $(grep 'Maximum resident' "$out/e2e-$E2E-$t.time" | sed 's/.*: //') kB peak"
done
cmp -s <(grep -v '"seconds"' "$out/e2e-$E2E-1.json") <(grep -v '"seconds"' "$out/e2e-$E2E-2.json") \
  && echo "summaries with 1 and 2 threads are identical" || echo "WARNING: summaries differ between 1 and 2 threads"

echo "== 2b. native backend beside the interpreter, $E2E households"
E2E="$E2E" DATE="$DATE" "$here/native.sh"

echo "== 3. OpenFisca, $N households"
venv="$here/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q openfisca-core pandas
"$venv/bin/pip" list 2>/dev/null | grep -i -E "^openfisca-core|^numpy|^pandas" > "$out/openfisca-versions.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The OpenFisca model is the zorgtoeslag alone: it reads the toetsingsinkomen, so both sides run the national
# scenario with the toetsingsinkomen given (the scenario itself derives it from the income tax).
sed 's/^  toetsingsinkomen: afgeleid$/  toetsingsinkomen: opgegeven/' "$root/Scenarios/nederland.yaml" > "$work/opgegeven.yaml"
grep -q '^  toetsingsinkomen: opgegeven$' "$work/opgegeven.yaml" || { echo "run.sh: het scenario niet op opgegeven gezet"; exit 1; }
/usr/bin/time -v "$toets" simulate --date "$DATE" --households "$N" --threads 2 --scenario "$work/opgegeven.yaml" \
  --csv "$work/toets.csv" --persons-csv "$work/personen.csv" > "$work/toets.txt" 2> "$out/toets-$N.time"
/usr/bin/time -v "$toets" simulate --date "$DATE" --households "$N" --threads 2 --scenario "$work/opgegeven.yaml" \
  > "$out/toets-$N.txt" 2> "$out/toets-$N-zonder-export.time"
/usr/bin/time -v "$venv/bin/python" "$here/OpenFisca/zorgtoeslag_2025.py" "$work/personen.csv" "$work/openfisca.csv" \
  > "$out/openfisca-$N.json" 2> "$out/openfisca-$N.time"
"$venv/bin/python" "$here/OpenFisca/compare.py" "$work/toets.csv" "$work/openfisca.csv" > "$out/vergelijking-$N.json"
echo "toets (generate + all regulations + summary): $(grep -E 'Elapsed \(wall' "$out/toets-$N-zonder-export.time" | sed 's/.*: //') wall"
grep -E "^Tijd" "$out/toets-$N.txt" || true
echo "openfisca: $(cat "$out/openfisca-$N.json")"
echo "openfisca process: $(grep -E 'Elapsed \(wall' "$out/openfisca-$N.time" | sed 's/.*: //') wall, $(grep 'Maximum resident' "$out/openfisca-$N.time" | sed 's/.*: //') kB peak"
echo "comparison: $(cat "$out/vergelijking-$N.json")"
