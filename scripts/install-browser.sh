#!/usr/bin/env bash
# Install what the browser tests need, outside the repository; safe to run again, and by two
# checkouts at once. The README's test command and .ci/run call it; the tests only look for:
#   - Chromium from Debian (/usr/bin/chromium), driven by Playwright's Python package
#   - axe-core (accessibility rules), one file per version:
#     ${NEWSDIGEST_AXE_DIR:-~/.cache/newsdigest-axe}/axe-core-VERSION/axe.min.js
# Never runs `playwright install`: the tests use the system Chromium.
set -euo pipefail

AXE_VERSION=4.14.1   # keep in step with AXE_VERSION in tests/browser_support.py

if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  # Wait for another apt run (another checkout's install) instead of failing on its lock.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q \
    --no-install-recommends chromium fonts-dejavu-core
fi

AXE_ROOT="${NEWSDIGEST_AXE_DIR:-$HOME/.cache/newsdigest-axe}"
AXE_HOME="$AXE_ROOT/axe-core-$AXE_VERSION"
mkdir -p "$AXE_ROOT"
exec 9>"$AXE_ROOT/.lock"
flock 9   # one install at a time; released when this script ends, however it ends

axe_is_sound() {  # the file exists and is the version asked for (not a half-written one)
  [ -s "$1/axe.min.js" ] && head -c 100 "$1/axe.min.js" | grep -q "axe v$AXE_VERSION"
}

if axe_is_sound "$AXE_HOME"; then
  echo "axe-core: $AXE_VERSION already installed in $AXE_HOME"
else
  rm -rf "$AXE_ROOT"/.install-*   # left by an interrupted run
  work="$(mktemp -d "$AXE_ROOT/.install-XXXXXX")"
  npm install --silent --no-audit --no-fund --prefix "$work" "axe-core@$AXE_VERSION"
  mkdir "$work/axe-core-$AXE_VERSION"
  cp "$work/node_modules/axe-core/axe.min.js" "$work/axe-core-$AXE_VERSION/"
  axe_is_sound "$work/axe-core-$AXE_VERSION"
  rm -rf "$AXE_HOME"
  mv "$work/axe-core-$AXE_VERSION" "$AXE_HOME"   # one rename: the tests see all of it or nothing
  rm -rf "$work"
  echo "axe-core: $AXE_VERSION installed in $AXE_HOME"
fi

# The independent Web Annotation selector implementations the export's browser test uses.
bash "$(dirname "$0")/install-anchoring.sh"
