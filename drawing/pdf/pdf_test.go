package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/parleyhq/parley/drawing"
	"github.com/parleyhq/parley/drawing/drawingtest"
	"github.com/parleyhq/parley/drawing/typeset"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

const goldenPDF = "testdata/drawing.pdf"

func write(t testing.TB, d *drawing.Drawing, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPDFGolden(t *testing.T) {
	a := write(t, drawingtest.Sample(), Options{})
	if b := write(t, drawingtest.Sample(), Options{}); !bytes.Equal(a, b) {
		t.Fatal("two runs gave different PDFs")
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPDF, a, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenPDF)
	if err != nil {
		t.Fatalf("%v (go test ./drawing/pdf -update creates it)", err)
	}
	if !bytes.Equal(a, want) {
		t.Errorf("%s differs from the output (go test ./drawing/pdf -update rewrites it)", goldenPDF)
	}
}

// doc is a parsed PDF: its objects by number, streams inflated.
type doc struct {
	objs    map[int]string
	streams map[int][]byte
	trailer string
}

var objRE = regexp.MustCompile(`(?s)^(\d+) 0 obj\n(.*?)\nendobj\n`)

// parse reads a PDF by its cross-reference table, checking that every
// offset points at its object and startxref at the table.
func parse(t testing.TB, data []byte) *doc {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(data, []byte("%%EOF\n")) {
		t.Fatal("no PDF header or trailer")
	}
	i := bytes.LastIndex(data, []byte("startxref\n"))
	if i < 0 {
		t.Fatal("no startxref")
	}
	var xref int
	fmt.Sscanf(string(data[i+len("startxref\n"):]), "%d", &xref)
	if xref <= 0 || xref >= len(data) || !bytes.HasPrefix(data[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", xref)
	}
	lines := strings.Split(string(data[xref:]), "\n")
	var n int
	fmt.Sscanf(lines[1], "0 %d", &n)
	d := &doc{objs: map[int]string{}, streams: map[int][]byte{}}
	for k := 1; k < n; k++ {
		var off int
		fmt.Sscanf(lines[2+k], "%010d", &off)
		m := objRE.FindSubmatch(data[off:])
		if m == nil || string(m[1]) != strconv.Itoa(k) {
			t.Fatalf("object %d is not at offset %d", k, off)
		}
		body := string(m[2])
		d.objs[k] = body
		if j := strings.Index(body, "\nstream\n"); j >= 0 {
			raw := strings.TrimSuffix(body[j+len("\nstream\n"):], "\nendstream")
			var length int
			fmt.Sscanf(body[strings.Index(body, "/Length ")+len("/Length "):], "%d", &length)
			if length != len(raw) {
				t.Fatalf("object %d: /Length %d, stream has %d bytes", k, length, len(raw))
			}
			zr, err := zlib.NewReader(strings.NewReader(raw))
			if err != nil {
				t.Fatalf("object %d: %v", k, err)
			}
			plain, err := io.ReadAll(zr)
			if err != nil {
				t.Fatalf("object %d: %v", k, err)
			}
			d.streams[k] = plain
		}
	}
	d.trailer = string(data[bytes.LastIndex(data, []byte("trailer\n")):])
	return d
}

func ref(s, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` (\d+) 0 R`).FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// decodeHex is a PDF hex text string (UTF-16BE with BOM) as text.
func decodeHex(t testing.TB, h string) string {
	b, err := hex.DecodeString(strings.TrimPrefix(strings.Trim(h, "<>"), "FEFF"))
	if err != nil || len(b)%2 != 0 {
		t.Fatalf("bad text string %q", h)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// textLayer decodes the page's text layer through the fonts' ToUnicode
// maps: one string per BT … ET block, as a reader would extract it.
func textLayer(t testing.TB, d *doc) []string {
	t.Helper()
	page := d.objs[3]
	content := d.streams[ref(page, "/Contents")]
	cmaps := map[string]map[byte]string{}
	for _, m := range regexp.MustCompile(`/(T\d+) (\d+) 0 R`).FindAllStringSubmatch(page, -1) {
		n, _ := strconv.Atoi(m[2])
		font := d.objs[n]
		if !strings.Contains(font, "/Subtype /Type3") || !strings.Contains(font, "/FontMatrix [0.001 0 0 0.001 0 0]") {
			t.Fatalf("font %s: %s", m[1], font)
		}
		cm := map[byte]string{}
		cmap := string(d.streams[ref(font, "/ToUnicode")])
		cmap = cmap[strings.Index(cmap, "endcodespacerange"):]
		for _, e := range regexp.MustCompile(`<([0-9A-F]{2})> <([0-9A-F]+)>`).FindAllStringSubmatch(cmap, -1) {
			c, _ := strconv.ParseUint(e[1], 16, 8)
			cm[byte(c)] = decodeHex(t, e[2])
		}
		cmaps[m[1]] = cm
	}
	var out []string
	for _, block := range regexp.MustCompile(`(?s)BT 3 Tr (.*?)ET\n`).FindAllStringSubmatch(string(content), -1) {
		var sb strings.Builder
		font := ""
		for _, tok := range regexp.MustCompile(`/(T\d+) [\d.]+ Tf|<([0-9A-F]*)> Tj`).FindAllStringSubmatch(block[1], -1) {
			if tok[1] != "" {
				font = tok[1]
				continue
			}
			b, _ := hex.DecodeString(tok[2])
			for _, c := range b {
				s, ok := cmaps[font][c]
				if !ok {
					t.Fatalf("code %02X of %s has no ToUnicode entry", c, font)
				}
				sb.WriteString(s)
			}
		}
		out = append(out, sb.String())
	}
	return out
}

// layerText is what the text layer must say for a text item.
func layerText(it drawing.Item) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			return '\uFFFD'
		}
		return r
	}, typeset.Set(it.Text, it.Font).Visual)
}

