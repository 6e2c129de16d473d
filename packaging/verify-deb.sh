#!/usr/bin/env bash
# Checks dist/parley_*.deb the way a user meets it: lintian, then
# `apt-get install ./parley_*.deb`, `parley version`, `parley render` on the
# bundled example, the desktop entry and .toml file type registered; an
# upgrade to the next build (the same package repacked as VERSION-(BUILD+1),
# as a Build-only re-release is) replaces it in place; then
# `apt-get remove --purge parley` and nothing of it left behind.
# Installs packages: run it as root (or with sudo) on a machine you can change.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
shopt -s nullglob
debs=("$DIST"/parley_*.deb)
[ ${#debs[@]} -eq 1 ] || { echo "verify-deb: expected one dist/parley_*.deb, found ${#debs[@]}" >&2; exit 1; }
deb=${debs[0]}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

log "lintian $(basename "$deb")"
# Errors fail the check; warnings are printed. (lintian refuses nothing as
# root but says it is not recommended.)
lintian --fail-on error --info "$deb" 2>&1 | grep -v 'running with root privileges' || true
lintian --fail-on error "$deb" >/dev/null 2>&1

if dpkg-query -W parley >/dev/null 2>&1; then
	echo "verify-deb: parley is already installed; remove it first" >&2
	exit 1
fi
log "apt-get install ./$(basename "$deb")"
# shared-mime-info and desktop-file-utils: so that the triggers that register
# the file type and the desktop entry run, as on any desktop system.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q shared-mime-info desktop-file-utils "$deb" >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log" >&2; exit 1; }
grep -E '^(Unpacking|Setting up|Processing triggers)' "$tmp/install.log" || true
dpkg -L parley | sort >"$tmp/files"

log "running the installed parley"
[ "$(command -v parley)" = /usr/bin/parley ]
got=$(parley version)
echo "$ parley version"
echo "$got"
[ "$got" = "parley $VERSION" ] || { echo "verify-deb: expected \"parley $VERSION\"" >&2; exit 1; }
cd "$tmp"
parley example >ex.toml
echo "$ parley example > ex.toml  # $(wc -l <ex.toml) lines"
parley validate ex.toml
echo "$ parley validate ex.toml   # exit $?"
parley render -o ex.svg ex.toml
echo "$ parley render -o ex.svg ex.toml   # $(wc -c <ex.svg) bytes: $(head -c 60 ex.svg | tr '\n' ' ')..."
grep -q '<svg' ex.svg
parley render -o ex.png ex.toml
echo "$ parley render -o ex.png ex.toml   # $(file -b ex.png)"
file ex.png | grep -q 'PNG image data'

log "desktop integration"
grep "^application/x-parley-scenario=" /usr/share/applications/mimeinfo.cache
test -f /usr/share/mime/application/x-parley-scenario.xml && echo "mime database: application/x-parley-scenario"
if command -v gio >/dev/null; then
	printf '[package]\nname = "x"\n' >Cargo.toml
	for f in ex.toml Cargo.toml; do echo "gio: $f is $(gio info -a standard::content-type "$f" | sed -n 's/.*content-type: //p')"; done
	gio info -a standard::content-type ex.toml | grep -q 'application/x-parley-scenario'
	gio info -a standard::content-type Cargo.toml | grep -q 'application/toml'
fi
if command -v man >/dev/null; then echo "man page: $(man -w parley)"; fi

log "upgrade: apt-get install the next build"
next_rev=$((BUILD + 1))
mkdir "$tmp/next"
dpkg-deb -R "$deb" "$tmp/next/root"
sed -i "s/^Version: .*/Version: $VERSION-$next_rev/" "$tmp/next/root/DEBIAN/control"
next_deb="$tmp/next/parley_$VERSION-${next_rev}_$(dpkg-deb -f "$deb" Architecture).deb"
dpkg-deb --root-owner-group -b "$tmp/next/root" "$next_deb" >/dev/null
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$next_deb" >"$tmp/upgrade.log" 2>&1 ||
	{ cat "$tmp/upgrade.log" >&2; exit 1; }
grep -E '^(Preparing|Unpacking|Setting up parley)' "$tmp/upgrade.log" || true
got=$(dpkg-query -W -f='${Version}' parley)
[ "$got" = "$VERSION-$next_rev" ] || { echo "verify-deb: after the upgrade dpkg has parley $got, expected $VERSION-$next_rev" >&2; exit 1; }
dpkg -L parley | sort | cmp -s - "$tmp/files" || { echo "verify-deb: the upgrade changed the package's file list" >&2; exit 1; }
[ "$(parley version)" = "parley $VERSION" ] || { echo "verify-deb: parley version after the upgrade: $(parley version)" >&2; exit 1; }
echo "   parley $got installed over $VERSION-$BUILD; same $(wc -l <"$tmp/files") paths; parley version: $(parley version)"

log "apt-get remove --purge parley"
cd /
$sudo env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q parley >"$tmp/remove.log" 2>&1 ||
	{ cat "$tmp/remove.log" >&2; exit 1; }
grep -E '^(Removing|Purging|Processing triggers)' "$tmp/remove.log" || true
! dpkg-query -W parley >/dev/null 2>&1 || { echo "verify-deb: parley still known to dpkg" >&2; exit 1; }
left=0
while IFS= read -r f; do
	[ -d "$f" ] && continue # shared directories (/usr/share/...) stay
	if [ -e "$f" ] || [ -L "$f" ]; then echo "left behind: $f" >&2; left=1; fi
done <"$tmp/files"
if [ -e /usr/share/doc/parley ]; then echo "left behind: /usr/share/doc/parley" >&2; left=1; fi
if grep -q parley /usr/share/applications/mimeinfo.cache 2>/dev/null; then echo "left in mimeinfo.cache" >&2; left=1; fi
if [ -e /usr/share/mime/application/x-parley-scenario.xml ]; then echo "left in the mime database" >&2; left=1; fi
if find /usr/share/icons/hicolor -name "$APP_ID.*" | grep -q .; then echo "icons left behind" >&2; left=1; fi
[ $left -eq 0 ]
echo "removed cleanly: none of the package's $(grep -c . "$tmp/files") paths is left (bar shared directories), caches updated"
