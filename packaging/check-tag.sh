#!/usr/bin/env bash
# check-tag.sh TAG: fails unless TAG is "v" + FyneApp.toml's Details.Version,
# so that a release can only be tagged with the version the binaries carry.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

tag=${1:-}
if [ "$tag" != "v$VERSION" ]; then
	echo "check-tag: tag \"$tag\" does not match FyneApp.toml's Version \"$VERSION\" (expected v$VERSION)" >&2
	exit 1
fi
echo "tag $tag matches FyneApp.toml (version $VERSION, build $BUILD)"
