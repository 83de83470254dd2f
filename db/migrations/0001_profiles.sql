-- The profile of each user: one row per Telegram user id.
CREATE TABLE profiles (
    user_id    INTEGER PRIMARY KEY,
    years      INTEGER CHECK (years IS NULL OR years BETWEEN 0 AND 50),
    education  TEXT,
    certs      TEXT NOT NULL DEFAULT '[]',
    state      TEXT,
    employer   TEXT,
    skills     TEXT NOT NULL DEFAULT '[]',
    goal       TEXT,
    updated_at TEXT NOT NULL
);
