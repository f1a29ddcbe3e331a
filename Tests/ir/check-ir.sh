#!/usr/bin/env bash
# Exports the compiled rules with `toets ir` and validates the document against its JSON Schema
# (Schemas/toetssteen-ir-1.schema.json, draft 2020-12) with the Python jsonschema package, which it
# installs from Debian when missing.
#
#   Tests/ir/check-ir.sh [path/to/toets]
set -euo pipefail
cd "$(dirname "$0")/../.."
toets="${1:-.build/debug/toets}"
[ -x "$toets" ] || swift build --product toets
if ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "check-ir: installing python3-jsonschema"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-jsonschema >/dev/null
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$toets" ir --output "$out/ir.json" >/dev/null
python3 - "$out/ir.json" Schemas/toetssteen-ir-1.schema.json <<'PY'
import json, sys, jsonschema
doc, schema = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
for e in errors[:10]: print("  -", e.message[:300], "at", "/".join(map(str, e.absolute_path)))
if errors: print(f"check-ir: FAIL, {len(errors)} schema errors"); sys.exit(1)
rules = sum(len(d["regels"]) for w in doc["wetten"] for v in w["versies"] for d in v["definities"])
print(f"check-ir: ok — {len(doc['wetten'])} wetten, {rules} regels, {len(doc['parameters'])} parameters valid against the schema")
PY
