#!/usr/bin/env bash
# Install the independent Web Annotation selector implementations the export's
# browser test resolves selectors with (tests/test_annotation_selectors.py):
# dom-anchor-text-quote and dom-anchor-text-position, from npm, into a cache
# folder of this checkout (another clone gets its own). Safe to run again.
set -euo pipefail

CHECKOUT="$(cd "$(dirname "$0")/.." && pwd -P)"
KEY="$(printf '%s' "$CHECKOUT" | sha256sum | cut -c1-12)"
DIR="${NEWSDIGEST_ANCHORING_DIR:-$HOME/.cache/newsdigest-anchoring/$KEY}"
if [ -f "$DIR/node_modules/dom-anchor-text-quote/package.json" ] \
  && [ -f "$DIR/node_modules/dom-anchor-text-position/package.json" ]; then
  echo "dom-anchor-text-quote, dom-anchor-text-position: already installed in $DIR"
  exit 0
fi
mkdir -p "$DIR"
npm install --silent --no-audit --no-fund --prefix "$DIR" \
  "dom-anchor-text-quote@4.0.2" "dom-anchor-text-position@5.0.0"
echo "dom-anchor-text-quote, dom-anchor-text-position: installed in $DIR"
