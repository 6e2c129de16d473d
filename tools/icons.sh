#!/bin/sh
# Regenerates the icon PNGs and the Windows .ico in assets/icon from the SVG
# sources (run from the repository root, or through `make icons`). The outputs
# are committed: packaging reads them, and so needs neither rsvg-convert nor
# this script. Needs rsvg-convert (Debian: librsvg2-bin) and Go.
#
#   16 px       from parley-16.svg  (hand-tuned on the pixel grid)
#   24 px       from parley-24.svg  (hand-tuned)
#   32 px       from parley-32.svg  (hand-tuned)
#   48..512 px  from parley.svg     (the master)
set -eu
cd "$(dirname "$0")/.."
dir=assets/icon

render() { # SIZE SOURCE OUTPUT
	rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$dir/$2" --output "$3"
}

render 16 parley-16.svg "$dir/parley-16.png"
render 24 parley-24.svg "$dir/parley-24.png"
render 32 parley-32.svg "$dir/parley-32.png"
for size in 48 64 128 256; do
	render "$size" parley.svg "$dir/parley-$size.png"
done
render 512 parley.svg "$dir/parley.png" # the 512 px icon that FyneApp.toml names

go run ./tools/mkico -o "$dir/parley.ico" \
	"$dir/parley-16.png" "$dir/parley-24.png" "$dir/parley-32.png" "$dir/parley-48.png" \
	"$dir/parley-64.png" "$dir/parley-128.png" "$dir/parley-256.png"
ls -l "$dir"
