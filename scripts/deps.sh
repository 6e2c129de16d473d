#!/usr/bin/env bash
# Installs what Parley needs on Debian/Ubuntu, quietly and only what is
# missing, without asking anything:
#   - through apt (with sudo when not root): ca-certificates (TLS to the Go
#     module proxy), Go's cgo toolchain and the OpenGL/X11 headers Fyne
#     builds against, plus any extra packages given as arguments;
#   - Go itself when no Go as new as go.mod's `go` line is found: the
#     official toolchain for that version, from the Go module proxy (the
#     same zip `GOTOOLCHAIN=auto` downloads), checked against the Go
#     checksum database, into ~/sdk/goVERSION (where golang.org/dl puts it);
#   - the Go modules, through the module proxy.
# Sourced by scripts/run and scripts/test from the repository's root; it
# leaves the Go it found first on PATH. Checked on a minimal Debian 12 by
# packaging/check-minimal-debian.sh.
set -euo pipefail

parley_deps() {
	local need=(ca-certificates gcc libc6-dev pkg-config
		libgl-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev "$@")
	parley_apt "${need[@]}"
	parley_go || return 1
	local log
	log=$(mktemp)
	if ! go mod download 2>"$log"; then
		cat "$log" >&2
		rm -f "$log"
		echo "parley: downloading the Go modules failed (GOPROXY=$(go env GOPROXY))" >&2
		return 1
	fi
	rm -f "$log"
}

# parley_apt PACKAGE...: installs those not installed yet.
parley_apt() {
	local missing=() p
	if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
		echo "parley: no apt here; make sure these (or your system's equivalents) are installed: $*" >&2
		return 0
	fi
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	((${#missing[@]})) || return 0
	local sudo=() log
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null || {
			echo "parley: these packages are needed: ${missing[*]}" >&2
			echo "parley: install them as root (apt-get install ${missing[*]}), or install sudo, then run this again" >&2
			return 1
		}
		sudo=(sudo)
	fi
	echo "parley: installing ${missing[*]} (apt)" >&2
	log=$(mktemp)
	# apt-get update once per run (apt_updated), and before the first install
	# on a system whose package lists were never downloaded.
	if [ -z "${parley_apt_updated:-}" ]; then
		"${sudo[@]}" apt-get update -q >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }
		parley_apt_updated=1
	fi
	if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		"${missing[@]}" >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		return 1
	fi
	rm -f "$log"
}

# parley_go: puts a Go at least as new as go.mod's on PATH, fetching it when
# there is none.
parley_go() {
	local want candidate
	want=$(awk '$1 == "go" { print $2; exit }' go.mod)
	for candidate in "$(command -v go || true)" /usr/local/go/bin/go "$HOME/sdk/go$want/bin/go"; do
		[ -n "$candidate" ] && [ -x "$candidate" ] || continue
		if parley_go_ok "$candidate" "$want"; then
			PATH="$(dirname "$candidate"):$PATH"
			export PATH
			return 0
		fi
	done
	parley_go_fetch "$want" || return 1
	PATH="$HOME/sdk/go$want/bin:$PATH"
	export PATH
}

# parley_go_ok GO VERSION: GO runs this module with Go VERSION or newer
# (a Go 1.21+ with GOTOOLCHAIN=auto switches itself to go.mod's version).
parley_go_ok() {
	local got
	got=$("$1" env GOVERSION 2>/dev/null) || return 1
	got=${got#go}
	[ "$(printf '%s\n%s\n' "$2" "$got" | sort -V | head -n 1)" = "$2" ]
}

# parley_go_fetch VERSION: the official Go VERSION for this machine into
# ~/sdk/goVERSION. The module proxy serves it as the module
# golang.org/toolchain (what the go command itself downloads to switch
# toolchains); its hash is looked up in the checksum database through the
# same proxy and compared with the zip's contents (the go.sum "h1:" hash).
parley_go_fetch() {
	local version=$1 arch dest proxy mod tag tmp want got
	case "$(uname -m)" in
	x86_64) arch=amd64 ;;
	aarch64 | arm64) arch=arm64 ;;
	*)
		echo "parley: install Go $version or newer for $(uname -m): https://go.dev/doc/install" >&2
		return 1
		;;
	esac
	dest="$HOME/sdk/go$version"
	if [ -e "$dest" ]; then
		echo "parley: $dest exists but does not run; remove it (or install Go $version: https://go.dev/doc/install)" >&2
		return 1
	fi
	parley_apt curl unzip || return 1
	# The first proxy URL in GOPROXY (the default: proxy.golang.org).
	proxy=$(printf '%s' "${GOPROXY:-https://proxy.golang.org}" | tr ',|' '\n\n' | grep -m1 -E '^https?://' || true)
	[ -n "$proxy" ] || {
		echo "parley: GOPROXY=$GOPROXY names no proxy to fetch Go from; install Go $version or newer: https://go.dev/doc/install" >&2
		return 1
	}
	mod=golang.org/toolchain
	tag=v0.0.1-go$version.linux-$arch
	echo "parley: no Go $version or newer found; fetching it into $dest (about 70 MB, from ${proxy%/})" >&2
	tmp=$(mktemp -d)
	if ! curl -fsSL --retry 3 -o "$tmp/go.zip" "${proxy%/}/$mod/@v/$tag.zip" ||
		! want=$(curl -fsSL --retry 3 "${proxy%/}/sumdb/sum.golang.org/lookup/$mod@$tag" |
			awk -v m="$mod" -v t="$tag" '$1 == m && $2 == t { print $3; exit }'); then
		rm -rf "$tmp"
		echo "parley: could not download Go $version from $proxy; install it: https://go.dev/doc/install" >&2
		return 1
	fi
	unzip -q "$tmp/go.zip" -d "$tmp/x"
	# h1: SHA-256 over the sorted "SHA-256  NAME" lines of every file.
	got=h1:$(cd "$tmp/x" && find "$mod@$tag" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum |
		sha256sum | cut -c1-64 | sed 's/../\\x&/g' | { read -r hex && printf "$hex"; } | base64)
	if [ -z "$want" ] || [ "$got" != "$want" ]; then
		rm -rf "$tmp"
		echo "parley: the Go $version download does not match the checksum database (got $got, want ${want:-nothing}); not installed" >&2
		return 1
	fi
	mkdir -p "$HOME/sdk"
	mv "$tmp/x/$mod@$tag" "$dest"
	rm -rf "$tmp"
	echo "parley: installed Go $version in $dest (add $dest/bin to PATH to use it yourself)" >&2
}

parley_deps "$@"
unset -f parley_deps parley_apt parley_go parley_go_ok parley_go_fetch
