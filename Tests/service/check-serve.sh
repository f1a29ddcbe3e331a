#!/usr/bin/env bash
# Starts `toets serve` on loopback and checks it as a client would: the contract's household answered
# exactly as `toets evaluate --format json`, the health check, JSON errors (404, 405, 415, 422, 400),
# a request dripped too slowly closed by the read timeout (slowloris, also after an early answer), an
# answer nobody reads closed by the write timeout, an evaluation over its time limit answered 503 and
# stopped, and the workbench page rendered by a real headless browser, with the example household
# computed and shown in euros.
#
#   Tests/service/check-serve.sh [path/to/toets]
#
# Needs curl; installs Chromium from Debian when it is missing. Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/../.."
toets="${1:-.build/debug/toets}"
[ -x "$toets" ] || swift build --product toets

out="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"; }
trap cleanup EXIT
fail() { echo "check-serve: FAIL — $*"; [ -f "$out/serve.log" ] && sed 's/^/  serve: /' "$out/serve.log"; exit 1; }

# start ARGS…: runs `toets serve --port 0 ARGS…` and sets $base once it listens.
start() {
  : >"$out/serve.log"
  "$toets" serve --port 0 "$@" 2>"$out/serve.log" &
  pids+=($!)
  for _ in $(seq 1 300); do
    base="$(grep -o 'http://127.0.0.1:[0-9]*' "$out/serve.log" | head -1 || true)"
    [ -n "$base" ] && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || fail "toets serve stopped at start"
    sleep 0.1
  done
  fail "toets serve did not start listening within 30 s"
}
# status METHOD PATH [curl args…]: the HTTP status, with the body in $out/body.
status() { local m="$1" p="$2"; shift 2; curl -s -o "$out/body" -w '%{http_code}' -X "$m" "$@" "$base$p"; }
json_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$out/body" "$1"; }

start --read-timeout 2
household=Examples/huishouden.json

# The contract's household: byte for byte what `toets evaluate --format json` prints.
"$toets" evaluate --date 2026-01-01 --household "$household" --format json >"$out/cli.json" 2>/dev/null || [ $? -eq 3 ]
[ "$(status POST '/v1/evaluate?datum=2026-01-01' -H 'Content-Type: application/json' --data-binary @"$household")" = 200 ] || fail "evaluate: $(cat "$out/body")"
cmp -s "$out/body" "$out/cli.json" || fail "the service's answer differs from toets evaluate --format json"

