// Package drawingtest makes Drawings for the tests and benchmarks of the
// drawing writers: one that exercises every item kind and hostile text, and
// synthetic diagrams of any size.
package drawingtest

import (
	"fmt"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/typeset"
)

// NastyStrings are user texts that must come out exactly as written.
var NastyStrings = []string{
	`"quotes" and 'apostrophes'`,
	`back\slash`,
	`<script>alert(1)</script>`,
	`&amp; & &#60;`,
	`]]> <![CDATA[x]]>`,
	"en – dash, em — dash",
	"Зеленський",
	"🇺🇦 🕊️",
	"  two  spaces  ",
}

// ScriptStrings are names in every script Parley draws, and the bad input
// of every kind: each must draw right, or visibly, in every output.
var ScriptStrings = []string{
	"Зеленский · Ελλάδα",
	"قطر · وزير الخارجية",
	"ירושלים",
	"הארץ, 2025",
	"Talks in القاهرة 2025",
	"王毅 · 賴清德 · 東京",
	"김정은",
	"🇺🇦 🕊️ 👍🏽",
	"👨‍👩‍👧 family",
	"evil‮exe.txt",
	"a⁦b⁩c",
	"é ñ ǟ",
	"x͸y 󰀁",
}

// ControlText has characters XML 1.0 cannot carry.
const ControlText = "nul\x00bell\x07esc\x1b end"

// Sample is a drawing that exercises every ItemKind, dashes, alphas, anchors, styles and
// the nasty strings.
func Sample() *drawing.Drawing {
	d := &drawing.Drawing{Width: 620, Height: 300, Background: drawing.RGB(0xffffff),
		Title: `Sample <drawing> & "every" item`,
		Desc:  "Every item kind, hostile text and every script.\nA second line \u202e reversed?",
		Objects: map[string]drawing.Object{
			"actor:us":                   {Class: "actor", Tooltip: "United States\nrole: participant", Data: map[string]string{"actor": "us", "role": "participant"}},
			`actor:"x" onload="alert(1)`: {Class: "actor", Tooltip: `<script>alert(1)</script>`, Data: map[string]string{"actor": `"x" onload="alert(1)`, "bad key!": "v"}},
			"track:riyadh":               {Class: "track", Tooltip: "Riyadh – track", Data: map[string]string{"track": "riyadh"}},
		}}
	ink := drawing.RGB(0x222222)
	add := func(it drawing.Item) { d.Items = append(d.Items, it) }
	text := func(x, y float64, s string, st drawing.FontStyle, size float64, a drawing.Anchor, ref string) {
		add(drawing.Item{Kind: drawing.KindText, X: x, Y: y, Text: s, Font: st, Size: size, Anchor: a,
			Fill: ink, W: typeset.MeasureText(s, st, size), Ref: ref})
	}
	// A filled rounded box with its label.
	add(drawing.Item{Kind: drawing.KindRect, X: 10, Y: 10, W: 120, H: 40, Radius: 6,
		Fill: drawing.RGB(0xdce9f7), Stroke: drawing.Stroke{Color: drawing.RGB(0x1f4e79), Width: 1.5}, Ref: "actor:us"})
	text(70, 35, "United States", drawing.Bold, 12, drawing.AnchorMiddle, "actor:us")
	// A dashed, unfilled, translucent box.
	add(drawing.Item{Kind: drawing.KindRect, X: 150, Y: 10, W: 110, H: 40,
		Stroke: drawing.Stroke{Color: drawing.Color{R: 0x80, G: 0, B: 0, A: 0x80}, Width: 2, Dash: []float64{6, 3}}, Ref: `actor:"x" onload="alert(1)`})
	text(155, 35, "Зеленський", drawing.Regular, 12, drawing.AnchorStart, "")
	// A translucent ellipse.
	add(drawing.Item{Kind: drawing.KindEllipse, X: 340, Y: 30, W: 60, H: 20,
		Fill: drawing.Color{R: 0xff, G: 0xa5, B: 0x00, A: 0x80}, Stroke: drawing.Stroke{Color: ink, Width: 1}, Ref: "track:riyadh"})
	text(400, 34, "Riyadh – track", drawing.Italic, 10, drawing.AnchorEnd, "track:riyadh")
	// An edge: bézier, arrowhead polygon, dashed polyline.
	add(drawing.Item{Kind: drawing.KindBezier, Points: []drawing.Point{{X: 70, Y: 50}, {X: 70, Y: 100}, {X: 340, Y: 10}, {X: 340, Y: 45}},
		Stroke: drawing.Stroke{Color: ink, Width: 1}, Ref: "edge:1"})
	add(drawing.Item{Kind: drawing.KindPolygon, Points: []drawing.Point{{X: 336, Y: 45}, {X: 340, Y: 55}, {X: 344, Y: 45}},
		Fill: ink, Stroke: drawing.Stroke{Color: ink, Width: 1}})
	add(drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 10, Y: 280}, {X: 100, Y: 230}, {X: 200, Y: 280}, {X: 300, Y: 230}},
		Stroke: drawing.Stroke{Color: drawing.RGB(0x2e7d32), Width: 2, Dash: []float64{1, 2}}})
	add(drawing.Item{Kind: drawing.KindRect, X: 200, Y: 120, W: 60, H: 12, Fill: drawing.RGB(0x000000)}) // solid block
	add(drawing.Item{Kind: drawing.KindPolyline, Points: []drawing.Point{{X: 10, Y: 200}, {X: 410, Y: 200}},
		Stroke: drawing.Stroke{Color: drawing.RGB(0x000000), Width: 1}}) // a horizontal rule
	// The nasty strings, one a line.
	y := 80.0
	for _, s := range NastyStrings {
		text(12, y, s, drawing.Regular, 9, drawing.AnchorStart, "")
		y += 12
	}
	text(300, 100, ControlText, drawing.Regular, 9, drawing.AnchorStart, "ctl:\x01")
	// Every script, one a line, in the three styles in turn.
	y = 20
	for i, s := range ScriptStrings {
		text(430, y, s, drawing.FontStyle(i%3), 10, drawing.AnchorStart, "script:"+fmt.Sprint(i))
		y += 20
	}
	return d
}

