# Parley's release builds. The one command:
#
#   make dist     every installer this machine can build, into dist/, with
#                 dist/SHA256SUMS. On Linux: the Linux .tar.xz and .deb, and
#                 the Windows .exe and .msi (cross-compiled with mingw-w64).
#                 On macOS: the universal .app in a .dmg.
#
# First time on Debian/Ubuntu: `make deps`. The release workflow
# (.github/workflows/release.yml) runs exactly these targets. Details:
# docs/building.md.

SHELL := /bin/bash
UNAME := $(shell uname -s)
ifeq ($(UNAME),Darwin)
DIST_TARGETS := darwin
VERIFY_TARGETS :=
else
DIST_TARGETS := linux windows
VERIFY_TARGETS := verify-deb verify-tarxz verify-windows verify-msi-upgrade
endif

# The builds share dist/.tools and each use a full core or two: one at a time.
.NOTPARALLEL:

.PHONY: help dist linux windows darwin checksums verify verify-deb verify-tarxz verify-windows \
	verify-msi-upgrade check-minimal-debian deps icons check-tag test clean

help:
	@sed -n 's/^\([a-z-]*\):.*## \(.*\)/  make \1\t\2/p' $(MAKEFILE_LIST) | expand -t 30

dist: $(DIST_TARGETS) ## every installer this machine can build, and SHA256SUMS
	packaging/checksums.sh

linux: ## dist/parley-VERSION-linux-amd64.tar.xz and dist/parley_VERSION-BUILD_amd64.deb
	packaging/build-linux.sh

windows: ## dist/parley-VERSION-windows-amd64.exe and .msi (cross-compiled)
	packaging/build-windows.sh

darwin: ## dist/parley-VERSION-macos-universal.dmg (on a Mac)
	packaging/build-darwin.sh

checksums: ## dist/SHA256SUMS of every artifact in dist/
	packaging/checksums.sh

verify: $(VERIFY_TARGETS) ## check the built installers (installs and removes the .deb)

verify-deb: ## lintian, then apt-get install, run, remove --purge (needs root or sudo)
	packaging/verify-deb.sh

verify-tarxz: ## the .tar.xz: install, run, uninstall into temporary prefixes and HOME
	packaging/verify-tarxz.sh

verify-windows: ## PE32+ GUI check of the .exe, and the .msi's tables and files
	packaging/verify-windows.sh

verify-msi-upgrade: ## .msi upgrades across builds and versions (installs under Wine if present)
	packaging/verify-msi-upgrade.sh

check-minimal-debian: ## the README's scripts/test and scripts/run in a fresh minimal Debian 12 (root)
	packaging/check-minimal-debian.sh

deps: ## install the build tools (Debian/Ubuntu, through apt)
	packaging/deps.sh

icons: ## regenerate assets/icon/*.png and parley.ico from the SVG sources
	tools/icons.sh

check-tag: ## fail unless TAG (e.g. v0.1.0) is FyneApp.toml's version
	packaging/check-tag.sh "$(TAG)"

test: ## the project's tests, as CI runs them
	bash .ci/run

clean: ## remove dist/
	rm -rf dist
