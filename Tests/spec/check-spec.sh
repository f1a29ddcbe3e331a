#!/usr/bin/env bash
# Renders the specification of `toets spec` in a real headless browser (Chromium) and checks the
# page of the Wet op de zorgtoeslag 2025: it renders, article 2 shows its annotations in colour with
# the rules beside the text, the parameter table and the open interpretation choices are there, and
# every link inside the page lands on an element.
#
#   Tests/spec/check-spec.sh [path/to/toets]
set -euo pipefail
cd "$(dirname "$0")/../.."
toets="${1:-.build/debug/toets}"
[ -x "$toets" ] || swift build --product toets

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
. Tests/chromium.sh "$out"
"$toets" spec --output "$out/spec" >/dev/null
page="$out/spec/zorgtoeslag-2025-01-01.html"
"$browser" "${browser_flags[@]}" --dump-dom "file://$page" >"$out/dom.html" 2>"$out/browser.log"
"$browser" "${browser_flags[@]}" --dump-dom "file://$out/spec/index.html" >"$out/index.html" 2>>"$out/browser.log"
"$browser" "${browser_flags[@]}" --window-size=1280,2000 --screenshot="$out/spec.png" "file://$page" >/dev/null 2>>"$out/browser.log"

python3 - "$out/dom.html" "$out/index.html" "$out/spec.png" "$out/spec" <<'PY'
import re, sys, os
dom, index, shot, folder = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read(), sys.argv[3], sys.argv[4]
fail = []
if "Wet op de zorgtoeslag" not in dom: fail.append("the page did not render its title")
art2 = re.search(r'<article id="art-2">(.*?)</article>', dom, re.S)
if not art2: fail.append("article 2 is missing")
else:
    a = art2.group(1)
    if len(re.findall(r'<mark class="jas jas-', a)) < 5: fail.append("article 2 shows fewer than 5 coloured annotations")
    if 'class="regelblok"' not in a: fail.append("article 2 has no rules beside its text")
if 'id="legenda"' not in dom: fail.append("no legend of the JAS classes")
params = re.search(r'<section id="parameters">(.*?)</section>', dom, re.S)
if not params or params.group(1).count("<tr>") < 3: fail.append("the parameter table is empty")
if "open interpretatiekeuze" not in dom: fail.append("the open interpretation choices are not shown")
ids = set(re.findall(r'\bid="([^"]+)"', dom))
missing = sorted(set(re.findall(r'href="#([^"]+)"', dom)) - ids)
if missing: fail.append(f"links without a target: {missing[:10]}")
for target in re.findall(r'href="([^"#:]+\.html)"', index):
    if not os.path.exists(os.path.join(folder, target)): fail.append(f"index links to a missing page {target}")
if not os.path.exists(shot) or os.path.getsize(shot) < 10000: fail.append("no screenshot: the page did not paint")
if fail:
    print("check-spec: FAIL"); [print("  -", f) for f in fail]; sys.exit(1)
print("check-spec: ok — article 2 annotated with its rules, parameters, open choices, every link lands")
PY
