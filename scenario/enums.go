package scenario

import (
	"encoding"
	"fmt"
	"strings"
)

// The enumerated fields of a scenario. Each is a string type whose
// UnmarshalText accepts only the documented values, so a bad value is
// reported with its position and the allowed values.

// ActorKind is what an actor is.
type ActorKind string

// Actor kinds.
const (
	KindState        ActorKind = "state"
	KindBloc         ActorKind = "bloc"
	KindOrganisation ActorKind = "organisation"
	KindPerson       ActorKind = "person"
	KindGroup        ActorKind = "group"
)

// TrackKind is what sort of negotiating table a track is.
type TrackKind string

// Track kinds.
const (
	TrackSummit     TrackKind = "summit"
	TrackTalks      TrackKind = "talks"
	TrackCall       TrackKind = "call"
	TrackConference TrackKind = "conference"
	TrackMeeting    TrackKind = "meeting"
	TrackForum      TrackKind = "forum"
	TrackOther      TrackKind = "other"
)

// TrackStatus is where a track stands.
type TrackStatus string

// Track statuses.
const (
	StatusProposed  TrackStatus = "proposed"
	StatusPlanned   TrackStatus = "planned"
	StatusUnderWay  TrackStatus = "under-way"
	StatusSuspended TrackStatus = "suspended"
	StatusConcluded TrackStatus = "concluded"
	StatusCancelled TrackStatus = "cancelled"
)

// Role is the seat an actor takes at a track.
type Role string

// Seat roles, in the order they are drawn and listed. The third parties
// first (who calls, receives, chairs, mediates, facilitates, guarantees),
// then the parties, then those who attend without being parties, then
// those not (or not yet) at the table; docs/format.md maps them to the
// PA-X and CAMEO categories.
const (
	RoleConvener    Role = "convener"
	RoleHost        Role = "host"
	RoleChair       Role = "chair"
	RoleMediator    Role = "mediator"
	RoleFacilitator Role = "facilitator"
	RoleGuarantor   Role = "guarantor"
	RoleParticipant Role = "participant"
	RoleSignatory   Role = "signatory"
	RoleWitness     Role = "witness"
	RoleObserver    Role = "observer"
	RoleInvited     Role = "invited"
	RoleExcluded    Role = "excluded"
)

// SeatEnd is why a seat ended (its ended key).
type SeatEnd string

// Reasons a seat ends.
const (
	EndWalkedOut SeatEnd = "walked-out" // left in protest
	EndWithdrew  SeatEnd = "withdrew"   // left of its own accord
	EndExpelled  SeatEnd = "expelled"   // put out by the others
	EndReplaced  SeatEnd = "replaced"   // another holder took over (replaced_by)
)

// Certainty is how sure a claim is.
type Certainty string

// Certainties, from surest to least sure.
const (
	Confirmed   Certainty = "confirmed"
	Reported    Certainty = "reported"
	Claimed     Certainty = "claimed"
	Disputed    Certainty = "disputed"
	Speculative Certainty = "speculative"
)

// Reliability is a source's Admiralty (NATO) reliability grade, A to F.
type Reliability string

// EventKind is what sort of happening an event is.
type EventKind string

// Event kinds.
const (
	EventCall         EventKind = "call"
	EventMeeting      EventKind = "meeting"
	EventRemarks      EventKind = "remarks"
	EventAnnouncement EventKind = "announcement"
	EventVisit        EventKind = "visit"
	EventOther        EventKind = "other"
)

// Stance is a statement's attitude to what it is about.
type Stance string

// Stances.
const (
	StanceSupport Stance = "support"
	StanceOppose  Stance = "oppose"
	StanceNeutral Stance = "neutral"
	StanceConcern Stance = "concern"
	StanceDemand  Stance = "demand"
	StanceWarn    Stance = "warn"
)

