#!/bin/sh
# Rebuilds the bundled fallback fonts in assets/fonts from their published
# packages: a maintainer's tool, run by hand when a font is to be updated, not
# by the build (the repository stores its output, with the licences).
#
# Needs: Debian's apt-get (as any user: it only downloads), dpkg-deb, npm, and
# fonttools (Debian's `fonttools` package, 4.38; another version may write
# different bytes). The result depends only on the package versions pinned
# below: run it twice and `git status` shows nothing.
#
# What it makes, and why (docs/rendering.md, "Fonts", has the reasoning):
#   NotoSansArabic-{Regular,Bold}.ttf  Noto Sans Arabic, the Arabic blocks
#   NotoSansHebrew-{Regular,Bold}.ttf  Noto Sans Hebrew, as published
#   DroidSansFallback-CJK.ttf          Droid Sans Fallback, the hanzi/kanji of
#                                      GB 2312, Big5 level 1 and JIS X 0208
#                                      level 1, kana, CJK punctuation
#   NotoSansCJKkr-Hangul.otf           Noto Sans CJK KR, the 2,350 Hangul
#                                      syllables of KS X 1001, jamo, and the CJK
#                                      punctuation Droid lacks
#   NotoEmoji-Regular.ttf              Noto Emoji (monochrome outlines), the
#                                      web subsets merged back into one font
set -eu

# The Python that has fontTools: Debian's, not a virtualenv's.
PY=${PYTHON:-/usr/bin/python3}
# fontTools stamps merged fonts with this time rather than the clock.
export SOURCE_DATE_EPOCH=1735689600

NOTO_CORE=fonts-noto-core=20201225-1
NOTO_CJK=fonts-noto-cjk=1:20220127+repack1-1
DROID=fonts-droid-fallback=1:6.0.1r16-1.1
NOTO_EMOJI=@fontsource/noto-emoji@5.3.2

out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

apt-get download "$NOTO_CORE" "$NOTO_CJK" "$DROID" >/dev/null
for deb in ./*.deb; do dpkg-deb -x "$deb" x; done
npm pack --silent "$NOTO_EMOJI" >/dev/null
tar xzf fontsource-noto-emoji-*.tgz

noto=x/usr/share/fonts/truetype/noto
cjk=x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
droid=x/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf

# Hinting is dropped: Parley draws outlines unhinted at any size.
subset() { pyftsubset "$@" --layout-features='*' --no-hinting --name-IDs='*' --notdef-outline; }

arabic=U+0600-06FF,U+0750-077F,U+0870-08FF,U+FB50-FDFF,U+FE70-FEFF,U+0020,U+00A0,U+200C-200F,U+25CC
for w in Regular Bold; do
	subset "$noto/NotoSansArabic-$w.ttf" --unicodes="$arabic" --output-file="$out/NotoSansArabic-$w.ttf"
	cp "$noto/NotoSansHebrew-$w.ttf" "$out/NotoSansHebrew-$w.ttf"
done

# The CJK character sets, as code points: what the legacy national standards
# call common characters, which is what names and places are written in.
"$PY" - <<'EOF'
s = set()
def add(enc, rows, cols):
    for a in rows:
        for b in cols:
            try:
                c = bytes([a, b]).decode(enc)
            except UnicodeDecodeError:
                continue
            if len(c) == 1:
                s.add(ord(c))
add('gb2312', range(0xA1, 0xF8), range(0xA1, 0xFF))                           # GB 2312: 6,763 hanzi
add('big5', range(0xA1, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))  # Big5 level 1: 5,401
add('euc_jp', range(0xA1, 0xD0), range(0xA1, 0xFF))                           # JIS X 0208 level 1: 2,965
add('euc_kr', range(0xA1, 0xC9), range(0xA1, 0xFF))                           # KS X 1001 Hangul: 2,350
for a, b in [(0x3000, 0x303F), (0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF00, 0xFFEF),
             (0x3100, 0x312F), (0x3131, 0x318E), (0x1100, 0x11FF)]:
    s.update(range(a, b + 1))
s = sorted(c for c in s if c >= 0x2E80 or 0x1100 <= c <= 0x11FF)  # Latin etc. come from Noto Sans
open('cjk.txt', 'w').write(','.join('U+%04X' % c for c in s))
EOF
subset "$droid" --unicodes-file=/dev/null --unicodes="$(cat cjk.txt)" --output-file="$out/DroidSansFallback-CJK.ttf"
"$PY" - "$out/DroidSansFallback-CJK.ttf" <<'EOF'
import sys
from fontTools.ttLib import TTFont
have = TTFont(sys.argv[1]).getBestCmap()
want = [int(u[2:], 16) for u in open('cjk.txt').read().split(',')]
open('rest.txt', 'w').write(','.join('U+%04X' % c for c in want if c not in have))
EOF
subset "$cjk" --font-number=1 --unicodes="$(cat rest.txt)" --output-file="$out/NotoSansCJKkr-Hangul.otf"

files=package/files
fonttools merge $(for i in 0 1 2 3 4 5 6 7 8 9 10; do echo "$files/noto-emoji-$i-400-normal.woff"; done) \
	--output-file=emoji.ttf 2>/dev/null
subset emoji.ttf --unicodes='*' --drop-tables+=vhea,vmtx --output-file="$out/NotoEmoji-Regular.ttf"

cp x/usr/share/doc/fonts-droid-fallback/copyright "$out/DroidSansFallback-COPYRIGHT.txt"
cp /usr/share/common-licenses/Apache-2.0 "$out/Apache-2.0.txt"
ls -l "$out"
