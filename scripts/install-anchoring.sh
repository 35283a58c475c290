#!/usr/bin/env bash
# Install the independent Web Annotation selector implementations the export's
# browser test resolves selectors with (tests/test_annotation_selectors.py):
# dom-anchor-text-quote and dom-anchor-text-position, from npm, into a cache
# folder of this checkout (another clone gets its own). Safe to run again, by two
# runs at once (a lock), and after a run killed halfway (the install is made in a
# scratch folder and moved into place by one rename once it is checked).
set -euo pipefail

QUOTE_VERSION=4.0.2
POSITION_VERSION=5.0.0
CHECKOUT="$(cd "$(dirname "$0")/.." && pwd -P)"
KEY="$(printf '%s' "$CHECKOUT" | sha256sum | cut -c1-12)"
DIR="${NEWSDIGEST_ANCHORING_DIR:-$HOME/.cache/newsdigest-anchoring/$KEY}"
DIR="${DIR%/}"   # "$DIR.lock" and "$DIR.install-*" sit beside it, not inside
ROOT="$(dirname "$DIR")"
mkdir -p "$ROOT"
exec 8>"$DIR.lock"
flock 8   # one install of this folder at a time; released when this script ends, however it ends

has_version() {  # $1 folder, $2 package, $3 version: its package.json names that version
  [ -s "$1/node_modules/$2/package.json" ] \
    && grep -q "\"version\": *\"$3\"" "$1/node_modules/$2/package.json"
}
is_sound() {
  has_version "$1" dom-anchor-text-quote "$QUOTE_VERSION" \
    && has_version "$1" dom-anchor-text-position "$POSITION_VERSION"
}

if is_sound "$DIR"; then
  echo "dom-anchor-text-quote, dom-anchor-text-position: already installed in $DIR"
  exit 0
fi
rm -rf "$DIR".install-*   # left by an interrupted run
work="$(mktemp -d "$DIR.install-XXXXXX")"
npm install --silent --no-audit --no-fund --prefix "$work" \
  "dom-anchor-text-quote@$QUOTE_VERSION" "dom-anchor-text-position@$POSITION_VERSION"
is_sound "$work"
rm -rf "$DIR"
mv "$work" "$DIR"   # one rename: the tests see the whole install or none
echo "dom-anchor-text-quote, dom-anchor-text-position: installed in $DIR"
