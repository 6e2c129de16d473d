#!/usr/bin/env bash
# Checks the .msi's upgrade rules by installing for real, under Wine (whose
# Windows Installer compares versions as Windows does: three fields):
#
#   1. install dist's .msi (VERSION build B)           -> installed
#   2. install VERSION build B+1 (a Build-only re-release)
#                                                      -> replaces it: one Parley
#   3. install build B again                           -> refused, B+1 stays
#   4. install the next patch version, build 1         -> replaces it
#   5. install VERSION build B+1 again (a downgrade)   -> refused
#   6. uninstall                                       -> nothing left
#
# The other two installers are made from dist's parley.exe by
# packaging/windows/make-msi.sh into dist/upgrade-check/ (kept: the release
# workflow's Windows job runs the same steps with Windows' own installer,
# packaging/windows/verify-install.ps1). The Wine part needs wine64
# (apt-get install wine64, about 650 MB) and is skipped without it. It runs in
# a throw-away WINEPREFIX, with no display.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

exe="$DIST/parley-$VERSION-windows-amd64.exe"
msi="$DIST/parley-$VERSION-windows-amd64.msi"
[ -f "$exe" ] && [ -f "$msi" ] || { echo "verify-msi-upgrade: build first (make windows)" >&2; exit 1; }
fail() { echo "verify-msi-upgrade: $*" >&2; exit 1; }

IFS=. read -r major minor patch _ <<<"$VERSION.0.0"
next=$major.$minor.$((patch + 1))
set_dir="$DIST/upgrade-check"
rebuild="$set_dir/parley-$VERSION-build$((BUILD + 1))-windows-amd64.msi"
nextmsi="$set_dir/parley-$next-windows-amd64.msi"
log "the other installers: $VERSION build $((BUILD + 1)) and $next build 1, in dist/upgrade-check/"
rm -rf "$set_dir"
mkdir -p "$set_dir"
"$ROOT/packaging/windows/make-msi.sh" "$exe" "$ROOT/assets/icon/parley.ico" "$VERSION" $((BUILD + 1)) "$rebuild"
"$ROOT/packaging/windows/make-msi.sh" "$exe" "$ROOT/assets/icon/parley.ico" "$next" 1 "$nextmsi"
for m in "$msi" "$rebuild" "$nextmsi"; do
	printf '   %-48s ProductVersion %-9s ProductCode %s\n' "$(basename "$m")" \
		"$(msiinfo export "$m" Property | tr -d '\r' | awk -F'\t' '$1 == "ProductVersion" { print $2 }')" \
		"$(msiinfo export "$m" Property | tr -d '\r' | awk -F'\t' '$1 == "ProductCode" { print $2 }')"
done

wine=$(command -v wine64 || command -v /usr/lib/wine/wine64 || true)
if [ -z "$wine" ]; then
	echo "verify-msi-upgrade: SKIP the installs: wine64 not installed (apt-get install wine64)"
	exit 0
fi
tmp=$(mktemp -d)
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=
trap 'WINEPREFIX="$tmp/prefix" "$(dirname "$wine")/wineserver" -k 2>/dev/null || true; rm -rf "$tmp"' EXIT
cp "$msi" "$tmp/release.msi"
cp "$rebuild" "$tmp/rebuild.msi"
cp "$nextmsi" "$tmp/next.msi"

log "a Windows prefix (wineboot)"
"$wine" wineboot -i >/dev/null 2>&1 || true

# installed: the DisplayVersion of every installed Parley, one a line.
installed() {
	"$wine" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | tr -d '\r' |
		awk '/^HKEY/ { name = ""; ver = "" } /DisplayName/ { name = $NF } /DisplayVersion/ { ver = $NF } name == "Parley" && ver != "" { print ver; name = "" }'
}
# msiexec ARGS...: its exit code.
msiexec() {
	local rc=0
	(cd "$tmp" && "$wine" msiexec "$@" /qn) >/dev/null 2>&1 || rc=$?
	echo $rc
}
# step TITLE EXPECTED-EXIT EXPECTED-INSTALLED ARGS...
step() {
	local title=$1 want_rc=$2 want=$3 rc got
	shift 3
	rc=$(msiexec "$@")
	got=$(installed | sort | tr '\n' ' ' | sed 's/ $//')
	printf '   %-44s exit %-5s installed: %s\n' "$title" "$rc" "${got:-nothing}"
	# 1603, "fatal error during installation": a refusal (a launch condition);
	# Wine hands on only its low byte, 67.
	[ "$want_rc" != 1603 ] || [ "$rc" != 67 ] || rc=1603
	[ "$rc" = "$want_rc" ] || fail "$title: msiexec exited $rc, expected $want_rc"
	[ "$got" = "$want" ] || fail "$title: installed \"$got\", expected \"$want\""
}
program="$WINEPREFIX/drive_c/Program Files/Parley/parley.exe"

log "installs and upgrades"
step "install $VERSION build $BUILD" 0 "$VERSION.$BUILD" /i release.msi
cmp -s "$program" "$exe" || fail "parley.exe not installed"
step "install $VERSION build $((BUILD + 1)) (Build-only re-release)" 0 "$VERSION.$((BUILD + 1))" /i rebuild.msi
step "install $VERSION build $BUILD again (older build)" 1603 "$VERSION.$((BUILD + 1))" /i release.msi
step "install $next build 1 (next version)" 0 "$next.1" /i next.msi
step "install $VERSION build $((BUILD + 1)) (downgrade)" 1603 "$next.1" /i rebuild.msi
[ -f "$program" ] || fail "parley.exe gone after the refused downgrade"
step "uninstall $next" 0 "" /x next.msi
[ ! -e "$(dirname "$program")" ] || fail "$(dirname "$program") left behind"
if "$wine" reg query 'HKLM\Software\Parley' /s 2>/dev/null | grep -q REG_; then fail "registry values left under HKLM\\Software\\Parley"; fi
log "upgrades OK"
