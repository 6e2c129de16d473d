# Common settings of the packaging scripts: sourced, not run. The scripts
# set ROOT (the repository) before sourcing this file.
#
# Everything here comes from FyneApp.toml, the one place the name, app ID,
# version and build number are set. Release builds are made reproducible:
#   - Go:      -trimpath -buildvcs=false (GOFLAGS), fixed toolchain from go.mod
#   - archives: every file's mtime is SOURCE_DATE_EPOCH, entries sorted,
#              owner root:root, single-threaded xz, gzip -n
# SOURCE_DATE_EPOCH is the last commit's time, or a fixed date without git.

set -euo pipefail
export LC_ALL=C TZ=UTC
umask 022

DIST="$ROOT/dist"
WORK="$DIST/.build" # intermediate files; never shipped
mkdir -p "$WORK"

# host_go ARGS: go for this machine, whatever GOOS, GOARCH and CC the build
# is cross-compiling with.
host_go() { env -u GOOS -u GOARCH -u CC -u CXX go "$@"; }

# The fyne CLI, pinned, built once into dist/.tools. Not in go.mod:
# fyne.io/tools needs a newer fyne.io/fyne than the app uses.
FYNE_TOOLS_VERSION=v1.7.4
fyne() {
	local bin="$DIST/.tools/fyne-$FYNE_TOOLS_VERSION"
	if [ ! -x "$bin" ]; then
		GOBIN="$DIST/.tools" host_go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
		mv "$DIST/.tools/fyne" "$bin"
	fi
	"$bin" "$@"
}

# toml_get SECTION KEY: a string or integer value from FyneApp.toml.
toml_get() {
	awk -v want="[$1]" -v key="$2" '
		/^[[:space:]]*\[/ { sec = $0; gsub(/[[:space:]]/, "", sec); next }
		sec == want {
			line = $0
			sub(/^[[:space:]]*/, "", line)
			if (substr(line, 1, length(key)) != key) next
			rest = substr(line, length(key) + 1)
			if (rest !~ /^[[:space:]]*=/) next
			sub(/^[[:space:]]*=[[:space:]]*/, "", rest)
			if (rest ~ /^"/) { sub(/^"/, "", rest); sub(/".*$/, "", rest) }
			else { sub(/[[:space:]#].*$/, "", rest) }
			print rest
			exit
		}' "$ROOT/FyneApp.toml"
}

APP_NAME=$(toml_get Details Name)   # Parley
APP_ID=$(toml_get Details ID)       # org.parleyhq.parley
VERSION=$(toml_get Details Version) # 0.1.0
BUILD=$(toml_get Details Build)     # 1
HOMEPAGE=$(awk -F'"' '/^Website[[:space:]]*=/ { print $2; exit }' "$ROOT/FyneApp.toml")
EXE=parley
MAINTAINER="Parley developers <parley@parleyhq.org>"
MANUFACTURER="The Parley contributors" # Windows: version information, .msi
for v in APP_NAME APP_ID VERSION BUILD; do
	[ -n "${!v}" ] || { echo "packaging: FyneApp.toml has no $v" >&2; exit 1; }
done
case "$VERSION" in
*[!0-9.]* | .* | *. | *..*)
	echo "packaging: Version \"$VERSION\" in FyneApp.toml must be numbers and dots (x.y.z)" >&2
	exit 1
	;;
esac

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || true)
	: "${SOURCE_DATE_EPOCH:=1767225600}" # 2026-01-01T00:00:00Z, before the first commit
fi
export SOURCE_DATE_EPOCH
export GOFLAGS="-trimpath -buildvcs=false"
export CGO_ENABLED=1

log() { printf '\n== %s\n' "$*" >&2; }

# stage_src DIR: a clean copy of the sources to build from. The fyne CLI
# writes generated files (the metadata init file, Windows resources) into the
# directory it builds, and bumps FyneApp.toml's build number when packaging:
# neither must touch the work tree. Ignored files (build outputs) are left out.
stage_src() {
	local dir=$1
	rm -rf "$dir"
	mkdir -p "$dir"
	if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
			tar --null --no-recursion -T - -cf -) | tar -xf - -C "$dir"
	else # a source tarball without git
		tar -C "$ROOT" --exclude=./dist --exclude=./.git -cf - . | tar -xf - -C "$dir"
	fi
}

# normalise DIR: fixed modes and mtimes for reproducible archives.
normalise() {
	find "$1" -type d -exec chmod 0755 {} +
	find "$1" -type f -perm /0111 -exec chmod 0755 {} +
	find "$1" -type f ! -perm /0111 -exec chmod 0644 {} +
	find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# tar_xz DIR NAME OUT: a reproducible .tar.xz of DIR/NAME.
tar_xz() {
	tar -C "$1" --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
		--mtime="@$SOURCE_DATE_EPOCH" -cf - "$2" | xz -T1 -9e -c >"$3"
}

# sha256 FILE...: "HASH  NAME" lines, on Linux and macOS alike.
sha256() {
	if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}
