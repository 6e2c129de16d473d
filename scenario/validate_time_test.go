package scenario

import (
	"strings"
	"testing"
)

// TestVariantKeepsSeatOutsideItsDates: a variant that ends a track early
// but keeps a base seat from after that day is warned about, at the
// variant's end; a variant that gives its own seat, or removes the base
// one, is not.
func TestVariantKeepsSeatOutsideItsDates(t *testing.T) {
	base := `format = 1
[scenario]
title = "t"
[[sources]]
id = "s"
title = "S"
[[actors]]
id = "a"
name = "A"
kind = "state"
[[tracks]]
id = "talks"
name = "Talks"
kind = "talks"
start = 2019-01-01
end = 2020-03-01
sources = ["s"]
[[seats]]
track = "talks"
actor = "a"
role = "signatory"
from = 2020-02-29
sources = ["s"]
[[variants]]
id = "early"
name = "Early end"
[[variants.tracks]]
id = "talks"
name = "Talks"
kind = "talks"
start = 2019-01-01
end = 2019-09-07
status = "cancelled"
sources = ["s"]
`
	s := loadString(t, base)
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.String())
	}
	all := strings.Join(got, "\n")
	if !strings.Contains(all, `variants[1].tracks[1].end: the base seat of "a" at "talks" begins (from = 2020-02-29) after this variant's track ends (end = 2019-09-07)`) {
		t.Errorf("no warning about the kept seat:\n%s", all)
	}
	for _, fix := range []string{
		"[[variants.remove_seats]]\ntrack = \"talks\"\nactor = \"a\"\n",
		"[[variants.seats]]\ntrack = \"talks\"\nactor = \"a\"\nrole = \"participant\"\nto = 2019-09-07\nsources = [\"s\"]\n",
	} {
		s := loadString(t, base+fix)
		for _, w := range s.Warnings {
			if strings.Contains(w.String(), "the variant keeps it") {
				t.Errorf("warned although the variant deals with the seat:\n%s\n%v", fix, w)
			}
		}
	}
}
