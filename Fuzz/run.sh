#!/usr/bin/env bash
# Fuzzes the parsers a user feeds with libFuzzer (coverage-guided, from the Swift toolchain):
# regulation Markdown and rules, household JSON, scenario YAML and variant YAML.
#
#   Fuzz/run.sh [SECONDS] [TARGET…]      default: 60 seconds for each of regeling huishouden scenario variant
#   FUZZ_RUNS=1000000 Fuzz/run.sh 0 huishouden   a fixed number of inputs instead of a time budget
#
# First every committed regression input (Fuzz/regressies/TARGET/) is replayed; then the fuzzer starts
# from a seed corpus built from the repository's own files (regulations, example households and
# fixtures, scenarios, variants). A crash, trap, hang (10 s per input) or memory blow-up (4 GB) fails
# the run; the input is kept under Fuzz/regressies/TARGET/ so that it is replayed from then on.
# Writes a summary per target (inputs executed, per second, coverage) to $FUZZ_SAMENVATTING (default
# Fuzz/laatste-run.txt, not committed; the long runs are kept in Fuzz/resultaten/).
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(regeling huishouden scenario variant)
[[ "$budget" =~ ^[0-9]+$ ]] || { echo "fuzz: SECONDS is a whole number of seconds, not '$budget'"; exit 64; }
[[ -z "${FUZZ_RUNS:-}" || "$FUZZ_RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: FUZZ_RUNS is a positive number of inputs, not '$FUZZ_RUNS'"; exit 64; }
for target in "${targets[@]}"; do
  case "$target" in
    regeling | huishouden | scenario | variant) ;;
    *) echo "fuzz: unknown target '$target'; choose from regeling, huishouden, scenario, variant"; exit 64 ;;
  esac
done

echo "fuzz: building toets-fuzz with -sanitize=fuzzer (release)"
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld --product toets-fuzz 2>&1 | grep -E "error|warning: unre" || true)
fuzzer="Fuzz/.build/release/toets-fuzz"
[ -x "$fuzzer" ] || { echo "fuzz: build failed"; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export TOETS_REGELINGEN="$PWD/Regulations" TOETS_HUISHOUDEN="$PWD/Examples/huishouden.json"

# seeds TARGET DIR: the repository's own inputs for TARGET, copied into DIR.
seeds() {
  case "$1" in
    regeling) find Regulations Tests/CLITests/Fixtures -name '*.md' ! -name 'README*' ;;
    huishouden) find Examples Tests/CLITests/Fixtures -name '*.json' ;;
    scenario) find Scenarios -maxdepth 1 -name '*.yaml' ! -name 'validatie*.yaml' ;;
    variant) find Scenarios/varianten -name '*.yaml' ;;
  esac | while read -r f; do cp "$f" "$2/$(echo "$f" | tr '/' '_')"; done
}

summary="${FUZZ_SAMENVATTING:-Fuzz/laatste-run.txt}"
{
  echo "toets-fuzz, $(date -u +%Y-%m-%d), $(nproc) cores, $(swift --version 2>/dev/null | head -1)"
  printf '%-11s %12s %8s %6s %8s %s\n' doel invoeren per-s dekking corpus uitkomst
} >"$summary.tmp"
status=0
for target in "${targets[@]}"; do
  corpus="$work/corpus-$target"
  mkdir -p "$corpus" "Fuzz/regressies/$target"
  seeds "$target" "$corpus"
  regressions=(Fuzz/regressies/"$target"/*)
  if [ -e "${regressions[0]}" ]; then
    TOETS_FUZZ_DOEL="$target" "$fuzzer" -rss_limit_mb=4096 -timeout=10 "${regressions[@]}" >"$work/replay-$target.log" 2>&1 \
      || { echo "fuzz: $target: a regression input fails again:"; tail -20 "$work/replay-$target.log"; status=1; continue; }
    echo "fuzz: $target: ${#regressions[@]} regression inputs replayed, all fine"
  fi
  limit=(-max_total_time="$budget")
  [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
  log="$work/fuzz-$target.log"
  # Regulations are up to 100 kB; mutating the first 16 kB of each keeps the compiler's per-input cost
  # low enough for hundreds of inputs a second, and every construct of the language occurs early on.
  max_len=65536
  [ "$target" = regeling ] && max_len=16384
  echo "fuzz: $target: ${FUZZ_RUNS:-$budget s}"
  if TOETS_FUZZ_DOEL="$target" "$fuzzer" "${limit[@]}" -rss_limit_mb=4096 -timeout=10 -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix="$work/$target-" "$corpus" >"$log" 2>&1; then
    outcome="geen crash"
    [ -n "${FUZZ_CORPUS_BEWAREN:-}" ] && { mkdir -p "$FUZZ_CORPUS_BEWAREN/$target"; cp "$corpus"/* "$FUZZ_CORPUS_BEWAREN/$target/"; }
  else
    outcome="GEVONDEN"
    status=1
    for found in "$work/$target"-*; do
      [ -e "$found" ] || continue
      cp "$found" "Fuzz/regressies/$target/"
      echo "fuzz: $target: kept $(basename "$found") in Fuzz/regressies/$target/ — fix the cause and commit it"
    done
    grep -E "ERROR|Fatal error|SUMMARY|==[0-9]+==" "$log" | head -20 || tail -30 "$log"
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  seconds="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  coverage="$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)"
  corpus_size="$(ls "$corpus" | wc -l)"
  printf '%-11s %12s %8s %6s %8s %s\n' "$target" "${runs:-?}" "${seconds:-?}" "${coverage:-?}" "$corpus_size" "$outcome" >>"$summary.tmp"
done
mv "$summary.tmp" "$summary"
cat "$summary"
exit $status
