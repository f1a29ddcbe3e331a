# Sourced by the browser checks (Tests/report/check-report.sh, Tests/spec/check-spec.sh): sets
# $browser to a headless-capable Chromium, installing Debian's package when none is found, and
# $browser_flags to the flags for a headless run in a throwaway profile under $1.
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "$(basename "$0"): installing chromium"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi
browser_flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$1/profiel")
