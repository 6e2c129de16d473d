package typeset

import (
	"bufio"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	gobidi "github.com/go-text/typesetting/bidi"
)

// go test ./... -update must run in every package.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/ (none here)")

// bidiTestFile finds Unicode's conformance test for the bidi algorithm,
// which the go-text module carries.
func bidiTestFile(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-text/typesetting").Output()
	if err != nil {
		t.Skipf("cannot locate the go-text module: %v", err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), "bidi", "test", "BidiCharacterTest.txt")
}

// TestLevelsConformance checks levels and the visual order of L2 against
// every case of BidiCharacterTest.txt that Parley's text can produce: no
// explicit embeddings, overrides or isolates (neutralised before the
// algorithm runs) and no paragraph separators (each line is a paragraph).
func TestLevelsConformance(t *testing.T) {
	f, err := os.Open(bidiTestFile(t))
	if err != nil {
		t.Skipf("no conformance file: %v", err)
	}
	defer f.Close()
	var p gobidi.Paragraph
	var lv []int8
	checked, failed := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
lines:
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, ";")
		if len(fields) < 5 {
			continue
		}
		var text []rune
		for _, h := range strings.Fields(fields[0]) {
			v, _ := strconv.ParseUint(h, 16, 32)
			r := rune(v)
			if isBidiControl(r) || r == 0x2029 || r == 0x0a || r == 0x0d || r == 0x85 || (r >= 0x1c && r <= 0x1e) {
				continue lines
			}
			text = append(text, r)
		}
		var rtl bool
		switch fields[1] {
		case "0":
			rtl = false
		case "1":
			rtl = true
		default:
			rtl = paragraphRTL(text)
		}
		lv, _ = levelsIn(&p, text, lv, rtl)
		want := strings.Fields(fields[3])
		ok := len(want) == len(lv)
		for i := 0; ok && i < len(want); i++ {
			if want[i] != "x" && want[i] != strconv.Itoa(int(lv[i])) {
				ok = false
			}
		}
		// Visual order (L2) of the characters that are not removed.
		var keep []int
		var keepLv []int8
		for i := range lv {
			if i < len(want) && want[i] != "x" {
				keep = append(keep, i)
				keepLv = append(keepLv, lv[i])
			}
		}
		var got []string
		for _, k := range visualOrder(keepLv) {
			got = append(got, strconv.Itoa(keep[k]))
		}
		if ok && strings.Join(got, " ") != strings.TrimSpace(fields[4]) {
			ok = false
		}
		checked++
		if !ok {
			failed++
			if failed <= 10 {
				t.Errorf("%s: levels %v, order %v", line, lv, got)
			}
		}
	}
	if checked < 10_000 {
		t.Fatalf("only %d cases checked", checked)
	}
	if failed > 0 {
		t.Errorf("%d of %d cases fail", failed, checked)
	}
	t.Logf("%d cases", checked)
}
