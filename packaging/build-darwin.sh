#!/usr/bin/env bash
# Builds Parley for macOS into dist/ (on a Mac with Xcode's command line tools):
#   parley-VERSION-macos-universal.dmg   Parley.app (arm64 + x86_64), to drag
#                                        into Applications
# Run through `make darwin` (or `make dist` on a Mac).
#
# Signing and notarisation happen when these are set (the release workflow
# sets them from repository secrets); without them the app is signed ad hoc,
# which runs on the Mac that built it and, elsewhere, once the user allows it:
# System Settings > Privacy & Security > Open Anyway (macOS 15 and later; on
# 12 to 14 also right-click > Open), or xattr -dr com.apple.quarantine.
#   MACOS_SIGN_IDENTITY   a "Developer ID Application: NAME (TEAMID)" identity
#                         in the keychain
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
#                         for notarytool (an app-specific password)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

[ "$(uname -s)" = Darwin ] || { echo "build-darwin: run this on macOS" >&2; exit 1; }
src="$WORK/src-darwin"
out="$WORK/darwin"
rm -rf "$out"
mkdir -p "$out" "$DIST"
rm -f "$DIST"/parley-*-macos-*.dmg
# The oldest macOS that Go 1.26 supports (Go 1.27 will need 13.0): the C code
# is compiled for it, and Info.plist's LSMinimumSystemVersion says it.
export MACOSX_DEPLOYMENT_TARGET=12.0

log "staging sources"
stage_src "$src"

# One build per architecture (cgo cross-compiles between them with Xcode's
# clang: Go passes -arch), then one universal binary.
for arch in arm64 amd64; do
	log "building $EXE $VERSION (build $BUILD) for darwin/$arch"
	(cd "$src" && GOARCH=$arch fyne build -os darwin -release -o "$out/$EXE-$arch")
done
lipo -create -output "$out/$EXE" "$out/$EXE-arm64" "$out/$EXE-amd64"
lipo -info "$out/$EXE"

log "fyne package -os darwin (Parley.app, icon.icns, Info.plist)"
(cd "$src" && fyne package -os darwin -release -executable "$out/$EXE")
app="$out/$APP_NAME.app"
mv "$src/$APP_NAME.app" "$app"
plist="$app/Contents/Info.plist"
pb() { /usr/libexec/PlistBuddy -c "$1" "$plist"; }
# fyne package leaves the category empty and says 10.11; no document types:
# Fyne does not receive files opened from the Finder (Apple Events), so
# Parley does not offer to open .toml files there.
pb "Set :LSApplicationCategoryType public.app-category.productivity"
pb "Set :LSMinimumSystemVersion $MACOSX_DEPLOYMENT_TARGET"
pb "Add :NSHumanReadableCopyright string The Parley contributors" || true
plutil -lint "$plist"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	log "signing with $MACOS_SIGN_IDENTITY (hardened runtime)"
	codesign --force --timestamp --options runtime \
		--entitlements "$ROOT/packaging/darwin/entitlements.plist" \
		--sign "$MACOS_SIGN_IDENTITY" "$app"
else
	log "signing ad hoc (no MACOS_SIGN_IDENTITY)"
	codesign --force --sign - "$app"
fi
codesign --verify --strict --verbose=2 "$app"

log "disk image"
dmg="$DIST/parley-$VERSION-macos-universal.dmg"
stage="$out/dmg"
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "$APP_NAME $VERSION" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
	log "notarising (xcrun notarytool; takes a few minutes)"
	xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
		--password "$APPLE_APP_PASSWORD" --wait
	xcrun stapler staple "$dmg"
	spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
else
	echo "build-darwin: not notarised (set MACOS_SIGN_IDENTITY, APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD)" >&2
fi
ls -l "$dmg"
