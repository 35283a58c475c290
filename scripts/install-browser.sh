#!/usr/bin/env bash
# Install what the browser tests need, outside the repository; safe to run again.
#   - Chromium from Debian (/usr/bin/chromium), driven by Playwright's Python package
#   - axe-core (accessibility rules) from npm, cached in ~/.cache/newsdigest-axe
# Never runs `playwright install`: the tests use the system Chromium.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
else
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
fi

AXE_DIR="${NEWSDIGEST_AXE_DIR:-$HOME/.cache/newsdigest-axe}"
if [ -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ]; then
  echo "axe-core: already installed in $AXE_DIR"
else
  mkdir -p "$AXE_DIR"
  npm install --silent --no-audit --no-fund --prefix "$AXE_DIR" "axe-core@4"
fi
