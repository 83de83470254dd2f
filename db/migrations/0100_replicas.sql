-- Several replicas on one database (docs/replicas.md).

-- Leases: the replica named in `holder` holds the lease `name` until `expires_at` (UTC ISO
-- text to the microsecond, passed in by the bot: SQL computes no times). The scheduler lease ('scheduler') elects
-- the one replica that runs the scheduled work; it renews it every third of its lifetime, and
-- another replica takes it once it has expired. Holds no personal data.
CREATE TABLE scheduler_lease (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Schedule changes for the scheduler replica to pick up: a replica that changes what is
-- scheduled (a user's daily time, a cohort's settings, a round opened) notes the subject here
-- in the same transaction; the scheduler re-reads that subject and reschedules it, then deletes
-- the note (within seconds). `subject` is 'user:<id>' or 'cohort:<id>': an id, kept only
-- until the scheduler has read it.
CREATE TABLE schedule_changes (
    id       INTEGER PRIMARY KEY,
    subject  TEXT NOT NULL,
    since    TEXT,                  -- for a cohort: posts count as due from then (or NULL)
    noted_at TEXT NOT NULL
);

-- The profile editor's dialogue: the field a user is editing, so that the value they type next
-- is understood by whichever replica receives it. A row of the user's (user_id: /export shows
-- it, /forget deletes it); gone when they finish, /cancel or send /profile.
CREATE TABLE profile_editing (
    user_id    INTEGER PRIMARY KEY,
    field      TEXT NOT NULL,
    wizard     INTEGER NOT NULL,       -- 1: the guided set-up, going on to the next field
    updated_at TEXT NOT NULL
);
