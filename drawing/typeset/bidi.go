package typeset

import (
	gobidi "github.com/go-text/typesetting/bidi"
	"golang.org/x/text/unicode/bidi"
)

// Every line of text is its own bidi paragraph (UAX #9), its direction
// that of its first strong character (rules P2, P3), left to right if it
// has none. Explicit embeddings, overrides and isolates never reach the
// algorithm: neutralise replaces them with visible boxes first, so the
// levels here are 0, 1 or 2 and come from the implicit rules alone.
//
// go-text's bidi package resolves the levels but reports only runs of one
// direction (its runs merge levels 0 and 2), which is not enough for rule
// L2 (go-text/typesetting#249). Within those runs the exact level follows
// from rules I1 and I2 once the weak types are known: with paragraph level
// 1 every left-to-right character is at level 2; with paragraph level 0 a
// left-to-right character is at level 2 exactly when rules W1–W7 resolve it
// to a number (EN or AN). weakTypes applies those rules.

// levels returns the embedding level of each rune of text and whether the
// paragraph is right to left. p is reused between calls.
func levels(p *gobidi.Paragraph, text []rune, out []int8) ([]int8, bool) {
	return levelsIn(p, text, out, paragraphRTL(text))
}

// levelsIn is levels in a paragraph of the given direction.
func levelsIn(p *gobidi.Paragraph, text []rune, out []int8, rtl bool) ([]int8, bool) {
	out = out[:0]
	if len(text) == 0 {
		return out, rtl
	}
	dir := gobidi.LeftToRight
	if rtl {
		dir = gobidi.RightToLeft
	}
	runs := p.Segment(text, dir)
	for i := range runs.NumRuns() {
		r := runs.Run(i)
		odd := r.Level%2 == 1
		for range r.End - r.Start {
			switch {
			case odd:
				out = append(out, 1)
			case rtl:
				out = append(out, 2)
			default:
				out = append(out, 0)
			}
		}
	}
	if !rtl {
		weak := weakTypes(text)
		for i, c := range weak {
			if out[i] == 0 && (c == bidi.EN || c == bidi.AN) {
				out[i] = 2
			}
		}
	}
	return out, rtl
}

// bidiClass is r's bidirectional class.
func bidiClass(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// paragraphRTL applies rules P2 and P3: the first strong character decides.
func paragraphRTL(text []rune) bool {
	for _, r := range text {
		switch bidiClass(r) {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// weakTypes resolves the weak types of text (rules W1–W7) in a paragraph of
// level 0 with no explicit formatting, boundary neutrals (rule X9) being
// skipped. Only whether a character ends up a number is used.
func weakTypes(text []rune) []bidi.Class {
	t := make([]bidi.Class, len(text))
	idx := make([]int, 0, len(text)) // indices of the non-BN characters
	for i, r := range text {
		t[i] = bidiClass(r)
		if t[i] != bidi.BN {
			idx = append(idx, i)
		}
	}
	// W1: a non-spacing mark takes the type of the character before it.
	prev := bidi.L // sos for level 0
	for _, i := range idx {
		if t[i] == bidi.NSM {
			t[i] = prev
		}
		prev = t[i]
	}
	// W2, W3: European numbers after Arabic letters are Arabic numbers;
	// Arabic letters are then R.
	last := bidi.L
	for _, i := range idx {
		switch t[i] {
		case bidi.L, bidi.R, bidi.AL:
			last = t[i]
		case bidi.EN:
			if last == bidi.AL {
				t[i] = bidi.AN
			}
		}
	}
	for _, i := range idx {
		if t[i] == bidi.AL {
			t[i] = bidi.R
		}
	}
	// W4: one separator between two numbers of a type joins them.
	for k := 1; k+1 < len(idx); k++ {
		a, c, b := t[idx[k-1]], t[idx[k]], t[idx[k+1]]
		switch {
		case c == bidi.ES && a == bidi.EN && b == bidi.EN,
			c == bidi.CS && a == bidi.EN && b == bidi.EN:
			t[idx[k]] = bidi.EN
		case c == bidi.CS && a == bidi.AN && b == bidi.AN:
			t[idx[k]] = bidi.AN
		}
	}
	// W5: terminators next to a European number become one.
	for k := 0; k < len(idx); {
		if t[idx[k]] != bidi.ET {
			k++
			continue
		}
		end := k
		for end < len(idx) && t[idx[end]] == bidi.ET {
			end++
		}
		if (k > 0 && t[idx[k-1]] == bidi.EN) || (end < len(idx) && t[idx[end]] == bidi.EN) {
			for j := k; j < end; j++ {
				t[idx[j]] = bidi.EN
			}
		}
		k = end
	}
	// W6: remaining separators and terminators are neutral.
	for _, i := range idx {
		switch t[i] {
		case bidi.ES, bidi.ET, bidi.CS:
			t[i] = bidi.ON
		}
	}
	// W7: European numbers after left-to-right text are left to right.
	last = bidi.L
	for _, i := range idx {
		switch t[i] {
		case bidi.L, bidi.R:
			last = t[i]
		case bidi.EN:
			if last == bidi.L {
				t[i] = bidi.L
			}
		}
	}
	return t
}

// visualOrder returns the order in which to lay out runs of the given
// levels, left to right (rule L2: from the highest level down to the
// lowest odd one, reverse every sequence of runs at that level or higher).
func visualOrder(runLevels []int8) []int {
	order := make([]int, len(runLevels))
	for i := range order {
		order[i] = i
	}
	var hi, lowOdd int8 = 0, 127
	for _, l := range runLevels {
		hi = max(hi, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for lvl := hi; lvl >= lowOdd && lvl > 0; lvl-- {
		for i := 0; i < len(order); {
			if runLevels[order[i]] < lvl {
				i++
				continue
			}
			j := i
			for j < len(order) && runLevels[order[j]] >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}
