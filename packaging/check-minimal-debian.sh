#!/usr/bin/env bash
# check-minimal-debian.sh [--rev REV] [--out DIR] [--keep] [SCENARIO...]
#
# Proves the README's two commands on a minimal Debian 12: a fresh
# `debootstrap --variant=minbase bookworm` system (no ca-certificates, no
# curl, no git, no compiler), a clone of this repository in it, and then
#
#   root  as root, with this machine's /usr/local/go (the Go the README asks
#         for) mounted read-only: `scripts/test`, no display; then
#         `scripts/run` with no display (must exit non-zero with a message,
#         not a stack trace) and under Xvfb (must build, start and draw a
#         window: a screenshot is kept);
#   user  as an ordinary user who may use sudo, with no Go at all:
#         `scripts/run` under Xvfb (deps.sh installs the packages through sudo
#         and fetches Go from the module proxy into ~/sdk);
#   deb   the built dist/parley_*.deb (make linux first), as the README
#         installs it: `apt-get install ./parley_*.deb`, so its Depends must
#         bring everything; parley version, example, validate and render (SVG,
#         PNG, PDF) as root and as another user, no display, the window under
#         Xvfb (screenshot kept), an upgrade to the next build, then
#         `apt-get remove --purge` with nothing of it left.
#
# Each scenario starts from its own fresh copy of the minimal system
# (debootstrap runs once; its result is kept in $CACHE). Default: root and
# user.
# Exit 0 when every step passed. Logs and screenshots go to --out (default
# ${TMPDIR:-/tmp}/parley-minimal-debian). The clone is of REV (default HEAD),
# i.e. committed work only.
#
# Needs root, debootstrap (apt-get install debootstrap), and network access
# to the Debian mirror (the first deb.debian.org-style URI of this machine's
# apt sources, or $MIRROR) and to the Go module proxy. It changes nothing
# outside its temporary directories: the chroot's mounts live in a private
# mount namespace and vanish with it. Not part of scripts/test: it needs
# root and takes about as long as scripts/test itself.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
rev=HEAD
out=${TMPDIR:-/tmp}/parley-minimal-debian
keep=
scenarios=()
while (($#)); do
	case "$1" in
	--rev) rev=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--keep) keep=1; shift ;;
	-h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
	root | user | deb) scenarios+=("$1"); shift ;;
	*) echo "check-minimal-debian: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
