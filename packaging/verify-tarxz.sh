#!/usr/bin/env bash
# Checks dist/parley-*-linux-*.tar.xz the way a user meets it, without
# touching the system: unpack it, then in temporary directories
#   - make install PREFIX=...     (a fresh prefix) and DESTDIR=... (staged)
#   - make install into a prefix that already holds other files and caches
#   - make user-install with a temporary HOME
# and each time run the installed `parley version` and `parley render`, check
# the desktop entry, run the matching uninstall, and check that nothing is
# left behind and nothing that was there before changed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

shopt -s nullglob
tarballs=("$DIST"/parley-*-linux-*.tar.xz)
[ ${#tarballs[@]} -eq 1 ] || { echo "verify-tarxz: expected one dist/parley-*-linux-*.tar.xz, found ${#tarballs[@]}" >&2; exit 1; }
tarball=${tarballs[0]}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "verify-tarxz: $*" >&2; exit 1; }

log "$(basename "$tarball")"
tar -tJvf "$tarball" | awk '$1 !~ /^d/ { printf "   %s %9s %s\n", $1, $3, $6 }'
mkdir "$tmp/x"
tar -xJf "$tarball" -C "$tmp/x"
arc="$tmp/x/$EXE"
for f in Makefile install.sh bin/parley share/applications/$APP_ID.desktop \
	share/icons/hicolor/48x48/apps/$APP_ID.png share/icons/hicolor/scalable/apps/$APP_ID.svg share/man/man1/parley.1.gz; do
	[ -f "$arc/$f" ] || fail "$f missing from the archive"
done
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$arc/share/applications/$APP_ID.desktop"; fi
echo "$ make"
make -s -C "$arc" | sed 's/^/   /'

# snapshot DIR: every path under DIR with its type, mode and content hash.
snapshot() {
	(cd "$1" && find . -printf '%y %m %p\n' | LC_ALL=C sort &&
		find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum)
}
# check_run BIN: the installed parley works.
check_run() {
	local bin=$1 got
	got=$("$bin" version)
	[ "$got" = "parley $VERSION" ] || fail "$bin version says \"$got\", expected \"parley $VERSION\""
	"$bin" example >"$tmp/ex.toml"
	"$bin" render -o "$tmp/ex.svg" "$tmp/ex.toml"
	grep -q '<svg' "$tmp/ex.svg" || fail "$bin render wrote no SVG"
	echo "   $bin version: $got; render: $(wc -c <"$tmp/ex.svg") bytes of SVG"
	rm -f "$tmp/ex.toml" "$tmp/ex.svg"
}
# check_desktop FILE PREFIX: the entry starts PREFIX/bin/parley.
check_desktop() {
	grep -qx "Exec=$2/bin/parley %f" "$1" || fail "$1: Exec is \"$(grep '^Exec=' "$1")\", expected $2/bin/parley %f"
	if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$1"; fi
	echo "   $(basename "$1"): $(grep '^Exec=' "$1")"
}
# check_empty DIR: DIR is gone or empty.
check_empty() {
	if [ -e "$1" ] && [ -n "$(find "$1" -mindepth 1 -print -quit)" ]; then
		find "$1" -mindepth 1 | sed 's/^/   left behind: /' >&2
		fail "uninstall left files in $1"
	fi
}

log "make install PREFIX=<a new directory>, then make uninstall"
prefix="$tmp/opt/parley"
make -s -C "$arc" install PREFIX="$prefix" | sed 's/^/   /'
check_run "$prefix/bin/parley"
check_desktop "$prefix/share/applications/$APP_ID.desktop" "$prefix"
[ -f "$prefix/share/icons/hicolor/256x256/apps/$APP_ID.png" ] || fail "no 256 px icon installed"
make -s -C "$arc" install PREFIX="$prefix" >/dev/null # again: an upgrade in place
make -s -C "$arc" uninstall PREFIX="$prefix" | sed 's/^/   /'
check_empty "$tmp/opt"
[ ! -e "$tmp/opt" ] || fail "uninstall left $tmp/opt, which install created"
echo "   nothing left: $tmp/opt, which install created, is gone"

log "make install DESTDIR=<staging> (PREFIX=/usr/local), then make uninstall"
mkdir "$tmp/stage"
make -s -C "$arc" install DESTDIR="$tmp/stage" | sed 's/^/   /'
check_run "$tmp/stage/usr/local/bin/parley"
check_desktop "$tmp/stage/usr/local/share/applications/$APP_ID.desktop" /usr/local
make -s -C "$arc" uninstall DESTDIR="$tmp/stage" | sed 's/^/   /'
check_empty "$tmp/stage"
echo "   nothing left in the staging directory"

log "make install into a prefix that already holds things, then make uninstall"
busy="$tmp/busy"
mkdir -p "$busy/bin" "$busy/share/man/man1" "$busy/share/applications" "$busy/share/icons/hicolor/48x48/apps"
echo '#!/bin/sh' >"$busy/bin/other-tool"
chmod 0755 "$busy/bin/other-tool"
printf '[Desktop Entry]\nType=Application\nName=Other\nExec=other-tool\n' >"$busy/share/applications/other.desktop"
echo other >"$busy/share/icons/hicolor/48x48/apps/other.png"
if command -v update-desktop-database >/dev/null; then update-desktop-database "$busy/share/applications"; fi
before=$(snapshot "$busy")
make -s -C "$arc" install PREFIX="$busy" | sed 's/^/   /'
check_run "$busy/bin/parley"
if [ -f "$busy/share/applications/mimeinfo.cache" ]; then
	grep -q "$APP_ID.desktop" "$busy/share/applications/mimeinfo.cache" || fail "mimeinfo.cache not refreshed"
	echo "   mimeinfo.cache refreshed: $(grep "$APP_ID" "$busy/share/applications/mimeinfo.cache")"
fi
make -s -C "$arc" uninstall PREFIX="$busy" | sed 's/^/   /'
after=$(snapshot "$busy")
if [ "$before" != "$after" ]; then
	diff <(echo "$before") <(echo "$after") | sed 's/^/   /' >&2
	fail "uninstall did not restore the prefix as it was"
fi
echo "   the prefix is exactly as before (its files, directories, modes and caches)"

log "make user-install (HOME=<temporary>), then make user-uninstall"
home="$tmp/home"
mkdir "$home"
HOME=$home make -s -C "$arc" user-install | sed 's/^/   /'
check_run "$home/.local/bin/parley"
check_desktop "$home/.local/share/applications/$APP_ID.desktop" "$home/.local"
[ -f "$home/.local/share/man/man1/parley.1.gz" ] || fail "no man page in ~/.local"
HOME=$home make -s -C "$arc" user-uninstall | sed 's/^/   /'
check_empty "$home"
echo "   nothing left in HOME"
log ".tar.xz OK"
