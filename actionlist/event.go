package actionlist

import "time"

// Entity is what an event is about.
type Entity string

const (
	EntityCase      Entity = "case"
	EntityStep      Entity = "step"
	EntityAgreement Entity = "agreement"
	EntityDebt      Entity = "debt"
)

// Action is what happened to the entity.
type Action string

const (
	ActionCreated Action = "created"
	ActionChanged Action = "changed"
	ActionDeleted Action = "deleted"
)

// Actor is who made a change, in what role.
type Actor struct {
	Name string
	Role Role
}

// Event is one recorded change. A "changed" event holds one field with its
// old and new value; "created" and "deleted" hold a snapshot of every field
// (as JSON) in New or Old, so history and merges never need the live row.
type Event struct {
	ID       string
	CaseID   string
	Entity   Entity
	EntityID string
	Action   Action
	Field    string
	Old      string
	New      string
	At       time.Time
	Actor    Actor
}

// Change is one field's move from Old to New.
type Change struct {
	Field string
	Old   string
	New   string
}

// Conflict is a field someone else changed since it was read: Base is what
// this side saw, Mine what it wants, Theirs what is there now.
type Conflict struct {
	Field  string
	Base   string
	Mine   string
	Theirs string
}
