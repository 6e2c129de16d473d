#!/usr/bin/env bash
# Installs what `make dist` and `make verify` need on Debian 12 or Ubuntu,
# through apt: the project's own build dependencies (scripts/deps.sh: gcc,
# the OpenGL/X11 headers, Go modules) plus the packaging tools.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging_tools=(
	dpkg-dev xz-utils file        # dpkg-shlibdeps, archives, checks
	desktop-file-utils lintian    # .desktop and .deb checks
	shared-mime-info libglib2.0-bin # the file-type check (gio) in make verify
	gcc-mingw-w64-x86-64          # the Windows cross-compiler (and its objdump)
	wixl msitools faketime        # the .msi, its inspection, reproducible timestamps
	icoutils                      # wrestool: lists the .exe's resources
	librsvg2-bin                  # rsvg-convert, for make icons
)
source scripts/deps.sh "${packaging_tools[@]}"
