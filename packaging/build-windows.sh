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
for tool in "$CC" wixl msibuild msiinfo; do
	command -v "$tool" >/dev/null || { echo "build-windows: $tool not found (run: make deps)" >&2; exit 1; }
done
src="$WORK/src-windows"
out="$WORK/windows"
rm -rf "$out"
mkdir -p "$out" "$DIST"
rm -f "$DIST"/parley-*-windows-*.exe "$DIST"/parley-*-windows-*.msi

# A Windows version has four numbers: x.y.z.build. Windows Installer keeps
# major <= 255, minor <= 255, the third <= 65535 (and compares only those).
IFS=. read -r major minor patch _ <<<"$VERSION.0.0"
if ((major > 255 || minor > 255 || patch > 65535 || BUILD > 65535)); then
	echo "build-windows: Version $VERSION build $BUILD in FyneApp.toml does not fit a Windows version (255.255.65535.65535)" >&2
	exit 1
fi

log "staging sources"
stage_src "$src"

log "Windows resources: icon, version information, manifest"
sed -e "s/@VERSION4@/$major.$minor.$patch.$BUILD/" "$ROOT/packaging/windows/parley.exe.manifest" >"$out/parley.exe.manifest"
cp "$ROOT/assets/icon/parley.ico" "$out/parley.ico"
sed -e "s/@MAJOR@/$major/g" -e "s/@MINOR@/$minor/g" -e "s/@PATCH@/$patch/g" -e "s/@BUILD@/$BUILD/g" \
	-e "s/@VERSION@/$VERSION/g" -e "s/@MANUFACTURER@/$MANUFACTURER/g" \
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
msi="$DIST/parley-$VERSION-windows-amd64.msi"
"$ROOT/packaging/windows/make-msi.sh" "$out/$EXE.exe" "$out/parley.ico" "$VERSION" "$BUILD" "$msi"

exe="$DIST/parley-$VERSION-windows-amd64.exe"
cp "$out/$EXE.exe" "$exe"
touch -d "@$SOURCE_DATE_EPOCH" "$exe" "$msi"
ls -l "$exe" "$msi"
