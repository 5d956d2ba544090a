package store

// ApplicationID marks a SQLite file as Houvast's ("Houv" in ASCII), so a
// file of another application is recognised and left alone.
const ApplicationID = 0x486f7576

// migrations[i] brings the schema from version i to i+1. Each runs in one
// transaction together with the version bump, so a kill mid-way leaves the
// old schema whole. Never edit a migration that has shipped; add one.
var migrations = []string{
	// 1: cases, steps, agreements and their events.
	`
CREATE TABLE cases (
	id           TEXT PRIMARY KEY,
	ref          TEXT NOT NULL UNIQUE,
	name         TEXT NOT NULL,
	participants TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL,
	language     TEXT NOT NULL,
	dose         INTEGER NOT NULL,
	start        TEXT NOT NULL DEFAULT '',
	target       TEXT NOT NULL DEFAULT '',
	next_at      TEXT NOT NULL DEFAULT '',
	next_place   TEXT NOT NULL DEFAULT '',
	next_with    TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	signal       TEXT NOT NULL DEFAULT '',
	signal_date  TEXT NOT NULL DEFAULT '',
	template     TEXT NOT NULL DEFAULT '',
	closed_on    TEXT NOT NULL DEFAULT '',
	close_reason TEXT NOT NULL DEFAULT '',
	created      TEXT NOT NULL,
	updated      TEXT NOT NULL
) STRICT;

CREATE TABLE steps (
	id            TEXT PRIMARY KEY,
	case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	key           TEXT NOT NULL DEFAULT '',
	phase         TEXT NOT NULL,
	"order"       INTEGER NOT NULL,
	title         TEXT NOT NULL,
	why           TEXT NOT NULL DEFAULT '',
	after         TEXT NOT NULL DEFAULT '',
	owner         TEXT NOT NULL,
	owner_name    TEXT NOT NULL DEFAULT '',
	due           TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL,
	done_on       TEXT NOT NULL DEFAULT '',
	done_by       TEXT NOT NULL DEFAULT '',
	internal_note TEXT NOT NULL DEFAULT '',
	work_note     TEXT NOT NULL DEFAULT '',
	resident_note TEXT NOT NULL DEFAULT '',
	depends_on    TEXT NOT NULL DEFAULT '',
	pin           TEXT NOT NULL DEFAULT '',
	days          INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX steps_by_case ON steps(case_id);
CREATE INDEX steps_by_owner ON steps(owner, case_id);

CREATE TABLE agreements (
	id      TEXT PRIMARY KEY,
	case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	date    TEXT NOT NULL DEFAULT '',
	who     TEXT NOT NULL DEFAULT '',
	what    TEXT NOT NULL
) STRICT;
CREATE INDEX agreements_by_case ON agreements(case_id);

CREATE TABLE events (
	seq       INTEGER PRIMARY KEY AUTOINCREMENT,
	id        TEXT NOT NULL UNIQUE,
	case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	entity    TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	action    TEXT NOT NULL,
	field     TEXT NOT NULL DEFAULT '',
	old       TEXT NOT NULL DEFAULT '',
	new       TEXT NOT NULL DEFAULT '',
	at        TEXT NOT NULL,
	actor     TEXT NOT NULL DEFAULT '',
	role      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX events_by_case ON events(case_id, seq);
`,
	// 2: the end of stabilisation, the client profile, arrears signals in
	// aftercare and a step's outcome. A case closed without a reason gets
	// "other", since a closed case now needs one.
	`
ALTER TABLE cases ADD COLUMN stabilised_on TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN profile TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN profile_decision TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN signals TEXT NOT NULL DEFAULT '';
ALTER TABLE steps ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
UPDATE cases SET close_reason = 'other' WHERE status = 'closed' AND close_reason = '';
`,
	// 3: the case list counts each case's done, applicable and overdue steps
	// from an index alone; it also serves every lookup by case.
	`
CREATE INDEX steps_progress ON steps(case_id, status, due);
DROP INDEX steps_by_case;
`,
	// 4: the clocks of debt help: the request for help, a threat that makes
	// it urgent, and the first conversation.
	`
ALTER TABLE cases ADD COLUMN requested_on TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN threat TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN first_talk_on TEXT NOT NULL DEFAULT '';
-- The agenda reads the unfinished steps due by a day, across all cases,
-- and of every open case the fields of its clocks: an index that holds
-- them spares it the cases' long rows.
CREATE INDEX steps_open_due ON steps(due) WHERE status NOT IN ('done', 'not_applicable') AND due != '';
CREATE INDEX cases_agenda ON cases(ref, status, id, name, participants, start, target, next_at, next_place, next_with,
	closed_on, stabilised_on, requested_on, threat, first_talk_on, created, updated);
`,
	// 5: the debts of a case: each creditor's claim and where the request
	// for its balance stands. Amounts are whole cents.
	`
CREATE TABLE debts (
	id          TEXT PRIMARY KEY,
	case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	creditor    TEXT NOT NULL,
	collector   TEXT NOT NULL DEFAULT '',
	reference   TEXT NOT NULL DEFAULT '',
	amount      INTEGER NOT NULL DEFAULT 0 CHECK (amount BETWEEN 0 AND 1000000000),
	original    INTEGER NOT NULL DEFAULT 0 CHECK (original BETWEEN 0 AND 1000000000),
	kind        TEXT NOT NULL,
	threat      TEXT NOT NULL DEFAULT '',
	state       TEXT NOT NULL,
	asked_on    TEXT NOT NULL DEFAULT '',
	answered_on TEXT NOT NULL DEFAULT '',
	confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (confirmed BETWEEN 0 AND 1000000000),
	note        TEXT NOT NULL DEFAULT '',
	reference_checked TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX debts_by_case ON debts(case_id, state);
`,
	// 6: the resident's own plan for a step (see migrationStepPlan).
	migrationStepPlan,
	// 7: early-warning signals before a case, their contact attempts, and
	// the key of the team report (schema_signals.go).
	migrationSignals,
	// 8: an index of the marks that make a case a volunteer's copy (see
	// migrationCopyMarks).
	migrationCopyMarks,
}

// migrationCopyMarks: every save that can move Now asks whether the case is
// a volunteer's copy; without this index that is a walk through all the
// case's history. The index holds only the marks (one a package), and
// copyMarkWhere must name its terms as written here for SQLite to use it.
const migrationCopyMarks = `
CREATE INDEX events_copy_marks ON events(case_id, seq) WHERE entity = 'case' AND action = 'imported' AND field = 'volunteer_package';
`

// migrationStepPlan: the resident's own plan for a step, when and where
// they will do it and what they do if it does not work out; and an index
// that holds what the dose reads of a case's steps, so that every save,
// which checks Now before and after, reads it without the long rows.
const migrationStepPlan = `
ALTER TABLE steps ADD COLUMN when_where TEXT NOT NULL DEFAULT '';
ALTER TABLE steps ADD COLUMN if_not TEXT NOT NULL DEFAULT '';
CREATE INDEX steps_dose ON steps(case_id, status, id, phase, "order", due, depends_on, pin, days);
`

// SchemaVersion is the version this binary writes.
func SchemaVersion() int { return len(migrations) }
