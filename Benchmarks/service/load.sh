#!/usr/bin/env bash
# Load test of the decision service on loopback: builds `toets` (release), starts `toets serve`, runs
# wrk against POST /v1/evaluate with the contract's household, and writes requests per second and
# latency percentiles to Benchmarks/results/service-load.txt. The last run floods the service with
# 1,000 connections to show the admission at work: answers within the time limit or a quick 503.
#
#   Benchmarks/service/load.sh            # 30 s, 2 threads, 16 connections
#   DUUR=10s VERBINDINGEN=8 Benchmarks/service/load.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$(dirname "$here")")"
out="$root/Benchmarks/results"
mkdir -p "$out"
command -v wrk >/dev/null || { echo "load.sh: installing wrk"; sudo apt-get install -y -qq wrk 2>/dev/null || apt-get install -y -qq wrk; }
(cd "$root" && swift build -c release --product toets >/dev/null)
toets="$root/.build/release/toets"
port="${POORT:-18080}"
"$toets" serve --port "$port" --regulations "$root/Regulations" 2>"$out/service-serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/v1/regulations" >/dev/null && break; sleep 0.2; done
# The answer must be the same as `toets evaluate --format json` before anything is timed.
"$toets" evaluate --date 2025-01-01 --household "$root/Examples/huishouden.json" --format json --regulations "$root/Regulations" > "$out/.cli.json" || true
curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$root/Examples/huishouden.json" "http://127.0.0.1:$port/v1/evaluate?datum=2025-01-01" > "$out/.service.json"
cmp -s "$out/.cli.json" "$out/.service.json" && echo "same answer as toets evaluate" || { echo "load.sh: the service answers differently from toets evaluate"; exit 1; }
rm -f "$out/.cli.json" "$out/.service.json"
lua="$(mktemp)"
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$root/Examples/huishouden.json", "r"); wrk.body = f:read("*a"); f:close()
LUA
{
  echo "toets serve load test, $(date -u +%Y-%m-%d), $(nproc) cores; POST /v1/evaluate?datum=2025-01-01 with Examples/huishouden.json (full explanation in every answer)"
  wrk -t 2 -c "${VERBINDINGEN:-16}" -d "${DUUR:-30s}" --latency -s "$lua" "http://127.0.0.1:$port/v1/evaluate?datum=2025-01-01"
  echo
  echo "POST /v1/evaluate?datum=2025-01-01&uitleg=nee (outputs and reasons, no trace)"
  wrk -t 2 -c "${VERBINDINGEN:-16}" -d "${DUUR:-30s}" --latency -s "$lua" "http://127.0.0.1:$port/v1/evaluate?datum=2025-01-01&uitleg=nee"
  echo
  echo "GET /v1/regulations"
  wrk -t 2 -c "${VERBINDINGEN:-16}" -d 10s --latency "http://127.0.0.1:$port/v1/regulations"
  echo
  echo "Overload: 1000 connections, POST /v1/evaluate?datum=2025-01-01 with the full trace (2 slots, 64 waiting, time limit 10 s)"
  echo "Non-2xx answers are 503 te-druk (line full) or tijdslimiet; every answer must come within the time limit."
  ulimit -n 4096 2>/dev/null || true
  wrk -t 2 -c 1000 -d 20s --timeout 30s --latency -s "$lua" "http://127.0.0.1:$port/v1/evaluate?datum=2025-01-01"
} | tee "$out/service-load.txt"
rm -f "$lua"
