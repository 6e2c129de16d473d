#!/usr/bin/env bash
# make-msi.sh EXE ICON VERSION BUILD OUT.msi: Parley's Windows installer for
# the program EXE, with wixl (parley.wxs) and msibuild. build-windows.sh runs
# it for the release; verify-msi-upgrade.sh runs it for other builds of the
# same program, to check upgrades. Reproducible: the same inputs give the
# same bytes (faketime at SOURCE_DATE_EPOCH, codes derived from the inputs).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/packaging/lib.sh"
[ $# -eq 5 ] || { echo "usage: make-msi.sh EXE ICON VERSION BUILD OUT.msi" >&2; exit 2; }
exe=$1 icon=$2 version=$3 build=$4 msi=$5
for tool in wixl msibuild msiinfo; do
	command -v "$tool" >/dev/null || { echo "make-msi: $tool not found (run: make deps)" >&2; exit 1; }
done

# Windows Installer versions: major <= 255, minor <= 255, third <= 65535, and
# only those three are compared; the build is the 4th field.
IFS=. read -r major minor patch _ <<<"$version.0.0"
if ((major > 255 || minor > 255 || patch > 65535 || build > 65535)); then
	echo "make-msi: version $version build $build does not fit a Windows Installer version (255.255.65535.65535)" >&2
	exit 1
fi
version3=$major.$minor.$patch

# Codes that change exactly when they must: the ProductCode with the version
# and the build (every release, a Build-only one too, is a major upgrade of
# the one before), the PackageCode with the content. The UpgradeCode (in
# parley.wxs) never changes.
uuid_of() { # a name-based UUID (SHA-256, version 5 layout) of $1
	local h
	h=$(printf '%s' "$1" | sha256 | cut -c1-32)
	printf '%s-%s-5%s-%x%s-%s' "${h:0:8}" "${h:8:4}" "${h:13:3}" $((0x${h:16:1} & 0x3 | 0x8)) "${h:17:3}" "${h:20:12}" |
		tr a-f A-F
}
product_code=$(uuid_of "$APP_ID product $version build $build")
package_code=$(uuid_of "$APP_ID package $version $build $(sha256 "$exe" "$icon" "$ROOT/packaging/windows/parley.wxs" "$0" | cut -c1-64)")

faketime=()
if command -v faketime >/dev/null; then
	faketime=(faketime -f "@$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S')")
else
	echo "make-msi: faketime not found: the .msi will carry the build time" >&2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$exe" "$tmp/$EXE.exe"
cp "$icon" "$tmp/parley.ico"
touch -d "@$SOURCE_DATE_EPOCH" "$tmp/$EXE.exe" "$tmp/parley.ico" # the cabinet keeps file times
rm -f "$msi"
(cd "$tmp" && "${faketime[@]}" wixl -a x64 \
	-D Version="$version3" -D Build="$build" -D ProductCode="$product_code" -D PackageCode="$package_code" \
	-D Manufacturer="$MANUFACTURER" -D ExeSource="$EXE.exe" -D IconSource=parley.ico \
	-o "$tmp/out.msi" "$ROOT/packaging/windows/parley.wxs")

# wixl has no <Environment>: add the PATH entry and its two standard actions.
# Nor MajorUpgrade's AllowSameVersionUpgrades: replace the row that finds the
# Parley to remove by one that includes this x.y.z (Attributes 1 + 0x200:
# migrate features, maximum inclusive; Attributes is part of the key, hence
# DELETE and INSERT), so that a Build-only re-release replaces the build
# before it instead of installing beside it. Nor <Condition>: add the
# LaunchCondition that refuses a build older than the installed one of the
# same x.y.z, as MajorUpgrade refuses an older x.y.z. Then set the
# PackageCode (wixl makes a random one).
q='`'
upgrade_code=$(msiinfo export "$tmp/out.msi" Property | tr -d '\r' | awk -F'\t' '$1 == "UpgradeCode" { print $2 }')
[ -n "$upgrade_code" ] || { echo "make-msi: no UpgradeCode in the .msi" >&2; exit 1; }
newer_build="Parley $version build [PARLEY_INSTALLED_BUILD] is already installed, newer than this build ($build). Uninstall it first to install this one."
"${faketime[@]}" msibuild "$tmp/out.msi" \
	-q "CREATE TABLE ${q}Environment$q (${q}Environment$q CHAR(72) NOT NULL, ${q}Name$q CHAR(255) NOT NULL LOCALIZABLE, ${q}Value$q CHAR(255) LOCALIZABLE, ${q}Component_$q CHAR(72) NOT NULL PRIMARY KEY ${q}Environment$q)" \
	-q "INSERT INTO ${q}Environment$q (${q}Environment$q, ${q}Name$q, ${q}Value$q, ${q}Component_$q) VALUES ('Path', '=-*PATH', '[~];[INSTALLDIR]', 'ParleyExe')" \
	-q "INSERT INTO ${q}InstallExecuteSequence$q (${q}Action$q, ${q}Sequence$q) VALUES ('RemoveEnvironmentStrings', 3300)" \
	-q "INSERT INTO ${q}InstallExecuteSequence$q (${q}Action$q, ${q}Sequence$q) VALUES ('WriteEnvironmentStrings', 5200)" \
	-q "DELETE FROM ${q}Upgrade$q WHERE ${q}ActionProperty$q = 'WIX_UPGRADE_DETECTED'" \
	-q "INSERT INTO ${q}Upgrade$q (${q}UpgradeCode$q, ${q}VersionMax$q, ${q}Attributes$q, ${q}ActionProperty$q) VALUES ('$upgrade_code', '$version3.$build', 513, 'WIX_UPGRADE_DETECTED')" \
	-q "INSERT INTO ${q}LaunchCondition$q (${q}Condition$q, ${q}Description$q) VALUES ('Installed OR NOT (PARLEY_INSTALLED_VERSION = \"$version3\" AND PARLEY_INSTALLED_BUILD > $build)', '$newer_build')" \
	-q "UPDATE ${q}Property$q SET ${q}Value$q = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED;PARLEY_INSTALLED_VERSION;PARLEY_INSTALLED_BUILD' WHERE ${q}Property$q = 'SecureCustomProperties'" \
	-s "$APP_NAME $version installer" "$MANUFACTURER" "x64;1033" "{$package_code}"
mv "$tmp/out.msi" "$msi"
touch -d "@$SOURCE_DATE_EPOCH" "$msi"
