// Package scenario is Parley's model of a negotiation situation: the types of
// a scenario file, Load (strict decoding with positioned problems), the
// validation passes and Resolve, which applies a variant to give one concrete
// picture. It knows nothing of Graphviz or Fyne.
package scenario

// FormatVersion is the scenario file format this package reads and writes
// (the top-level `format` key).
const FormatVersion = 1

// Scenario is one negotiation situation as written in a scenario file.
type Scenario struct {
	Format     int         `toml:"format"`
	Meta       Meta        `toml:"scenario"`
	Sources    []Source    `toml:"sources"`
	Actors     []Actor     `toml:"actors"`
	Tracks     []Track     `toml:"tracks"`
	Seats      []Seat      `toml:"seats"`
	Events     []Event     `toml:"events"`
	Statements []Statement `toml:"statements"`
	Variants   []Variant   `toml:"variants"`

	// Name is the file name given to Load, used in problem positions.
	Name string `toml:"-"`
	// Warnings holds the non-fatal problems found by Load.
	Warnings Problems `toml:"-"`
}

// Meta is the [scenario] table: what the file is about.
type Meta struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
	AsOf    Date   `toml:"as_of"`
}

// Source is a document that claims are taken from.
type Source struct {
	ID          string      `toml:"id"`
	Title       string      `toml:"title"`
	Publisher   string      `toml:"publisher"`
	Date        Date        `toml:"date"`
	URL         string      `toml:"url"`
	Reliability Reliability `toml:"reliability"`
}

// Actor is a state, bloc, organisation, group or person.
type Actor struct {
	ID          string       `toml:"id"`
	Name        string       `toml:"name"`
	Short       string       `toml:"short"`
	Kind        ActorKind    `toml:"kind"`
	ISO         string       `toml:"iso"`
	Wikidata    string       `toml:"wikidata"`
	Office      string       `toml:"office"`
	OfficeFrom  Date         `toml:"office_from"`
	OfficeTo    Date         `toml:"office_to"`
	Represents  string       `toml:"represents"`
	Memberships []Membership `toml:"memberships"`
	Note        string       `toml:"note"`
}

// Label is the actor's short label, or its name when it has none.
func (a *Actor) Label() string {
	if a.Short != "" {
		return a.Short
	}
	return a.Name
}

// Membership says that an actor belongs to a bloc or organisation.
type Membership struct {
	Of   string `toml:"of"`
	From Date   `toml:"from"`
	To   Date   `toml:"to"`
}

// Track is a negotiating table: a summit, talks, a call, a conference ...
type Track struct {
	ID        string       `toml:"id"`
	Name      string       `toml:"name"`
	Kind      TrackKind    `toml:"kind"`
	Venue     string       `toml:"venue"`
	Announced Date         `toml:"announced"`
	Start     Date         `toml:"start"`
	End       Date         `toml:"end"`
	When      string       `toml:"when"`
	Status    TrackStatus  `toml:"status"`
	Certainty Certainty    `toml:"certainty"`
	Sources   []string     `toml:"sources"`
	Note      string       `toml:"note"`
	Suspended []Suspension `toml:"suspended"`

	// Set by Resolve in a picture on a day, never read from a file:
	// Upcoming says the day is certainly before Start (Status then is what
	// was planned); Suspension is the suspension in force (Status is then
	// StatusSuspended); Possibly says that the track's presence or status
	// on that day holds only possibly (the day falls within the
	// uncertainty of a date that decides it).
	Upcoming   bool        `toml:"-" json:"-"`
	Suspension *Suspension `toml:"-" json:"-"`
	Possibly   bool        `toml:"-" json:"-"`
}

// Suspension is a span of days during which a track is suspended
// (adjourned, called off for a time); without To it has not resumed.
type Suspension struct {
	From    Date     `toml:"from"`
	To      Date     `toml:"to"`
	Reason  string   `toml:"reason"`
	Sources []string `toml:"sources"`
}

// String is the suspension as a reader would write it: "5 Mar 1997 – 3 Jun
// 1997 (adjourned for the elections)".
func (p Suspension) String() string {
	s := p.From.Human() + " –"
	if !p.To.IsZero() {
		s += " " + p.To.Human()
	}
	if p.Reason != "" {
		s += " (" + p.Reason + ")"
	}
	return s
}

// Seat says that an actor takes a role at a track, on every day from From
// to To (both included; either may be absent).
type Seat struct {
	Track      string    `toml:"track"`
	Actor      string    `toml:"actor"`
	Role       Role      `toml:"role"`
	Certainty  Certainty `toml:"certainty"`
	ClaimedBy  []string  `toml:"claimed_by"`
	InvitedBy  []string  `toml:"invited_by"`
	Sources    []string  `toml:"sources"`
	Note       string    `toml:"note"`
	From       Date      `toml:"from"`
	To         Date      `toml:"to"`
	Ended      SeatEnd   `toml:"ended"`
	ReplacedBy string    `toml:"replaced_by"`

	// Possibly is set by Resolve, never read from a file: the seat holds
	// only possibly on the picture's day (the day falls within the
	// uncertainty of From or To).
	Possibly bool `toml:"-" json:"-"`
}

// Event is a dated happening that links actors.
type Event struct {
	ID        string    `toml:"id"`
	Title     string    `toml:"title"`
	Kind      EventKind `toml:"kind"`
	Date      Date      `toml:"date"`
	Place     string    `toml:"place"`
	Track     string    `toml:"track"`
	Actors    []string  `toml:"actors"`
	Certainty Certainty `toml:"certainty"`
	Sources   []string  `toml:"sources"`
	Summary   string    `toml:"summary"`
}

// Statement is something an actor said, quoted or paraphrased.
type Statement struct {
	ID      string   `toml:"id"`
	Speaker string   `toml:"speaker"`
	Date    Date     `toml:"date"`
	At      string   `toml:"at"`
	Text    string   `toml:"text"`
	Quote   bool     `toml:"quote"`
	About   []string `toml:"about"`
	Stance  Stance   `toml:"stance"`
	Sources []string `toml:"sources"`
}

// Variant is a named alternative to the base scenario. Its seats replace the
// base seats of the same track and actor (or are added); its tracks replace
// the base track of the same id (or are added); remove_* take things away.
type Variant struct {
	ID           string    `toml:"id"`
	Name         string    `toml:"name"`
	Summary      string    `toml:"summary"`
	Tracks       []Track   `toml:"tracks"`
	Seats        []Seat    `toml:"seats"`
	RemoveTracks []string  `toml:"remove_tracks"`
	RemoveSeats  []SeatRef `toml:"remove_seats"`
}

// SeatRef names the seats of one actor at one track; with Role set, only
// that role's seat.
type SeatRef struct {
	Track string `toml:"track"`
	Actor string `toml:"actor"`
	Role  Role   `toml:"role"`
}
