package editor

import (
	"strings"

	"fyne.io/fyne/v2"
)

// Context is where a completion is asked for: a string value being typed.
type Context struct {
	// Table is the [table] or [[array of tables]] the cursor is in, as
	// written in its header: "seats", "variants.seats"; "" before any.
	Table string
	// Key is the key whose value is typed: "actor", "claimed_by"; for an
	// element of an array, the array's key.
	Key string
	// Parent is the key of the array or inline table that holds Key, when
	// there is one: "memberships" for memberships = [{ of = "…" }].
	Parent string
	// Prefix is what has been typed of the string so far.
	Prefix string
}

// Candidate is one completion: an id and the name shown beside it.
type Candidate struct {
	ID, Name string
}

// label is how the list shows a candidate: "id — name".
func (c Candidate) label() string {
	if c.Name == "" || c.Name == c.ID {
		return c.ID
	}
	return c.ID + " — " + c.Name
}

// maxRows is the number of candidates the list shows at once.
const maxRows = 8

// completion is the list of candidates under the cursor. It is drawn by
// the editor itself (not a Fyne pop-up) so that the keyboard stays with
// the editor while it is open.
type completion struct {
	e       *Editor
	shown   bool
	items   []Candidate
	sel     int
	top     int
	start   Pos  // just after the opening quote
	quote   byte // the string's quote
	refused Pos  // Escape closed the list for the string starting here
	p       pools
	box     fyne.Position
	rowW    float32
}

func (c *completion) visible() bool { return c.shown }

func (c *completion) hide() {
	if c.shown {
		c.shown = false
		c.e.Refresh()
	}
}

// typed updates the list after a character was typed.
func (c *completion) typed(r rune) {
	if c.e.Completions == nil {
		return
	}
	if c.shown || r == '"' || r == '\'' || isIDRune(r) {
		c.open(false)
	}
}