[ "$(status GET /healthz)" = 200 ] && [ "$(json_field status)" = ok ] || fail "healthz: $(cat "$out/body")"
[ "$(status GET /nergens)" = 404 ] && [ "$(json_field fout)" = onbekend-pad ] || fail "404 without its JSON body"
[ "$(status GET /v1/evaluate)" = 405 ] && [ "$(json_field fout)" = methode-niet-toegestaan ] || fail "405 without its JSON body"
[ "$(status POST '/v1/evaluate?datum=2026-01-01' -H 'Content-Type: text/plain' --data-binary @"$household")" = 415 ] || fail "a text/plain body was not refused"
printf '{"personen": "\xff"}' >"$out/latin1.json"
[ "$(status POST '/v1/evaluate?datum=2026-01-01' -H 'Content-Type: application/json' --data-binary @"$out/latin1.json")" = 422 ] && [ "$(json_field fout)" = geen-utf8 ] || fail "bytes that are not UTF-8 were not refused"
[ "$(status POST '/v1/evaluate?datum=2026-02-30' -H 'Content-Type: application/json' --data-binary @"$household")" = 400 ] || fail "an impossible date was not refused"
[ "$(status GET /v1/openapi.json)" = 200 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "/healthz" in d["paths"] and "/v1/evaluate" in d["paths"]' "$out/body" || fail "openapi.json"

# Slowloris: a request head that never completes is closed after the read timeout (2 s here).
begin=$(date +%s%N)
exec 3<>"/dev/tcp/127.0.0.1/${base##*:}"
printf 'POST /v1/evaluate HTTP/1.1\r\nHost: x\r\n' >&3
timeout 20 cat <&3 >/dev/null || fail "a request dripped too slowly was not closed within 20 s"
exec 3<&-
waited=$(( ($(date +%s%N) - begin) / 1000000 ))
{ [ "$waited" -ge 1500 ] && [ "$waited" -le 10000 ]; } || fail "the slow request was closed after $waited ms, expected about 2000"
# An early answer (400 on the head alone) does not switch the read deadline off for the rest of the body.
python3 Tests/service/slow_client.py early "${base##*:}" || fail "the read deadline after an early answer"
echo "check-serve: ok — answers as toets evaluate; healthz; JSON 404/405/415/422/400; a dripped request closed after $waited ms"

# The workbench renders in a real browser and computes the example household on load.
. Tests/chromium.sh "$out"
"$browser" "${browser_flags[@]}" --virtual-time-budget=15000 --dump-dom "$base/" >"$out/werkbank.html" 2>"$out/browser.log" || fail "the browser did not load the workbench"
python3 - "$out/werkbank.html" <<'PY' || fail "the workbench did not render its answer"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
fail = []
# The example household is Examples/huishouden-met-loon.json: toets evaluate gives these amounts.
for text in ["zorgtoeslag.jaarbedrag", "€ 1.004,00", "€ 46.968,22", "€ 3.159,54", "Berekend voor 1 januari 2026", "18 uitkomsten, 0 onbepaald",
             "Uitleg per uitkomst", "Wzt", "Wet IB 2001"]:
    if text not in dom: fail.append(f"'{text}' is not on the page")
if "class=\"fout\"" in dom: fail.append("the page shows an error")
if len(re.findall(r"<details\b", dom)) < 5: fail.append("no explanation tree")
if fail:
    print("check-serve (werkbank): FAIL"); [print("  -", f) for f in fail]; sys.exit(1)
print("check-serve: ok — the workbench computes the example household in a headless browser (amounts in euros, explanation tree, regulations)")
PY

# An evaluation over its time limit: 503 tijdslimiet, answered near the limit, not when the work is done.
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
python3 - "$out/groot.json" <<'PY'
import json, sys
people = [{"id": "a", "rol": "aanvrager", "geboortedatum": "1960-03-01", "toetsingsinkomen": "30000.00", "vermogen": "0", "zorgverzekerd": True, "ingezetene": True}]
people += [{"id": f"k{i}", "rol": "kind", "geboortedatum": "2015-06-01"} for i in range(99)]
json.dump({"personen": people, "woning": {"huurder": True, "zelfstandig": True, "rekenhuur": "768.00"}}, open(sys.argv[1], "w"))
PY
# An answer of megabytes that the client never reads: closed at the write deadline (2 s here).
start --timeout 120 --write-timeout 2
python3 Tests/service/slow_client.py noread "${base##*:}" "$out/groot.json" || fail "the write deadline"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
start --timeout 0.2
begin=$(date +%s%N)
code="$(status POST '/v1/evaluate?datum=2026-01-01' -H 'Content-Type: application/json' --data-binary @"$out/groot.json")"
took=$(( ($(date +%s%N) - begin) / 1000000 ))
[ "$code" = 503 ] && [ "$(json_field fout)" = tijdslimiet ] || fail "a 100-person household within 0.2 s: got $code $(head -c 300 "$out/body")"
[ "$took" -le 1500 ] || fail "the time limit of 0.2 s was answered after $took ms"
[ "$(status GET /healthz)" = 200 ] && [ "$(json_field bezig)" = 0 ] || fail "the evaluation still runs after its 503: $(cat "$out/body")"
echo "check-serve: ok — an evaluation over its limit of 0,2 s answered 503 after $took ms and stopped"