func TestPDFStructure(t *testing.T) {
	d := drawingtest.Sample()
	p := parse(t, write(t, d, Options{}))
	if !strings.Contains(p.objs[1], "/Type /Catalog") || !strings.Contains(p.objs[3], "/MediaBox [0 0 620 300]") {
		t.Errorf("catalogue or page: %q %q", p.objs[1], p.objs[3])
	}
	info := p.objs[ref(p.trailer, "/Info")]
	for key, want := range map[string]string{"/Title": typeset.Neutralise(d.Title), "/Subject": typeset.Neutralise(d.Desc)} {
		m := regexp.MustCompile(regexp.QuoteMeta(key) + ` (<[0-9A-F]+>)`).FindStringSubmatch(info)
		if m == nil || decodeHex(t, m[1]) != want {
			t.Errorf("%s %v, want %q", key, m, want)
		}
	}
	if strings.Contains(info, "Date") {
		t.Error("a date in the info: the bytes would not be deterministic")
	}
	var want []string
	for _, it := range d.Items {
		if it.Kind == drawing.KindText && it.Text != "" {
			want = append(want, layerText(it))
		}
	}
	got := textLayer(t, p)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("text layer:\n%q\nwant\n%q", got, want)
	}
	// Every glyph drawn is a form XObject with an outline.
	content := string(p.streams[ref(p.objs[3], "/Contents")])
	uses := regexp.MustCompile(`/G(\d+) Do`).FindAllStringSubmatch(content, -1)
	if len(uses) < 200 {
		t.Errorf("%d glyphs drawn", len(uses))
	}
	for _, u := range uses[:10] {
		n := ref(p.objs[3], "/G"+u[1])
		if !strings.Contains(p.objs[n], "/Subtype /Form") || !strings.HasSuffix(string(p.streams[n]), "f\n") {
			t.Errorf("glyph %s: %q", u[1], p.objs[n])
		}
	}
}

