#!/usr/bin/env bash
# Renders the report of `toets report` in a real headless browser (Chromium) and checks that it
# renders, that the charts are there, and that every link inside the report lands on an element.
#
#   Tests/report/check-report.sh [path/to/toets]
#
# Installs Chromium from Debian when it is missing. Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/../.."
toets="${1:-.build/debug/toets}"
[ -x "$toets" ] || swift build --product toets

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
. Tests/chromium.sh "$out"
"$toets" report --variant "Scenarios/varianten/kgb-afbouw-7,60.yaml" --households 20000 --steekproef 2000 --uit "$out/rapport" >/dev/null

"$browser" "${browser_flags[@]}" --dump-dom "file://$out/rapport/rapport.html" >"$out/dom.html" 2>"$out/browser.log"
"$browser" "${browser_flags[@]}" --window-size=1200,2000 --screenshot="$out/rapport.png" "file://$out/rapport/rapport.html" >/dev/null 2>>"$out/browser.log"

python3 - "$out/dom.html" "$out/rapport.png" <<'PY'
import re, sys, os
dom = open(sys.argv[1], encoding="utf-8").read()
fail = []
if "<h1>" not in dom: fail.append("the browser's DOM has no title heading: the page did not render")
svgs = re.findall(r"<svg\b", dom)
if len(svgs) < 5: fail.append(f"expected at least 5 charts (svg), found {len(svgs)}")
if len(re.findall(r"<rect\b|<polyline\b", dom)) < 10: fail.append("the charts have no bars or lines")
ids = set(re.findall(r'\bid="([^"]+)"', dom))
links = set(re.findall(r'href="#([^"]+)"', dom))
missing = sorted(links - ids)
if not links: fail.append("no links inside the report")
if missing: fail.append(f"links without a target: {missing[:10]}")
for section in ["overzicht", "variant", "samenloop", "fraudegevoeligheid", "overgangsrecht", "bijlage"]:
    if section not in ids: fail.append(f"section '{section}' is missing")
if not os.path.exists(sys.argv[2]) or os.path.getsize(sys.argv[2]) < 10000: fail.append("no screenshot: the page did not paint")
if re.search(r"<script\b", dom): fail.append("the report contains a script")
if fail:
    print("check-report: FAIL"); [print("  -", f) for f in fail]; sys.exit(1)
print(f"check-report: ok — {len(svgs)} charts, {len(links)} internal links all resolve, screenshot painted")
PY

# The committed validation report (toets validate) renders too, with its chart of deviations.
"$browser" "${browser_flags[@]}" --dump-dom "file://$PWD/Scenarios/validatie/rapport.html" >"$out/validatie.html" 2>>"$out/browser.log"
python3 - "$out/validatie.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
fail = []
if "<h1>" not in dom: fail.append("the validation report did not render")
if len(re.findall(r"<svg\b", dom)) < 1: fail.append("the validation report has no chart")
for section in ["cijfers", "invoer", "inkomensverdeling", "gevoeligheid"]:
    if f'<section id="{section}"' not in dom: fail.append(f"validation section '{section}' is missing")
if fail:
    print("check-report (validatie): FAIL"); [print("  -", f) for f in fail]; sys.exit(1)
print("check-report: ok — the validation report renders with its chart")
PY
