#!/usr/bin/env bash
# Checks the Windows artifacts in dist/ without Windows: the .exe is a 64-bit
# PE32+ GUI program with its icon, version information and manifest, linked
# only against DLLs that Windows has; the .msi holds that same .exe, the
# Start-menu shortcut, the .toml "Open with" entries, the PATH entry and the
# upgrade rules. (The release workflow also installs and removes the .msi on
# a Windows runner: packaging/windows/verify-install.ps1.)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

exe="$DIST/parley-$VERSION-windows-amd64.exe"
msi="$DIST/parley-$VERSION-windows-amd64.msi"
objdump=x86_64-w64-mingw32-objdump
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "verify-windows: $*" >&2; exit 1; }

log "$(basename "$exe")"
file "$exe" | sed "s|$DIST/||"
file "$exe" | grep -q 'PE32+ executable (GUI) x86-64' || fail "not a PE32+ GUI x86-64 executable"
$objdump -p "$exe" >"$tmp/pe"
grep -E '^(Magic|Subsystem|MajorSubsystemVersion|DllCharacteristics|Time/Date)' "$tmp/pe"
grep -q '^Subsystem[[:space:]]*00000002' "$tmp/pe" || fail "subsystem is not Windows GUI (2)"
echo "DLLs:" $(sed -n 's/^[[:space:]]*DLL Name: //p' "$tmp/pe" | sort -uf)
# Only DLLs of Windows itself: no MinGW runtime (libgcc, libwinpthread) to ship.
if sed -n 's/^[[:space:]]*DLL Name: //p' "$tmp/pe" | grep -viE '^(kernel32|user32|gdi32|opengl32|shell32|ole32|advapi32|winmm|ws2_32|msvcrt|imm32|dwmapi|setupapi|shcore|ntdll|bcrypt|powrprof|comdlg32|comctl32|uxtheme|version|userenv|winspool\.drv|oleaut32|api-ms-win-[a-z0-9-]*)\.dll$'; then
	fail "links against DLLs that Windows does not have (above)"
fi
if command -v wrestool >/dev/null; then
	echo "resources:"
	wrestool -l "$exe" | sed 's/^/  /'
	wrestool -l "$exe" | grep -q -- '--type=14' || fail "no icon group resource"
	wrestool -l "$exe" | grep -q -- '--type=16' || fail "no version resource"
	wrestool -l "$exe" | grep -q -- '--type=24' || fail "no manifest resource"
fi
strings -el "$exe" | grep -A1 -E '^(ProductName|FileVersion|ProductVersion|OriginalFilename)$' | grep -v -- -- | paste - - | sed 's/^/  /'
strings -el "$exe" | grep -qx "$VERSION.$BUILD" || fail "version $VERSION.$BUILD not in the version resource"

log "$(basename "$msi")"
msiinfo suminfo "$msi" | grep -E '^(Subject|Author|Template|Revision|Created)'
msiinfo suminfo "$msi" | grep -q '^Template: x64;1033' || fail "not an x64 package"
echo "tables:" $(msiinfo tables "$msi" | sort)
for t in Directory Component File Shortcut Registry Environment Upgrade Property LaunchCondition AppSearch RegLocator; do
	msiinfo export "$msi" "$t" | tr -d '\r' >"$tmp/$t.idt"
done
show() { # TABLE: its rows, without the three header lines
	echo "-- $1"
	tail -n +4 "$tmp/$1.idt" | sed 's/^/   /'
}
show Directory
show Component
show File
show Shortcut
show Registry
show Environment
show Upgrade
show LaunchCondition
show AppSearch
grep -E '^(ProductName|ProductVersion|Manufacturer|ProductCode|UpgradeCode|ALLUSERS)	' "$tmp/Property.idt" | sed 's/^/   /'
grep -q 'ProgramFiles64Folder' "$tmp/Directory.idt" || fail "not installed into 64-bit Program Files"
awk -F'\t' 'NR > 3 && $1 == "ParleyExe" && $4 == 256 { ok = 1 } END { exit !ok }' "$tmp/Component.idt" ||
	fail "component is not 64-bit"
grep -q '^StartMenuShortcut	ProgramMenuFolder	Parley	' "$tmp/Shortcut.idt" || fail "no Start-menu shortcut"
grep -q 'Software\\Classes\\.toml\\OpenWithProgids	Parley.Scenario' "$tmp/Registry.idt" || fail "no .toml Open-with entry"
if grep -P '\tSoftware\\Classes\\.toml\t\t' "$tmp/Registry.idt"; then fail "takes over the .toml default"; fi
grep -q '=-\*PATH' "$tmp/Environment.idt" || fail "no PATH entry"
msiinfo export "$msi" InstallExecuteSequence | grep -q WriteEnvironmentStrings || fail "PATH is never written"
# Upgrades (docs/building.md): VERSION.BUILD; the same x.y.z (any build) and
# older are removed; a newer x.y.z, or a newer build of this one, refused.
IFS=. read -r major minor patch _ <<<"$VERSION.0.0"
v4=$major.$minor.$patch.$BUILD
prop() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$tmp/Property.idt"; }
[ "$(prop ProductVersion)" = "$v4" ] || fail "ProductVersion is $(prop ProductVersion), not $v4"
awk -F'\t' -v v="$v4" 'NR > 3 && $2 == "" && $3 == v && $5 == 513 && $7 == "WIX_UPGRADE_DETECTED" { ok = 1 } END { exit !ok }' "$tmp/Upgrade.idt" ||
	fail "no Upgrade row removing versions up to and including $v4 (attributes 513)"
awk -F'\t' -v v="$v4" 'NR > 3 && $2 == v && $3 == "" && $5 == 2 && $7 == "WIX_DOWNGRADE_DETECTED" { ok = 1 } END { exit !ok }' "$tmp/Upgrade.idt" ||
	fail "no Upgrade row detecting newer versions"
grep -q "^Installed OR NOT (PARLEY_INSTALLED_VERSION = \"$major.$minor.$patch\" AND PARLEY_INSTALLED_BUILD > $BUILD)	" "$tmp/LaunchCondition.idt" ||
	fail "no launch condition refusing an older build"
grep -q "	Software\\\\Parley	Build	$BUILD	ParleyExe$" "$tmp/Registry.idt" || fail "the build is not written to HKLM\\Software\\Parley"
[ "$(prop ProductCode)" != "$(prop UpgradeCode)" ] || fail "ProductCode = UpgradeCode"

log "files in the .msi's cabinet"
msiextract -C "$tmp/x" "$msi" | sed 's/^/   /'
cmp "$tmp/x/Parley/parley.exe" "$exe" || fail "the .msi holds another parley.exe"
echo "   parley.exe in the .msi is dist/$(basename "$exe") (identical)"
log "Windows artifacts OK"