// Allowed values of each enum, in documentation order.
var (
	ActorKinds    = []ActorKind{KindState, KindBloc, KindOrganisation, KindPerson, KindGroup}
	TrackKinds    = []TrackKind{TrackSummit, TrackTalks, TrackCall, TrackConference, TrackMeeting, TrackForum, TrackOther}
	TrackStatuses = []TrackStatus{StatusProposed, StatusPlanned, StatusUnderWay, StatusSuspended, StatusConcluded, StatusCancelled}
	Roles         = []Role{RoleConvener, RoleHost, RoleChair, RoleMediator, RoleFacilitator, RoleGuarantor, RoleParticipant, RoleSignatory, RoleWitness, RoleObserver, RoleInvited, RoleExcluded}
	SeatEnds      = []SeatEnd{EndWalkedOut, EndWithdrew, EndExpelled, EndReplaced}
	Certainties   = []Certainty{Confirmed, Reported, Claimed, Disputed, Speculative}
	Reliabilities = []Reliability{"A", "B", "C", "D", "E", "F"}
	EventKinds    = []EventKind{EventCall, EventMeeting, EventRemarks, EventAnnouncement, EventVisit, EventOther}
	Stances       = []Stance{StanceSupport, StanceOppose, StanceNeutral, StanceConcern, StanceDemand, StanceWarn}
)

var (
	_ encoding.TextUnmarshaler = (*ActorKind)(nil)
	_ encoding.TextUnmarshaler = (*TrackKind)(nil)
	_ encoding.TextUnmarshaler = (*TrackStatus)(nil)
	_ encoding.TextUnmarshaler = (*Role)(nil)
	_ encoding.TextUnmarshaler = (*SeatEnd)(nil)
	_ encoding.TextUnmarshaler = (*Certainty)(nil)
	_ encoding.TextUnmarshaler = (*Reliability)(nil)
	_ encoding.TextUnmarshaler = (*EventKind)(nil)
	_ encoding.TextUnmarshaler = (*Stance)(nil)
)

// UnmarshalText accepts one of ActorKinds.
func (k *ActorKind) UnmarshalText(b []byte) error { return setEnum(k, "kind", b, ActorKinds) }

// UnmarshalText accepts one of TrackKinds.
func (k *TrackKind) UnmarshalText(b []byte) error { return setEnum(k, "kind", b, TrackKinds) }

// UnmarshalText accepts one of TrackStatuses.
func (s *TrackStatus) UnmarshalText(b []byte) error { return setEnum(s, "status", b, TrackStatuses) }

// UnmarshalText accepts one of Roles.
func (r *Role) UnmarshalText(b []byte) error { return setEnum(r, "role", b, Roles) }

// UnmarshalText accepts one of SeatEnds.
func (e *SeatEnd) UnmarshalText(b []byte) error { return setEnum(e, "reason", b, SeatEnds) }

// UnmarshalText accepts one of Certainties.
func (c *Certainty) UnmarshalText(b []byte) error { return setEnum(c, "certainty", b, Certainties) }

// UnmarshalText accepts one of Reliabilities.
func (r *Reliability) UnmarshalText(b []byte) error {
	return setEnum(r, "reliability grade", b, Reliabilities)
}

// UnmarshalText accepts one of EventKinds.
func (k *EventKind) UnmarshalText(b []byte) error { return setEnum(k, "kind", b, EventKinds) }

// UnmarshalText accepts one of Stances.
func (s *Stance) UnmarshalText(b []byte) error { return setEnum(s, "stance", b, Stances) }

// EnumError is a value outside an enum's allowed set.
type EnumError struct {
	What    string   // "role", "kind", ...
	Value   string   // what the file said
	Allowed []string // the allowed values
}

// Error names the value, suggests the closest allowed one and lists them all.
func (e *EnumError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", e.What, e.Value)
	if s := closest(e.Value, e.Allowed); s != "" {
		fmt.Fprintf(&b, "; did you mean %q?", s)
	}
	fmt.Fprintf(&b, " (allowed: %s)", strings.Join(e.Allowed, ", "))
	return b.String()
}

func setEnum[T ~string](dst *T, what string, b []byte, allowed []T) error {
	v := string(b)
	for _, a := range allowed {
		if string(a) == v {
			*dst = a
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return &EnumError{What: what, Value: v, Allowed: names}
}

// Rank is the role's position in Roles, used to order seats and legends.
func (r Role) Rank() int { return indexOf(Roles, r) }

// Rank is the certainty's position in Certainties (0 is the surest).
func (c Certainty) Rank() int { return indexOf(Certainties, c) }

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return len(list)
}