// TestPDFToText reads the sample back with poppler's pdftotext, as a user
// searching or copying would: every word of every line is there (poppler
// puts each right-to-left word back in logical order).
func TestPDFToText(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	d := drawingtest.Sample()
	file := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(file, write(t, d, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-raw", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("\u202b", "", "\u202c", "", "\u202a", "").Replace(string(out))
	// Poppler keeps punctuation on the visual side of a right-to-left
	// word ("2025 ,הארץ"), so words are compared without it.
	bare := func(w string) string { return strings.Trim(w, ",.·()") }
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[bare(w)] = true
	}
	for _, s := range append(drawingtest.ScriptStrings, drawingtest.NastyStrings...) {
		for _, w := range strings.Fields(typeset.Neutralise(s)) {
			if !words[bare(w)] && !strings.Contains(text, w) {
				t.Errorf("pdftotext lacks %q (of %q)", w, s)
			}
		}
	}
	if strings.ContainsAny(text, "\u202e\u2066") {
		t.Error("a bidi control reached the text layer")
	}
}

func TestParsePage(t *testing.T) {
	for _, name := range Pages {
		if _, err := ParsePage(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, bad := range []string{"a5", "a4-sideways", "letter-", "-portrait", "fit-landscape"} {
		if _, err := ParsePage(bad); err == nil || !strings.Contains(err.Error(), "allowed: fit, a4") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestPages(t *testing.T) {
	wide := &drawing.Drawing{Width: 1600, Height: 400}
	tall := &drawing.Drawing{Width: 300, Height: 200}
	for _, c := range []struct {
		d      *drawing.Drawing
		o      Options
		pw, ph float64
		k      float64
	}{
		{wide, Options{}, 1600, 400, 1},
		{wide, Options{Paper: A4}, 841.89, 595.28, (841.89 - 72) / 1600},
		{wide, Options{Paper: A4, Orientation: Portrait}, 595.28, 841.89, (595.28 - 72) / 1600},
		{wide, Options{Paper: Letter, Orientation: Landscape}, 792, 612, (792 - 72) / 1600.0},
		{tall, Options{Paper: Letter}, 792, 612, 1}, // small: not enlarged
	} {
		pw, ph, k, x, y := pageBox(c.d, c.o)
		if pw != c.pw || ph != c.ph || math.Abs(k-c.k) > 1e-9 {
			t.Errorf("%v on %v: %g×%g at %g, want %g×%g at %g", c.d.Width, c.o, pw, ph, k, c.pw, c.ph, c.k)
		}
		if math.Abs(x-(pw-c.d.Width*k)/2) > 1e-9 || math.Abs(y-(ph-c.d.Height*k)/2) > 1e-9 || x < 0 || y < 0 {
			t.Errorf("not centred: %g, %g", x, y)
		}
	}
}

func TestPDFRefusesBadDrawings(t *testing.T) {
	for _, d := range []*drawing.Drawing{nil, {Width: math.NaN()}, {Width: 1, Height: 1, Items: []drawing.Item{{Kind: drawing.KindText, Size: math.Inf(1)}}}} {
		var buf bytes.Buffer
		if err := Write(&buf, d, Options{}); err == nil || buf.Len() > 0 {
			t.Errorf("%v: %v, %d bytes", d, err, buf.Len())
		}
	}
}

func FuzzWritePDF(f *testing.F) {
	for _, s := range append(append(drawingtest.NastyStrings, drawingtest.ScriptStrings...), drawingtest.ControlText, "\xff\xfe", ") Tj (", "") {
		f.Add(s, s, 12.5)
	}
	f.Fuzz(func(t *testing.T, text, title string, x float64) {
		if len(text) > 2000 {
			return
		}
		d := &drawing.Drawing{Width: 100, Height: 100, Background: drawing.RGB(0xffffff), Title: title, Desc: text,
			Items: []drawing.Item{
				{Kind: drawing.KindText, X: x, Y: 10, Text: text, Size: 10, Fill: drawing.Color{A: 200}},
				{Kind: drawing.KindRect, X: x, Y: 1, W: 2, H: 2, Radius: 1, Fill: drawing.RGB(0x123456), Stroke: drawing.Stroke{Color: drawing.RGB(0), Width: 1, Dash: []float64{x, 1}}},
			}}
		var buf bytes.Buffer
		err := Write(&buf, d, Options{Paper: A4})
		if math.IsNaN(x) || math.IsInf(x, 0) {
			if err == nil {
				t.Fatal("non-finite x accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		p := parse(t, buf.Bytes())
		got := textLayer(t, p)
		want := layerText(d.Items[0])
		if want == "" || !(typeset.Set(text, drawing.Regular).Advance > 0) {
			if len(got) != 0 {
				t.Fatalf("text layer %q for no text", got)
			}
		} else if len(got) != 1 || got[0] != want {
			t.Fatalf("text layer %q, want %q", got, want)
		}
		if title != "" {
			m := regexp.MustCompile(`/Title (<[0-9A-F]+>)`).FindStringSubmatch(p.objs[ref(p.trailer, "/Info")])
			if m == nil || decodeHex(t, m[1]) != strings.ToValidUTF8(typeset.Neutralise(title), "\uFFFD") {
				t.Fatalf("title %v, want %q", m, title)
			}
		}
	})
}

func BenchmarkWritePDF(b *testing.B) {
	for _, n := range []int{100, 1000} {
		d := drawingtest.Synthetic(n)
		b.Run(fmt.Sprintf("actors=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, d, Options{}); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