func isIDRune(r rune) bool {
	return r == '_' || r == '-' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// open shows the candidates for the string at the cursor, if any; an
// explicit request (Ctrl+Space) opens it even after Escape.
func (c *completion) open(explicit bool) {
	e := c.e
	if e.Completions == nil {
		return
	}
	ctx, start, quote, ok := e.completionContext()
	if !ok || (!explicit && !c.shown && start == c.refused) {
		c.hide()
		return
	}
	all := e.Completions(ctx)
	items := filterCandidates(all, ctx.Prefix)
	if len(items) == 0 || len(items) == 1 && items[0].ID == ctx.Prefix && !explicit {
		c.hide()
		return
	}
	if !c.shown || c.start != start {
		c.sel, c.top = 0, 0
	}
	c.items, c.start, c.quote, c.shown = items, start, quote, true
	c.sel = min(c.sel, len(items)-1)
	e.Refresh()
}

// filterCandidates keeps the candidates whose id or name contains prefix
// (ignoring case): ids starting with it first, then the others, each in
// the given order.
func filterCandidates(all []Candidate, prefix string) []Candidate {
	p := strings.ToLower(prefix)
	var first, rest []Candidate
	for _, c := range all {
		id, name := strings.ToLower(c.ID), strings.ToLower(c.Name)
		switch {
		case strings.HasPrefix(id, p):
			first = append(first, c)
		case strings.Contains(id, p) || strings.Contains(name, p):
			rest = append(rest, c)
		}
	}
	return append(first, rest...)
}

// key handles a key while the list is open; it reports whether it did.
func (c *completion) key(k fyne.KeyName) bool {
	if !c.shown {
		return false
	}
	switch k {
	case fyne.KeyDown:
		c.sel = (c.sel + 1) % len(c.items)
	case fyne.KeyUp:
		c.sel = (c.sel - 1 + len(c.items)) % len(c.items)
	case fyne.KeyPageDown:
		c.sel = min(c.sel+maxRows, len(c.items)-1)
	case fyne.KeyPageUp:
		c.sel = max(c.sel-maxRows, 0)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
		c.accept(c.sel)
		return true
	case fyne.KeyEscape:
		c.refused = c.start
		c.hide()
		return true
	default:
		return false
	}
	if c.sel < c.top {
		c.top = c.sel
	} else if c.sel >= c.top+maxRows {
		c.top = c.sel - maxRows + 1
	}
	c.e.Refresh()
	return true
}

// accept puts candidate i in place of the partial id and closes the
// string.
func (c *completion) accept(i int) {
	e := c.e
	if i < 0 || i >= len(c.items) {
		return
	}
	id := c.items[i].ID
	c.shown = false
	line := e.buf.Line(c.start.Line)
	end := e.cur.Col
	for end < len(line) && isIDRune(rune(line[end])) {
		end++
	}
	text := id
	if end < len(line) && line[end] == c.quote {
		end++
	}
	text += string(c.quote)
	e.userEdit(c.start, Pos{c.start.Line, end}, text, editOther)
}

// completionContext finds the string value at the cursor and what it is
// the value of.
func (e *Editor) completionContext() (ctx Context, start Pos, quote byte, ok bool) {
	cur := e.cur
	if e.anc != cur {
		return ctx, start, 0, false
	}
	st := e.hl.state(cur.Line)
	if st.str != inNone {
		return ctx, start, 0, false
	}
	line := e.buf.Line(cur.Line)
	prefix := line[:cur.Col]
	spans, _ := lexLine(prefix, st, nil)
	// the string the cursor is in: the last spans, string or escape, up
	// to the cursor
	k := len(spans) - 1
	if k < 0 || spans[k].End != len(prefix) || spans[k].Kind != String && spans[k].Kind != Escape {
		return ctx, start, 0, false
	}
	for k > 0 && (spans[k-1].Kind == String || spans[k-1].Kind == Escape) && spans[k-1].End == spans[k].Start {
		k--
	}
	s := spans[k].Start
	q := prefix[s]
	if q != '"' && q != '\'' || strings.HasPrefix(prefix[s:], `"""`) || strings.HasPrefix(prefix[s:], `'''`) {
		return ctx, start, 0, false
	}
	body := prefix[s+1:]
	if strings.IndexByte(body, q) >= 0 && (q == '\'' || !strings.Contains(body, `\`)) {
		return ctx, start, 0, false // closed before the cursor
	}
	ctx.Prefix = body
	ctx.Key, ctx.Parent = e.keyOfValue(cur.Line, spans[:k], prefix)
	ctx.Table = e.tableAt(cur.Line)
	return ctx, Pos{cur.Line, s + 1}, q, ctx.Key != ""
}

// keyOfValue works out which key the value being typed belongs to,
// following arrays and inline tables back to the line where the key/value
// pair starts.
func (e *Editor) keyOfValue(line int, before []Span, prefix string) (key, parent string) {
	first := line
	for n := 0; first > 0 && n < 2000 && e.hl.state(first).depth > 0; n++ {
		first--
	}
	var stack []string
	cur, building := "", ""
	prevDot := false
	walk := func(text string, spans []Span) {
		for _, s := range spans {
			t := text[s.Start:s.End]
			switch {
			case s.Kind == Key:
				k := strings.Trim(t, `"'`)
				if prevDot {
					building += "." + k
				} else {
					building = k
				}
				prevDot = false
			case s.Kind == Punct && t == ".":
				prevDot = true
			case s.Kind == Punct && t == "=":
				cur, building = building, ""
			case s.Kind == Punct && (t == "[" || t == "{"):
				stack = append(stack, cur)
				cur = ""
			case s.Kind == Punct && (t == "]" || t == "}"):
				if n := len(stack); n > 0 {
					cur = stack[n-1]
					stack = stack[:n-1]
				}
			case s.Kind == Punct && t == ",":
				cur = ""
			}
		}
	}
	for i := first; i < line; i++ {
		walk(e.buf.Line(i), e.hl.spans(i))
	}
	walk(prefix, before)
	// the key is the last one given; inside an array, the array's; the
	// parent is the nearest named container above it
	n := len(stack)
	if cur == "" {
		for n > 0 && cur == "" {
			cur = stack[n-1]
			n--
		}
	}
	for n > 0 && parent == "" {
		parent = stack[n-1]
		n--
	}
	return lastPart(cur), lastPart(parent)
}

func lastPart(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[i+1:]
	}
	return k
}

// tableAt is the name of the table header above line i.
func (e *Editor) tableAt(i int) string {
	for ; i >= 0; i-- {
		l := strings.TrimLeft(e.buf.Line(i), " \t")
		if !strings.HasPrefix(l, "[") {
			continue
		}
		if st := e.hl.state(i); st.depth != 0 || st.str != inNone {
			continue
		}
		end := strings.IndexByte(l, ']')
		if end < 0 {
			end = len(l)
		}
		name := strings.Trim(l[:end], "[ \t")
		parts := strings.Split(name, ".")
		for j, p := range parts {
			parts[j] = strings.Trim(strings.TrimSpace(p), `"'`)
		}
		return strings.Join(parts, ".")
	}
	return ""
}