// Synthetic is a drawing that resembles a laid-out diagram of n actors: per 100 actors
// a band about 1,000 × 200 pt with rounded boxes and two-line labels, track
// ellipses, bézier edges with arrowheads (some dashed) and edge labels.
func Synthetic(n int) *drawing.Drawing {
	bands := (n + 99) / 100
	d := &drawing.Drawing{Width: 1000, Height: 200 * float64(bands), Background: drawing.RGB(0xffffff)}
	ink := drawing.RGB(0x333333)
	add := func(it drawing.Item) { d.Items = append(d.Items, it) }
	label := func(x, y float64, s string, st drawing.FontStyle, size float64) {
		add(drawing.Item{Kind: drawing.KindText, X: x, Y: y, Text: s, Font: st, Size: size, Anchor: drawing.AnchorMiddle,
			Fill: ink, W: typeset.MeasureText(s, st, size)})
	}
	names := []string{"United States", "Russia", "Ukraine", "Saudi Arabia", "Сергій Лавров", "EU", "Turkey", "Qatar"}
	for i := range n {
		band, j := i/100, i%100
		by := float64(band) * 200
		// Actors: two rows of 50 boxes along the top and bottom of the band.
		col, row := j%50, j/50
		x := 10 + float64(col)*19.6
		y := by + 8 + float64(row)*150
		ref := fmt.Sprintf("actor:%d", i)
		add(drawing.Item{Kind: drawing.KindRect, X: x, Y: y, W: 18, H: 34, Radius: 3, Fill: drawing.RGB(0xe8f0fa),
			Stroke: drawing.Stroke{Color: drawing.RGB(0x1f4e79), Width: 1}, Ref: ref})
		label(x+9, y+14, names[i%len(names)][:min(4, len(names[i%len(names)]))], drawing.Bold, 6)
		label(x+9, y+26, fmt.Sprintf("#%d", i), drawing.Italic, 5)
		// Tracks: one ellipse per 10 actors in the middle of the band.
		if j%10 == 0 {
			tx := 60 + float64(j/10)*95
			add(drawing.Item{Kind: drawing.KindEllipse, X: tx, Y: by + 100, W: 40, H: 14, Fill: drawing.RGB(0xfff3d6),
				Stroke: drawing.Stroke{Color: ink, Width: 1}, Ref: fmt.Sprintf("track:%d", i/10)})
			label(tx, by+103, fmt.Sprintf("Track %d", i/10), drawing.Regular, 8)
		}
		// Edges from the actor to one or two tracks.
		for e := range 1 + i%2 {
			tx := 60 + float64((j/10+e*3)%10)*95
			sx, sy := x+9, y+34
			ty := by + 86
			if row == 1 {
				sy, ty = y, by+114
			}
			st := drawing.Stroke{Color: ink, Width: 1}
			if (i+e)%3 == 0 {
				st.Dash = []float64{4, 2}
			}
			add(drawing.Item{Kind: drawing.KindBezier, Points: []drawing.Point{{X: sx, Y: sy}, {X: sx, Y: (sy + ty) / 2}, {X: tx, Y: (sy + ty) / 2}, {X: tx, Y: ty}},
				Stroke: st, Ref: fmt.Sprintf("seat:%d:%d", i, e)})
			dir := 1.0
			if row == 1 {
				dir = -1
			}
			add(drawing.Item{Kind: drawing.KindPolygon, Points: []drawing.Point{{X: tx - 3, Y: ty - 8*dir}, {X: tx, Y: ty}, {X: tx + 3, Y: ty - 8*dir}},
				Fill: ink, Stroke: drawing.Stroke{Color: ink, Width: 1}})
			if i%5 == 0 {
				label((sx+tx)/2, (sy+ty)/2, "delegate", drawing.Regular, 6)
			}
		}
	}
	return d
}
