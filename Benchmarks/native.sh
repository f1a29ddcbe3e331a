#!/usr/bin/env bash
# The native backend beside the interpreter, end to end (`toets simulate`, every regeling), on 2 threads:
# the interpreter, the native backend with an empty cache (compiling included), and again with the
# libraries in the cache. Checks that the three summaries are identical. Called by run.sh; on its own:
#   E2E=1000000 Benchmarks/native.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/results"
mkdir -p "$out"
E2E="${E2E:-10000000}"
DATE="${DATE:-2025-01-01}"
(cd "$root" && swift build -c release --product toets >/dev/null)
toets="$root/.build/release/toets"
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
report="$out/native-$E2E.txt"
: > "$report"
for run in interpreter native-koud native-warm; do
  backend="${run%%-*}"
  TOETS_CACHE="$cache" TOETS_KERNEL_PROFIEL=1 /usr/bin/time -v "$toets" simulate --date "$DATE" --households "$E2E" \
    --threads 2 --format json --backend "$backend" > "$out/native-$E2E-$run.json" 2> "$out/native-$E2E-$run.time"
  wall="$(grep -E 'Elapsed \(wall' "$out/native-$E2E-$run.time" | sed 's/.*: //')"
  peak="$(grep 'Maximum resident' "$out/native-$E2E-$run.time" | sed 's/.*: //')"
  split="$(grep '^tijd:' "$out/native-$E2E-$run.time")"
  echo "$run: $wall wall, $peak kB peak; $split" | tee -a "$report"
done
for run in native-koud native-warm; do
  cmp -s <(grep -v '"seconds"' "$out/native-$E2E-interpreter.json") <(grep -v '"seconds"' "$out/native-$E2E-$run.json") \
    && echo "$run: samenvatting gelijk aan die van de interpreter" | tee -a "$report" \
    || { echo "$run: SAMENVATTING VERSCHILT van die van de interpreter" | tee -a "$report"; exit 1; }
done
echo "compiler: $(${TOETS_CC:-$(dirname "$(readlink -f "$(command -v swift)")")/clang} --version | head -1)" | tee -a "$report"
rm -f "$out"/native-"$E2E"-*.json
