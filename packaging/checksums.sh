#!/usr/bin/env bash
# Writes dist/SHA256SUMS: the SHA-256 of every artifact in dist/ (files named
# parley*). Check a download with: sha256sum --check --ignore-missing SHA256SUMS
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

cd "$DIST"
shopt -s nullglob
files=(parley*)
((${#files[@]})) || { echo "checksums: no artifacts in dist/" >&2; exit 1; }
sha256 "${files[@]}" >SHA256SUMS.tmp
mv SHA256SUMS.tmp SHA256SUMS
log "dist/SHA256SUMS"
cat SHA256SUMS