// layout places the list under the string (above it near the bottom).
func (c *completion) layout() {
	e := c.e
	c.p.reset()
	if !c.shown {
		return
	}
	rows := min(len(c.items), maxRows)
	pad := e.cw / 2
	w := float32(0)
	for _, it := range c.items {
		w = max(w, e.drawnWidth(it.label(), fyne.TextStyle{Monospace: true}))
	}
	w = min(w+2*pad, max(e.Size().Width*0.7, 120))
	h := float32(rows) * e.lh
	line := e.buf.Line(c.start.Line)
	col := float32(layoutOf(line).colOf(c.start.Col))
	x := e.view.Position().X + e.padX() - e.scrollX + col*e.cw - pad
	y := e.view.Position().Y + float32(c.start.Line+1)*e.lh - e.scrollY
	if y+h > e.Size().Height && y-e.lh-h >= 0 {
		y = y - e.lh - h
	}
	x = max(min(x, e.Size().Width-w), 0)
	c.box, c.rowW = fyne.NewPos(x, y), w
	c.p.rect(e.pal.border, fyne.NewPos(x-1, y-1), fyne.NewSize(w+2, h+2))
	c.p.rect(e.pal.popupBg, fyne.NewPos(x, y), fyne.NewSize(w, h))
	for r := 0; r < rows; r++ {
		i := c.top + r
		if i >= len(c.items) {
			break
		}
		ry := y + float32(r)*e.lh
		if i == c.sel {
			c.p.rect(e.pal.popupSel, fyne.NewPos(x, ry), fyne.NewSize(w, e.lh))
		}
		it := c.items[i]
		c.p.text(it.ID, e.pal.kinds[String], e.textSize, fyne.TextStyle{Monospace: true}, fyne.NewPos(x+pad, ry))
		if l := it.label(); l != it.ID {
			rest := l[len(it.ID):]
			idW := e.drawnWidth(it.ID, fyne.TextStyle{Monospace: true})
			c.p.text(clip(rest, int((w-2*pad-idW)/e.cw)), e.pal.fg, e.textSize, fyne.TextStyle{Monospace: true}, fyne.NewPos(x+pad+idW, ry))
		}
	}
	if len(c.items) > rows {
		// a small thumb for where in the list we are
		th := h * float32(rows) / float32(len(c.items))
		ty := y + (h-th)*float32(c.top)/float32(len(c.items)-rows)
		c.p.rect(e.pal.scrollThumb, fyne.NewPos(x+w-4, ty), fyne.NewSize(3, th))
	}
}

// clip cuts s to n characters, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if n <= 1 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (c *completion) objects() []fyne.CanvasObject { return c.p.objs }

// hit is the candidate at a point of the editor, -1 when none.
func (c *completion) hit(p fyne.Position) int {
	if !c.shown {
		return -1
	}
	e := c.e
	rows := min(len(c.items), maxRows)
	if p.X < c.box.X || p.X > c.box.X+c.rowW || p.Y < c.box.Y || p.Y >= c.box.Y+float32(rows)*e.lh {
		return -1
	}
	return c.top + int((p.Y-c.box.Y)/e.lh)
}

// tooltip is the message box of problems under the mouse.
type tooltip struct {
	p pools
}

func (t *tooltip) objects() []fyne.CanvasObject { return t.p.objs }

// showTip shows the messages of ps near pos (editor coordinates), or
// hides the tooltip when ps is empty.
func (e *Editor) showTip(ps []Problem, pos fyne.Position) {
	t := e.tip
	had := len(t.p.objs) > 0
	t.p.reset()
	if len(ps) == 0 {
		if had {
			e.Refresh()
		}
		return
	}
	var lines []string
	var sev []Severity
	for _, p := range ps {
		for _, l := range wrap(p.Message, 70) {
			lines = append(lines, l)
			sev = append(sev, p.Severity)
		}
	}
	pad := e.cw
	w := float32(0)
	for _, l := range lines {
		w = max(w, e.drawnWidth(l, fyne.TextStyle{}))
	}
	w += 2*pad + e.lh
	h := float32(len(lines))*e.lh + pad
	x := min(pos.X+e.cw, e.Size().Width-w)
	y := pos.Y + e.lh*1.2
	if y+h > e.Size().Height {
		y = pos.Y - h - e.lh*0.5
	}
	x, y = max(x, 0), max(y, 0)
	t.p.rect(e.pal.border, fyne.NewPos(x-1, y-1), fyne.NewSize(w+2, h+2))
	t.p.rect(e.pal.popupBg, fyne.NewPos(x, y), fyne.NewSize(w, h))
	for i, l := range lines {
		ly := y + pad/2 + float32(i)*e.lh
		c := e.pal.errorC
		if sev[i] == Warning {
			c = e.pal.warnC
		}
		t.p.rect(c, fyne.NewPos(x+pad/2, ly+e.lh*0.3), fyne.NewSize(e.lh*0.4, e.lh*0.4)).CornerRadius = e.lh * 0.2
		t.p.text(l, e.pal.fg, e.textSize, fyne.TextStyle{}, fyne.NewPos(x+pad+e.lh*0.5, ly))
	}
	e.Refresh()
}

// wrap breaks s into lines of at most n characters, at spaces.
func wrap(s string, n int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, w := range strings.Fields(para) {
			if line != "" && len([]rune(line))+1+len([]rune(w)) > n {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	return out
}
