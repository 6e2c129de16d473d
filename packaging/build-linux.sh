#!/usr/bin/env bash
# Builds Parley's Linux release into dist/:
#   parley-VERSION-linux-amd64.tar.xz   for other distributions: the binary,
#                                       the .desktop file (from `fyne package`),
#                                       icons, man page, and an install Makefile
#                                       (packaging/linux/archive)
#   parley_VERSION-BUILD_amd64.deb      Debian/Ubuntu package
# Run through `make linux` (or `make dist`). Needs: Go, gcc, the X11/GL
# headers, dpkg-dev, xz (make deps installs them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

arch=$(go env GOARCH)
debarch=$(dpkg --print-architecture 2>/dev/null || echo "$arch")
src="$WORK/src-linux"
out="$WORK/linux"
rm -rf "$out"
mkdir -p "$out" "$DIST"
rm -f "$DIST"/parley-*-linux-*.tar.xz "$DIST"/parley_*.deb

log "staging sources"
stage_src "$src"

log "building $EXE $VERSION (build $BUILD) for linux/$arch"
# fyne build -release: -trimpath, -ldflags "-s -w", -tags release, hardening
# CFLAGS/LDFLAGS, and the app metadata (ID, version, icon) built in.
# PIE as Debian expects.
(cd "$src" && GOFLAGS="$GOFLAGS -buildmode=pie" fyne build -os linux -release -o "$out/$EXE")

log "fyne package (the desktop file)"
(cd "$src" && fyne package -os linux -release -executable "$out/$EXE")
mkdir -p "$out/fyne"
tar -xJf "$src/$APP_NAME.tar.xz" -C "$out/fyne"
desktop=$(find "$out/fyne" -name "$APP_ID.desktop")
# Parley opens one file per window: %f, not %F (fyne's default, which would
# pass several files to one `parley` call); lists end with ";". And it is not
# a terminal program.
sed -i -e 's/^\(Exec=.*\) %F$/\1 %f/' -e 's/^\(MimeType=.*[^;]\)$/\1;/' "$desktop"
grep -q '^Terminal=' "$desktop" || sed -i -e '/^Type=Application$/a Terminal=false' "$desktop"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi

# What both the archive and the .deb install under their prefix's share/:
# the desktop entry, the hicolor icons, the man page.
common="$out/share"
install -Dm0644 "$desktop" "$common/applications/$APP_ID.desktop"
for size in 16 24 32 48 64 128 256; do
	install -Dm0644 "$ROOT/assets/icon/parley-$size.png" "$common/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -Dm0644 "$ROOT/assets/icon/parley.png" "$common/icons/hicolor/512x512/apps/$APP_ID.png"
install -Dm0644 "$ROOT/assets/icon/parley.svg" "$common/icons/hicolor/scalable/apps/$APP_ID.svg"
mkdir -p "$common/man/man1"
sed -e "s/@VERSION@/$VERSION/g" -e "s/@DATE@/$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)/g" \
	"$ROOT/packaging/linux/parley.1" | gzip -9n >"$common/man/man1/$EXE.1.gz"

log "the .tar.xz"
# Our own install Makefile, not fyne's: fyne bakes the .desktop file's Exec
# line (with its %F) into its Makefile as the binary's name.
arc="$out/archive/$EXE"
install -Dm0755 "$out/$EXE" "$arc/bin/$EXE"
cp -R "$common" "$arc/share"
install -Dm0644 "$ROOT/packaging/linux/archive/Makefile" "$arc/Makefile"
install -Dm0644 "$ROOT/packaging/linux/archive/install.sh" "$arc/install.sh"
normalise "$out/archive"
tarball="$DIST/parley-$VERSION-linux-$arch.tar.xz"
tar_xz "$out/archive" "$EXE" "$tarball"

log "building the .deb"
pkg="$out/deb"
share="$pkg/usr/share"
install -Dm0755 "$out/$EXE" "$pkg/usr/bin/$EXE"
mkdir -p "$pkg/usr"
cp -R "$common" "$share"
install -Dm0644 "$ROOT/packaging/linux/$APP_ID.xml" "$share/mime/packages/$APP_ID.xml"
install -Dm0644 "$ROOT/packaging/linux/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
sed -i -e "s/@VERSION@/$VERSION/g" -e "s/@DATE@/$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)/g" \
	"$share/metainfo/$APP_ID.metainfo.xml"

doc="$share/doc/$EXE"
mkdir -p "$doc"
{
	cat "$ROOT/packaging/linux/copyright"
	printf '\nFiles: (statically linked Go modules)\n'
	printf 'Comment: The parley binary is built from these Go modules; their\n'
	printf ' licences are in each module'"'"'s source at its version.\n .\n'
	(cd "$src" && GOOS=linux go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}' . |
		sort -u | sed -e 's/^/ /')
	printf 'Copyright: the authors of each module\nLicense: various (BSD-3-clause, MIT, Apache-2.0 and others)\n'
} >"$doc/copyright"
debversion="$VERSION-$BUILD"
{
	printf 'parley (%s) unstable; urgency=medium\n\n' "$debversion"
	printf '  * Release %s (build %s). See https://github.com/parleyhq/parley/releases.\n\n' "$VERSION" "$BUILD"
	printf ' -- %s  %s\n' "$MAINTAINER" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n >"$doc/changelog.Debian.gz"
install -Dm0644 "$ROOT/packaging/linux/lintian-overrides" "$share/lintian/overrides/$EXE"

# Runtime libraries: those dpkg-shlibdeps finds in the binary's NEEDED
# entries (libc6, libgl1, libx11-6), plus those GLFW loads with dlopen, which
# no tool can see (Xcursor, XInput2, Xinerama, XRandR, XF86VidMode).
dlopened="libxcursor1, libxi6, libxinerama1, libxrandr2, libxxf86vm1"
shlib="$out/shlibdeps"
mkdir -p "$shlib/debian"
printf 'Source: parley\n\nPackage: parley\nArchitecture: any\n' >"$shlib/debian/control"
depends=$(cd "$shlib" && dpkg-shlibdeps -O -e"$pkg/usr/bin/$EXE" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }
depends="$depends, $dlopened"
installed_size=$(find "$pkg" ! -type d -printf '%s\n' | awk '{ s += int(($1 + 1023) / 1024) } END { print s }')

mkdir -p "$pkg/DEBIAN"
sed -e "s/@VERSION@/$debversion/" -e "s/@ARCH@/$debarch/" -e "s/@DEPENDS@/$depends/" \
	-e "s/@INSTALLED_SIZE@/$installed_size/" -e "s|@MAINTAINER@|$MAINTAINER|" -e "s|@HOMEPAGE@|$HOMEPAGE|" \
	"$ROOT/packaging/linux/control" >"$pkg/DEBIAN/control"
normalise "$pkg"
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
chmod 0644 "$pkg/DEBIAN/md5sums"
touch -d "@$SOURCE_DATE_EPOCH" "$pkg/DEBIAN/md5sums"
deb="$DIST/parley_${debversion}_$debarch.deb"
dpkg-deb --root-owner-group --threads-max=1 -Zxz -z9 --build "$pkg" "$deb" >/dev/null

ls -l "$tarball" "$deb"