done
((${#scenarios[@]})) || scenarios=(root user)
[ "$(id -u)" -eq 0 ] || { echo "check-minimal-debian: run as root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "check-minimal-debian: apt-get install debootstrap" >&2; exit 2; }
commit=$(git -C "$ROOT" rev-parse --verify "$rev^{commit}")

# The Debian mirror this machine uses (deb822 "URIs:" or one-line "deb").
if [ -z "${MIRROR:-}" ]; then
	MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '/^URIs:/ { print $2 } /^deb / { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }' |
		grep -E '/debian/?$' | head -n 1 || true)
	: "${MIRROR:=http://deb.debian.org/debian}"
fi
SECURITY_MIRROR=${SECURITY_MIRROR:-${MIRROR%/debian*}/debian-security}
CACHE=${CACHE:-/var/cache/parley-check}
base="$CACHE/bookworm-minbase.tar"
mkdir -p "$out" "$CACHE"
failed=0
t0=$SECONDS

say() { printf '\n== %s\n' "$*"; }
elapsed() { local s=$((SECONDS - $1)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
fail() { echo "FAIL: $*"; failed=1; }

if [ ! -s "$base" ]; then
	say "debootstrap --variant=minbase bookworm ($MIRROR)"
	t=$SECONDS
	tmp=$(mktemp -d /var/tmp/parley-minbase.XXXXXX)
	mkdir -p "$CACHE/debs"
	debootstrap --variant=minbase --cache-dir="$CACHE/debs" bookworm "$tmp/root" "$MIRROR" >"$out/debootstrap.log" 2>&1 ||
		{ tail -n 20 "$out/debootstrap.log"; rm -rf --one-file-system "$tmp"; exit 1; }
	tar -C "$tmp/root" --numeric-owner -cf "$base.tmp" .
	mv "$base.tmp" "$base"
	rm -rf --one-file-system "$tmp"
	echo "minimal system: $(du -sh "$base" | cut -f1) in $base ($(elapsed $t))"
fi

# new_root DIR: a fresh minimal Debian in DIR, with a clone of the repository.
new_root() {
	local dir=$1
	mkdir -p "$dir"
	tar -C "$dir" --numeric-owner -xf "$base"
	cp /etc/resolv.conf "$dir/etc/resolv.conf"
	# Certificates this machine's administrator added (for a network whose
	# HTTPS goes through an inspecting proxy, say) are put where any
	# administrator on that network would put them; they take effect only
	# once ca-certificates is installed, which the minimal system lacks.
	if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
		mkdir -p "$dir/usr/local/share/ca-certificates"
		cp /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/"
	fi
	printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
		"$MIRROR" "$MIRROR" "$SECURITY_MIRROR" >"$dir/etc/apt/sources.list"
}

# pkg_state DIR PACKAGE: "installed" or "not installed" in DIR.
pkg_state() {
	if chroot "$1" dpkg-query -W -f='${Status}' "$2" 2>/dev/null | grep -q 'install ok installed'; then
		echo installed
	else
		echo "not installed"
	fi
}

# clone DIR: the repository at $commit in DIR, as a newcomer's `git clone`.
clone() {
	git clone -q --no-checkout "$ROOT" "$1"
	git -C "$1" checkout -q --detach "$commit"
}

# in_root DIR SCRIPT: runs SCRIPT (bash, on the host) in a private mount
# namespace in which DIR has /proc, /sys and /dev/shm mounted; SCRIPT reaches
# the system as chroot "$R" ....
in_root() {
	R=$1 unshare --mount --propagation private bash -euo pipefail -c '
		mount -t proc proc "$R/proc"
		mount -t sysfs sys "$R/sys"
		mkdir -p "$R/dev/shm" && mount -t tmpfs -o mode=1777 shm "$R/dev/shm"
		if [ -n "${GO_ROOT:-}" ]; then
			mkdir -p "$R/usr/local/go"
			mount --bind "$GO_ROOT" "$R/usr/local/go"
			mount -o remount,bind,ro "$R/usr/local/go"
		fi
		'"$2"
}

# gui_check DIR USERSPEC HOME SRC NAME: under Xvfb in DIR, `scripts/run` as
# USERSPEC must build, start and still run after the window has had time to
# draw; the screenshot goes to $out/NAME.png.
gui_check() {
	local dir=$1 userspec=$2 home=$3 src=$4 name=$5
	say "$name: Xvfb, then scripts/run"
	local t=$SECONDS rc=0
	rm -f "$dir$src/bin/parley"
	GO_ROOT=${GO_ROOT:-} in_root "$dir" '
		# Xvfb picks a display free both in the chroot and on this machine
		# (the chroot shares its abstract sockets) and says which once it
		# listens.
		chroot "$R" Xvfb -displayfd 3 -noreset -screen 0 1400x900x24 -nolisten tcp \
			3>"$R/tmp/display" >"'"$out/$name-xvfb.log"'" 2>&1 &
		xvfb=$!
		trap "kill $xvfb 2>/dev/null || true" EXIT
		for i in $(seq 1 60); do
			[ -s "$R/tmp/display" ] && break
			kill -0 $xvfb 2>/dev/null || { echo "Xvfb failed:"; cat "'"$out/$name-xvfb.log"'"; exit 1; }
			sleep 0.5
		done
		[ -s "$R/tmp/display" ] || { echo "Xvfb did not start in 30 s"; exit 1; }
		n=$(tr -dc 0-9 <"$R/tmp/display")
		echo "Xvfb :$n"
		chroot --userspec='"$userspec"' "$R" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			HOME='"$home"' DISPLAY=:$n LIBGL_ALWAYS_SOFTWARE=1 bash -c "cd '"$src"' && exec scripts/run" &
		app=$!
		# Wait for the build (the binary appears) and then for the window.
		for i in $(seq 1 1800); do
			[ -x "$R'"$src"'/bin/parley" ] && break
			kill -0 $app 2>/dev/null || break
			sleep 1
		done
		sleep 12
		if ! kill -0 $app 2>/dev/null; then
			wait $app || echo "scripts/run exited with status $?"
			kill -0 $xvfb 2>/dev/null && echo "(Xvfb :$n is still running)" || echo "(Xvfb :$n is gone)"
			exit 1
		fi
		DISPLAY=:$n import -window root "'"$out/$name.png"'" || echo "screenshot failed"
		kill $app; wait $app 2>/dev/null || true
	' >"$out/$name.log" 2>&1 || rc=$?
	sed 's/^/   /' "$out/$name.log"
	if [ $rc -ne 0 ]; then
		fail "$name: scripts/run did not keep a window open (log: $out/$name.log)"
		return
	fi
	if [ -s "$out/$name.png" ] && command -v convert >/dev/null; then
		local colours
		colours=$(convert "$out/$name.png" -format '%k' info:)
		echo "$name: window drawn, screenshot $out/$name.png ($colours colours) after $(elapsed $t)"
		[ "$colours" -ge 50 ] || fail "$name: the window looks blank"
	else
		echo "$name: scripts/run started and kept running ($(elapsed $t)); no screenshot"
	fi
}

# deb_check DIR DEB: the .deb in the minimal system DIR, as a user meets it.
deb_check() {
	local dir=$1 deb=$2 name t=$SECONDS rc=0 version next
	name=$(basename "$deb")
	version=$(dpkg-deb -f "$deb" Version)
	next="${version%-*}-$((${version##*-} + 1))"
	cp "$deb" "$dir/tmp/$name"
	# The next build: the same package, repacked with the next revision.
	dpkg-deb -R "$deb" "$dir/tmp/next"
	sed -i "s/^Version: .*/Version: $next/" "$dir/tmp/next/DEBIAN/control"
	dpkg-deb --root-owner-group -b "$dir/tmp/next" "$dir/tmp/next.deb" >/dev/null
	rm -rf "$dir/tmp/next"
	say "deb: minimal Debian 12, apt-get install ./$name, then the upgrade to $next and remove --purge"
	in_root "$dir" '
		C() { chroot "$R" env -i PATH='"$PATHS"' HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }
		U() { chroot --userspec=1000:1000 "$R" env -i PATH='"$PATHS"' HOME=/home/u "$@"; }
		before=$(C dpkg-query -W -f="\${Package}\n" | wc -l)
		C apt-get update -q >/dev/null
		C apt-get install -y -q /tmp/'"$name"' >"$R/tmp/deb-install.log" 2>&1 || { cat "$R/tmp/deb-install.log"; exit 1; }
		grep -E "^(Need to get|After this)" "$R/tmp/deb-install.log"
		echo "packages: $before before, $(C dpkg-query -W -f="\${Package}\n" | wc -l) after"
		C parley version
		C bash -c "cd /tmp && parley example >ex.toml && parley validate ex.toml && parley render -o ex.svg ex.toml && parley render -o ex.png ex.toml && parley render -o ex.pdf ex.toml && ls -l ex.svg ex.png ex.pdf | awk '"'"'{ print \$5, \$NF }'"'"'"
		C useradd -m -d /home/u u
		U bash -c "cd && parley example >e.toml && parley render -o e.svg e.toml && echo \"another user: render wrote \$(wc -c <e.svg) bytes\""
		rc=0; U parley 2>&1 || rc=$?
		[ $rc -eq 1 ] || { echo "no display: exit $rc, expected 1"; exit 1; }
		# The window, under Xvfb (installed for this and removed again).
		C apt-get install -y -q --no-install-recommends xvfb imagemagick >"$R/tmp/deb-xvfb.log" 2>&1 || { cat "$R/tmp/deb-xvfb.log"; exit 1; }
		chroot "$R" Xvfb -displayfd 3 -noreset -screen 0 1400x900x24 -nolisten tcp 3>"$R/tmp/display" >/dev/null 2>&1 &
		xvfb=$!
		trap "kill $xvfb 2>/dev/null || true" EXIT
		for i in $(seq 1 60); do [ -s "$R/tmp/display" ] && break; sleep 0.5; done
		n=$(tr -dc 0-9 <"$R/tmp/display")
		U env DISPLAY=:$n parley >"'"$out"'/deb-window.log" 2>&1 &
		app=$!
		sleep 20
		kill -0 $app 2>/dev/null || { echo "the window did not stay open:"; cat "'"$out"'/deb-window.log"; exit 1; }
		C env DISPLAY=:$n import -window root /tmp/deb-window.png
		cp "$R/tmp/deb-window.png" "'"$out"'/deb-window.png"
		echo "window: $(C convert /tmp/deb-window.png -format %k info:) colours ('"$out"'/deb-window.png)"
		kill $app; wait $app 2>/dev/null || true
		C apt-get purge -y -q xvfb imagemagick >/dev/null 2>&1
		C dpkg -L parley | sort >"$R/tmp/deb-files"
		C apt-get install -y -q /tmp/next.deb >"$R/tmp/deb-upgrade.log" 2>&1 || { cat "$R/tmp/deb-upgrade.log"; exit 1; }
		grep -E "^Unpacking parley" "$R/tmp/deb-upgrade.log"
		[ "$(C dpkg-query -W -f="\${Version}" parley)" = '"$next"' ] || { echo "the upgrade did not install '"$next"'"; exit 1; }
		C dpkg -L parley | sort | cmp -s - "$R/tmp/deb-files" || { echo "the upgrade changed the file list"; exit 1; }
		C parley version
		C apt-get remove --purge -y -q parley >"$R/tmp/deb-remove.log" 2>&1 || { cat "$R/tmp/deb-remove.log"; exit 1; }
		left=0
		while read -r f; do [ -d "$R$f" ] || [ ! -e "$R$f" ] || { echo "left behind: $f"; left=1; }; done <"$R/tmp/deb-files"
		[ $left -eq 0 ] && echo "removed: none of its $(wc -l <"$R/tmp/deb-files") paths is left (bar shared directories)"
		exit $left
	' >"$out/deb.log" 2>&1 || rc=$?
	sed 's/^/   /' "$out/deb.log"
	if [ $rc -eq 0 ]; then echo "deb: installed, ran, upgraded and removed in $(elapsed $t)"; else fail "deb: exit $rc after $(elapsed $t) (log: $out/deb.log)"; fi
}

# Each scenario's temporary system; removed at the end unless --keep.
work=$(mktemp -d /var/tmp/parley-check.XXXXXX)
cleanup() {
	if [ -n "$keep" ]; then echo "kept: $work"; else rm -rf --one-file-system "$work"; fi
}
trap cleanup EXIT
PATHS=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

for scenario in "${scenarios[@]}"; do
	dir="$work/$scenario"
	new_root "$dir"
	case "$scenario" in
	root)
		[ -x /usr/local/go/bin/go ] || { fail "root: no /usr/local/go on this machine to mount"; continue; }
		clone "$dir/src"
		export GO_ROOT=/usr/local/go
		say "root: minimal Debian 12 (ca-certificates $(pkg_state "$dir" ca-certificates), gcc $(pkg_state "$dir" gcc)), $(/usr/local/go/bin/go version | cut -d' ' -f3) in /usr/local/go, clone of ${commit:0:12} in /src"
		echo "\$ chroot $dir env -i PATH=$PATHS HOME=/root bash -c 'cd /src && scripts/test'"
		t=$SECONDS
		rc=0
		in_root "$dir" 'chroot "$R" env -i PATH='"$PATHS"' HOME=/root bash -c "cd /src && scripts/test"' \
			>"$out/root-test.log" 2>&1 || rc=$?
		grep -vE '^(ok|\?) ' "$out/root-test.log" | tail -n 40 | sed 's/^/   /'
		echo "   ($(grep -cE '^ok ' "$out/root-test.log") packages ok; full log: $out/root-test.log)"
		if [ $rc -eq 0 ]; then echo "root: scripts/test passed in $(elapsed $t)"; else fail "root: scripts/test exited $rc after $(elapsed $t)"; fi

		say "root: scripts/run with no display"
		rc=0
		in_root "$dir" 'chroot "$R" env -i PATH='"$PATHS"' HOME=/root bash -c "cd /src && timeout 300 scripts/run"' \
			>"$out/root-run-nodisplay.log" 2>&1 || rc=$?
		sed 's/^/   /' "$out/root-run-nodisplay.log" | head -n 20
		if grep -q '^parley: installing' "$out/root-run-nodisplay.log"; then
			fail "root: scripts/run installed packages again after scripts/test"
		fi
		if [ $rc -eq 0 ] || [ $rc -eq 124 ]; then
			fail "root: scripts/run with no display exited $rc"
		elif grep -qE '^(panic:|goroutine [0-9]+ )' "$out/root-run-nodisplay.log"; then
			fail "root: scripts/run with no display panicked (exit $rc)"
		else
			echo "root: no display: exit $rc with a message"
		fi
		gui_check "$dir" 0:0 /root /src root-run
		unset GO_ROOT
		;;
	user)
		# What an administrator gives a newcomer: an account that may use sudo.
		# (Xvfb stands in for the desktop; it brings no compiler, headers or
		# certificates.)
		in_root "$dir" 'chroot "$R" env -i PATH='"$PATHS"' DEBIAN_FRONTEND=noninteractive bash -c "
			apt-get update -q && apt-get install -y -q --no-install-recommends sudo xvfb
			useradd -m -s /bin/bash newcomer
			echo \"newcomer ALL=(ALL) NOPASSWD: ALL\" >/etc/sudoers.d/newcomer"' >"$out/user-setup.log" 2>&1 ||
			{ tail -n 20 "$out/user-setup.log"; fail "user: setting up sudo and Xvfb failed"; continue; }
		clone "$dir/home/newcomer/parley"
		chown -R --reference="$dir/home/newcomer" "$dir/home/newcomer/parley"
		uid=$(chroot "$dir" id -u newcomer)
		say "user: minimal Debian 12 + sudo and Xvfb, no Go (go: $(chroot "$dir" bash -c 'command -v go || echo none')), ca-certificates $(pkg_state "$dir" ca-certificates), gcc $(pkg_state "$dir" gcc); user newcomer (uid $uid), clone in ~/parley"
		echo "\$ chroot --userspec=newcomer:newcomer $dir env -i PATH=$PATHS HOME=/home/newcomer bash -c 'cd ~/parley && scripts/run'"
		gui_check "$dir" "$uid:$uid" /home/newcomer /home/newcomer/parley user-run
		ls -d "$dir"/home/newcomer/sdk/go* 2>/dev/null | sed "s|^$dir|   Go fetched into |"
		;;
	deb)
		debs=("$ROOT"/dist/parley_*.deb)
		[ -f "${debs[0]}" ] && [ ${#debs[@]} -eq 1 ] || { fail "deb: expected one dist/parley_*.deb (make linux)"; continue; }
		deb_check "$dir" "${debs[0]}"
		;;
	esac
	[ -n "$keep" ] || rm -rf --one-file-system "$dir"
done

say "done in $(elapsed $t0): $([ $failed -eq 0 ] && echo 'every step passed' || echo 'FAILED')"
exit $failed
