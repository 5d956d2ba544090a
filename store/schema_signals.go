package store

// migrationSignals keeps the early-warning signals that arrive before any
// case exists, the attempts to reach their residents, and a random key of
// this database for the team's report. A signal that becomes a case points
// to it and is erased with it; one that did not is erased on its own when
// its retention period has passed.
const migrationSignals = `
CREATE TABLE arrears_signals (
	id            TEXT PRIMARY KEY,
	partner       TEXT NOT NULL,
	amount_cents  INTEGER NOT NULL DEFAULT 0,
	arrears_since TEXT NOT NULL DEFAULT '',
	received      TEXT NOT NULL,
	crisis        INTEGER NOT NULL DEFAULT 0,
	name          TEXT NOT NULL,
	address       TEXT NOT NULL DEFAULT '',
	phone         TEXT NOT NULL DEFAULT '',
	person_key    TEXT NOT NULL,
	outcome       TEXT NOT NULL DEFAULT '',
	closed_on     TEXT NOT NULL DEFAULT '',
	case_id       TEXT REFERENCES cases(id) ON DELETE CASCADE,
	created       TEXT NOT NULL,
	updated       TEXT NOT NULL
) STRICT;
-- One signal per partner, date and person: an import run twice adds nothing.
CREATE UNIQUE INDEX arrears_signals_once ON arrears_signals(partner, received, person_key);
CREATE INDEX arrears_signals_by_case ON arrears_signals(case_id) WHERE case_id IS NOT NULL;

CREATE TABLE signal_attempts (
	id        TEXT PRIMARY KEY,
	signal_id TEXT NOT NULL REFERENCES arrears_signals(id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,
	kind      TEXT NOT NULL,
	on_date   TEXT NOT NULL,
	part      TEXT NOT NULL,
	reached   INTEGER NOT NULL DEFAULT 0,
	note      TEXT NOT NULL DEFAULT '',
	actor     TEXT NOT NULL DEFAULT '',
	at        TEXT NOT NULL
) STRICT;
CREATE INDEX signal_attempts_by_signal ON signal_attempts(signal_id, seq);

-- The team report names a laptop by a key made from this, never by a name.
CREATE TABLE report_key (key TEXT NOT NULL) STRICT;
INSERT INTO report_key VALUES (lower(hex(randomblob(16))));
`
