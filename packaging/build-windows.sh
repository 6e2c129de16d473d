#!/usr/bin/env bash
# Cross-builds Parley for 64-bit Windows into dist/:
#   parley-VERSION-windows-amd64.exe   the program (GUI subsystem, icon,
#                                      version information and manifest embedded)
#   parley-VERSION-windows-amd64.msi   its installer
# Run through `make windows` (or `make dist`) on Linux. Needs: Go, mingw-w64
# (gcc-mingw-w64-x86-64), wixl and msitools; faketime for a byte-identical
# .msi (make deps installs them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

export GOOS=windows GOARCH=amd64
export CC=${CC_WINDOWS:-x86_64-w64-mingw32-gcc} CXX=${CXX_WINDOWS:-x86_64-w64-mingw32-g++}
for tool in "$CC" wixl msibuild; do
	command -v "$tool" >/dev/null || { echo "build-windows: $tool not found (run: make deps)" >&2; exit 1; }
done
src="$WORK/src-windows"
out="$WORK/windows"
rm -rf "$out"
mkdir -p "$out" "$DIST"
rm -f "$DIST"/parley-*-windows-*.exe "$DIST"/parley-*-windows-*.msi

# A Windows version has four numbers: x.y.z.build.
IFS=. read -r major minor patch _ <<<"$VERSION.0.0"
manufacturer="The Parley contributors"

log "staging sources"
stage_src "$src"

log "Windows resources: icon, version information, manifest"
sed -e "s/@VERSION4@/$major.$minor.$patch.$BUILD/" "$ROOT/packaging/windows/parley.exe.manifest" >"$out/parley.exe.manifest"
cp "$ROOT/assets/icon/parley.ico" "$out/parley.ico"
sed -e "s/@MAJOR@/$major/g" -e "s/@MINOR@/$minor/g" -e "s/@PATCH@/$patch/g" -e "s/@BUILD@/$BUILD/g" \
	-e "s/@VERSION@/$VERSION/g" -e "s/@MANUFACTURER@/$manufacturer/g" \
	-e "s|@ICON@|$out/parley.ico|" -e "s|@MANIFEST@|$out/parley.exe.manifest|" \
	"$ROOT/packaging/windows/versioninfo.json" >"$out/versioninfo.json"
# A windows/amd64-only file name: other platforms' builds never see it.
(cd "$src" && host_go run github.com/josephspurrier/goversioninfo/cmd/goversioninfo@v1.7.0 \
	-64 -o rsrc_windows_amd64.syso "$out/versioninfo.json")

log "building $EXE.exe $VERSION (build $BUILD) for windows/amd64 with $CC"
# fyne build -release: -ldflags "-H=windowsgui -s -w" (a GUI program: no
# console window), -trimpath, -tags release, and the app metadata built in.
# --no-insert-timestamp: no build time in the PE header (reproducible).
(cd "$src" && GOFLAGS="$GOFLAGS -ldflags=-extldflags=-Wl,--no-insert-timestamp" \
	fyne build -os windows -release -o "$out/$EXE.exe")

log "building the .msi"
# Codes that change exactly when they must: the ProductCode with the version
# (so a new version is a major upgrade), the PackageCode with the content.
uuid_of() { # a name-based UUID (SHA-256, version 5 layout) of $1
	local h
	h=$(printf '%s' "$1" | sha256 | cut -c1-32)
	printf '%s-%s-5%s-%x%s-%s' "${h:0:8}" "${h:8:4}" "${h:13:3}" $((0x${h:16:1} & 0x3 | 0x8)) "${h:17:3}" "${h:20:12}" |
		tr a-f A-F
}
product_code=$(uuid_of "$APP_ID product $VERSION")
package_code=$(uuid_of "$APP_ID package $VERSION $BUILD $(sha256 "$out/$EXE.exe" "$out/parley.ico" "$ROOT/packaging/windows/parley.wxs" | cut -c1-64)")
msi="$DIST/parley-$VERSION-windows-amd64.msi"
faketime=()
if command -v faketime >/dev/null; then
	faketime=(faketime -f "@$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S')")
else
	echo "build-windows: faketime not found: the .msi will carry the build time" >&2
fi
touch -d "@$SOURCE_DATE_EPOCH" "$out/$EXE.exe" "$out/parley.ico" # the cabinet keeps file times
(cd "$out" && "${faketime[@]}" wixl -a x64 \
	-D Version="$major.$minor.$patch" -D ProductCode="$product_code" -D PackageCode="$package_code" \
	-D Manufacturer="$manufacturer" -D ExeSource="$EXE.exe" -D IconSource=parley.ico \
	-o "$msi" "$ROOT/packaging/windows/parley.wxs")
# wixl has no <Environment>: add the PATH entry and its two standard actions,
# and set the PackageCode (wixl makes a random one).
q='`'
"${faketime[@]}" msibuild "$msi" \
	-q "CREATE TABLE ${q}Environment$q (${q}Environment$q CHAR(72) NOT NULL, ${q}Name$q CHAR(255) NOT NULL LOCALIZABLE, ${q}Value$q CHAR(255) LOCALIZABLE, ${q}Component_$q CHAR(72) NOT NULL PRIMARY KEY ${q}Environment$q)" \
	-q "INSERT INTO ${q}Environment$q (${q}Environment$q, ${q}Name$q, ${q}Value$q, ${q}Component_$q) VALUES ('Path', '=-*PATH', '[~];[INSTALLDIR]', 'ParleyExe')" \
	-q "INSERT INTO ${q}InstallExecuteSequence$q (${q}Action$q, ${q}Sequence$q) VALUES ('RemoveEnvironmentStrings', 3300)" \
	-q "INSERT INTO ${q}InstallExecuteSequence$q (${q}Action$q, ${q}Sequence$q) VALUES ('WriteEnvironmentStrings', 5200)" \
	-s "$APP_NAME $VERSION installer" "$manufacturer" "x64;1033" "{$package_code}"

exe="$DIST/parley-$VERSION-windows-amd64.exe"
cp "$out/$EXE.exe" "$exe"
touch -d "@$SOURCE_DATE_EPOCH" "$exe" "$msi"
ls -l "$exe" "$msi"
