#!/usr/bin/env bash
# Installs what Parley needs on Debian/Ubuntu: Go's cgo toolchain and the
# OpenGL/X11 headers Fyne builds against (through apt, only when missing),
# and the Go modules (through the module proxy). Sourced by scripts/run and
# scripts/test; extra apt packages may be passed as arguments.
set -euo pipefail

need=(gcc libc6-dev pkg-config libgl-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev "$@")
missing=()
for p in "${need[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	echo "parley: installing ${missing[*]} (apt)" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v go >/dev/null; then
	[ -x /usr/local/go/bin/go ] && export PATH="/usr/local/go/bin:$PATH"
fi
command -v go >/dev/null || { echo "parley: Go 1.26 or newer is needed: https://go.dev/doc/install" >&2; exit 1; }
go mod download
