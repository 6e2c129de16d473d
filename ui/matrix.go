package ui

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parleyhq/parley/scenario"
)

// noRole is the matrix's "no seat" choice.
const noRole = "—"

// matrixPanel is the participation matrix: actors down, tracks across, each
// cell the actor's role at the track (or none) and its certainty.
type matrixPanel struct {
	u       *App
	table   *widget.Table
	note    *widget.Label
	content fyne.CanvasObject
	cells   map[widget.TableCellID]*matrixCell // the cells on screen, by position
	enabled bool
}

// matrixCell is one cell's widgets.
type matrixCell struct {
	box       *fyne.Container
	role      *widget.Select
	certainty *widget.Select
	more      *widget.Label // "+1" when the actor has more than one seat there
}

func newMatrixPanel(u *App) *matrixPanel {
	p := &matrixPanel{u: u, cells: map[widget.TableCellID]*matrixCell{}, enabled: true}
	p.table = widget.NewTableWithHeaders(
		func() (int, int) {
			if s := u.model; s != nil {
				return len(s.Actors), len(s.Tracks)
			}
			return 0, 0
		},
		p.newCell,
		p.updateCell,
	)
	p.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.TextStyle = fyne.TextStyle{Bold: true}
		return l
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		s := u.model
		switch {
		case s == nil:
			l.SetText("")
		case id.Row < 0 && id.Col >= 0 && id.Col < len(s.Tracks):
			l.SetText(s.Tracks[id.Col].Name)
		case id.Col < 0 && id.Row >= 0 && id.Row < len(s.Actors):
			l.SetText(s.Actors[id.Row].Label())
		default:
			l.SetText("")
		}
	}
	p.table.SetColumnWidth(-1, 170)
	p.note = widget.NewLabel("Each cell is the actor's seat at the track: its role (— for none) and how certain it is.")
	p.note.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(p.note, nil, nil, nil, p.table)
	return p
}

func (p *matrixPanel) newCell() fyne.CanvasObject {
	roles := append([]string{noRole}, strs(scenario.Roles)...)
	c := &matrixCell{
		role:      widget.NewSelect(roles, nil),
		certainty: widget.NewSelect(strs(scenario.Certainties), nil),
		more:      widget.NewLabel(""),
	}
	c.role.PlaceHolder = noRole
	c.certainty.PlaceHolder = "certainty"
	c.box = container.NewBorder(nil, nil, nil, c.more, container.NewGridWithColumns(2, c.role, c.certainty))
	// The column width comes from the cell's own minimum: setting each
	// column's width costs a refresh of the table per track (40 ms for
	// 430 tracks on the UI thread).
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(matrixColumnWidth, 0))
	return container.NewStack(width, c.box)
}

// matrixColumnWidth is the width of a track's column.
const matrixColumnWidth = 300

// cellOf finds the cell whose widgets are in the cell object o.
func (p *matrixPanel) cellOf(o *fyne.Container) *matrixCell {
	box := o.Objects[1].(*fyne.Container)
	for _, c := range p.cells {
		if c.box == box {
			return c
		}
	}
	grid := box.Objects[0].(*fyne.Container)
	return &matrixCell{box: box, role: grid.Objects[0].(*widget.Select), certainty: grid.Objects[1].(*widget.Select), more: box.Objects[1].(*widget.Label)}
}

func (p *matrixPanel) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := p.cellOf(o.(*fyne.Container))
	for k, old := range p.cells {
		if old == c && k != id {
			delete(p.cells, k)
		}
	}
	p.cells[id] = c
	s := p.u.model
	c.role.OnChanged, c.certainty.OnChanged = nil, nil
	if s == nil || id.Row >= len(s.Actors) || id.Col >= len(s.Tracks) {
		return
	}
	actor, track := s.Actors[id.Row].ID, s.Tracks[id.Col].ID
	seats := seatsAt(s, track, actor)
	if len(seats) == 0 {
		c.role.SetSelected(noRole)
		c.certainty.ClearSelected()
		c.certainty.Disable()
		c.more.SetText("")
	} else {
		st := s.Seats[seats[0]]
		c.role.SetSelected(string(st.Role))
		if st.Certainty == "" {
			c.certainty.ClearSelected()
		} else {
			c.certainty.SetSelected(string(st.Certainty))
		}
		c.certainty.Enable()
		if len(seats) > 1 {
			c.more.SetText(fmt.Sprintf("+%d", len(seats)-1))
		} else {
			c.more.SetText("")
		}
	}
	if p.enabled {
		c.role.Enable()
	} else {
		c.role.Disable()
		c.certainty.Disable()
	}
	c.role.OnChanged = func(role string) { p.setRole(actor, track, role) }
	c.certainty.OnChanged = func(cert string) { p.setCertainty(actor, track, cert) }
}

// seatsAt are the indexes of the base seats of actor at track.
func seatsAt(s *scenario.Scenario, track, actor string) []int {
	var out []int
	for i, st := range s.Seats {
		if st.Track == track && st.Actor == actor {
			out = append(out, i)
		}
	}
	return out
}

// setRole gives actor the role at track: changes its (first) seat there,
// adds one, or with noRole removes its seats there.
func (p *matrixPanel) setRole(actor, track, role string) {
	from := p.u.currentModel()
	if from == nil {
		return
	}
	to := cloneModel(from)
	at := seatsAt(to, track, actor)
	switch {
	case role == noRole || role == "":
		if len(at) == 0 {
			return
		}
		to.Seats = slices.DeleteFunc(to.Seats, func(st scenario.Seat) bool { return st.Track == track && st.Actor == actor })
		to.Seats = nilIfEmpty(to.Seats)
	case len(at) == 0:
		to.Seats = append(to.Seats, scenario.Seat{Track: track, Actor: actor, Role: scenario.Role(role), Certainty: scenario.Reported})
	default:
		if to.Seats[at[0]].Role == scenario.Role(role) {
			return
		}
		to.Seats[at[0]].Role = scenario.Role(role)
	}
	if !p.u.applyModel(to) {
		p.table.Refresh() // show the seat as it still is
	}
}

// setCertainty sets the certainty of actor's (first) seat at track.
func (p *matrixPanel) setCertainty(actor, track, cert string) {
	from := p.u.currentModel()
	if from == nil {
		return
	}
	to := cloneModel(from)
	at := seatsAt(to, track, actor)
	if len(at) == 0 || to.Seats[at[0]].Certainty == scenario.Certainty(cert) {
		return
	}
	to.Seats[at[0]].Certainty = scenario.Certainty(cert)
	if !p.u.applyModel(to) {
		p.table.Refresh()
	}
}

// refresh shows the current scenario.
func (p *matrixPanel) refresh() { p.table.Refresh() }

func (p *matrixPanel) setEnabled(on bool) {
	if p.enabled == on {
		return
	}
	p.enabled = on
	if on {
		p.note.SetText("Each cell is the actor's seat at the track: its role (— for none) and how certain it is.")
	} else {
		p.note.SetText("The text has errors: the matrix shows the last scenario that loaded and cannot change it until they are fixed.")
	}
	p.table.Refresh()
}

// cell is the widgets of the cell of actor row r and track column c, if it
// is on screen (tests).
func (p *matrixPanel) cell(r, c int) *matrixCell {
	return p.cells[widget.TableCellID{Row: r, Col: c}]
}
