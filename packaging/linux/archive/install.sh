#!/bin/sh
# Installs or removes Parley from the .tar.xz archive; the archive's Makefile
# runs it (`make install`, `make user-install`, ...):
#
#   sh install.sh install   PREFIX [DESTDIR]
#   sh install.sh uninstall PREFIX [DESTDIR]
#
# The files are those under bin/ and share/ beside this script; they go to
# DESTDIR/PREFIX/bin and DESTDIR/PREFIX/share. The desktop entry starts
# PREFIX/bin/parley by its full path. install records what it put there,
# including every directory it had to create, in
# PREFIX/share/parley/install-manifest; uninstall removes exactly those
# files, and those directories when they are empty, so that nothing is left
# behind and nothing that was there before is touched. Menu and icon caches
# are refreshed where the system keeps them (never created), unless DESTDIR
# is set (a staged install, e.g. for a package).
set -eu
cd "$(dirname "$0")"
usage() { echo "usage: sh install.sh install|uninstall PREFIX [DESTDIR]" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1
prefix=$2
destdir=${3:-}
case "$prefix" in
/*) ;;
*) echo "parley: PREFIX must be an absolute path, not \"$prefix\"" >&2; exit 2 ;;
esac
prefix=${prefix%/}
[ -n "$prefix" ] || { echo "parley: PREFIX=/ is not supported; use PREFIX=/usr" >&2; exit 2; }
root=$destdir$prefix
manifest=share/parley/install-manifest

# safe_rel PATH: a relative path without "." or ".." parts (manifest lines
# are never trusted further than that).
safe_rel() {
	case "/$1/" in
	*/../* | */./* | //*) return 1 ;;
	esac
	[ -n "$1" ]
}

# refresh_caches: the desktop-entry and icon caches, where they exist.
refresh_caches() {
	[ -z "$destdir" ] || return 0
	if [ -f "$root/share/applications/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$root/share/applications" || true
	fi
	if [ -f "$root/share/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
		gtk-update-icon-cache -q -t -f "$root/share/icons/hicolor" || true
	fi
}

do_install() {
	[ -x bin/parley ] || { echo "parley: run this from the unpacked archive (bin/parley is missing)" >&2; exit 1; }
	new=$(mktemp)
	trap 'rm -f "$new" "$new.files"' EXIT
	# Directories above the install root that do not exist yet ("up"),
	# then those inside it ("dir"): uninstall removes them again if empty.
	d=$root
	while [ ! -d "$d" ]; do
		if [ "$d" = "$root" ]; then echo "dir ." >>"$new"; else echo "up $d" >>"$new"; fi
		d=$(dirname "$d")
	done
	mkdir -p "$root"
	find bin share -type f | LC_ALL=C sort >"$new.files"
	echo "$manifest" >>"$new.files"
	while IFS= read -r f; do
		rel=$(dirname "$f")
		while [ "$rel" != . ] && [ ! -d "$root/$rel" ]; do
			echo "dir $rel" >>"$new"
			rel=$(dirname "$rel")
		done
		d=$(dirname "$root/$f")
		[ -d "$d" ] || { mkdir -p "$d"; }
	done <"$new.files"
	# (mkdir -p with umask 022: the new directories are 0755.)
	while IFS= read -r f; do
		[ "$f" = "$manifest" ] && continue
		dest=$root/$f
		if [ -e "$dest" ] && [ ! -f "$dest" ]; then
			echo "parley: $dest exists and is not a file; not replacing it" >&2
			exit 1
		fi
		case "$f" in
		bin/*) mode=0755 ;;
		*) mode=0644 ;;
		esac
		# Write beside the target and rename: a running parley keeps working.
		tmp="$(dirname "$dest")/.$(basename "$dest").parley-install"
		case "$f" in
		share/applications/*.desktop) sed -e "s|^Exec=parley |Exec=$prefix/bin/parley |" "$f" >"$tmp" ;;
		*) cp "$f" "$tmp" ;;
		esac
		chmod "$mode" "$tmp"
		mv -f "$tmp" "$dest"
		echo "file $f" >>"$new"
	done <"$new.files"
	echo "file $manifest" >>"$new"
	# Installing again over an install keeps the directories the first one
	# created.
	if [ -f "$root/$manifest" ]; then
		grep -E '^(dir|up) ' "$root/$manifest" >>"$new" || true
	fi
	LC_ALL=C sort -u "$new" >"$root/$manifest.tmp"
	chmod 0644 "$root/$manifest.tmp"
	mv -f "$root/$manifest.tmp" "$root/$manifest"
	rm -f "$new" "$new.files"
	trap - EXIT
	refresh_caches
	if [ -n "$destdir" ]; then
		echo "parley: staged into $root (for PREFIX=$prefix)"
		return
	fi
	echo "parley: installed into $root"
	case ":$PATH:" in
	*":$prefix/bin:"*) echo "parley: run it from the applications menu, or type: parley" ;;
	*) echo "parley: run it from the applications menu, or type: $prefix/bin/parley ($prefix/bin is not on your PATH)" ;;
	esac
}

do_uninstall() {
	if [ -f "$root/$manifest" ]; then
		list=$root/$manifest
	else
		# Installed by hand or the manifest is gone: this archive's files.
		list=$(mktemp)
		find bin share -type f | LC_ALL=C sort | sed 's/^/file /' >"$list"
	fi
	removed=0
	while read -r kind f; do
		[ "$kind" = file ] || continue
		safe_rel "$f" || continue
		[ "$f" = "$manifest" ] && continue
		if [ -f "$root/$f" ] || [ -L "$root/$f" ]; then
			rm -f "$root/$f"
			removed=$((removed + 1))
		fi
	done <"$list"
	# Directories that install created, deepest first: inside the root, the
	# root, then above it. Those that still hold something stay.
	dirs=$(mktemp)
	{
		sed -n 's/^dir //p' "$list" | grep -vx '\.' | awk '{ print length($0) "\t" $0 }' | LC_ALL=C sort -rn | cut -f2-
		grep -qx 'dir \.' "$list" && echo .
		sed -n 's/^up //p' "$list" | awk '{ print length($0) "\t" $0 }' | LC_ALL=C sort -rn | cut -f2-
	} >"$dirs" || true
	rm -f "$list"
	while IFS= read -r d; do
		case "$d" in
		.) rmdir "$root" 2>/dev/null || true ;;
		/*) case "$root" in "$d"/*) rmdir "$d" 2>/dev/null || true ;; esac ;;
		*) if safe_rel "$d"; then rmdir "$root/$d" 2>/dev/null || true; fi ;;
		esac
	done <"$dirs"
	rm -f "$dirs"
	refresh_caches
	echo "parley: removed $removed files from $root"
}

case "$action" in
install) do_install ;;
uninstall) do_uninstall ;;
*) usage ;;
esac
