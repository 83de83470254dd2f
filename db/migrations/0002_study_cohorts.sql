-- Exam-study settings of each user: target exam and date, time zone, daily question time.
CREATE TABLE study_settings (
    user_id    INTEGER PRIMARY KEY,
    exam_cert  TEXT,
    exam_date  TEXT,                 -- ISO date
    timezone   TEXT,                 -- IANA name; NULL means UTC
    daily_time TEXT,                 -- HH:MM in the user's zone; NULL means off
    updated_at TEXT NOT NULL
);
CREATE INDEX study_settings_daily ON study_settings (daily_time) WHERE daily_time IS NOT NULL;

-- A study cohort lives in one group chat; archived when the bot leaves the group.
CREATE TABLE cohorts (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    code        TEXT NOT NULL UNIQUE,   -- for the t.me/<bot>?start=join_<code> link
    name        TEXT,
    exam_cert   TEXT,
    exam_date   TEXT,
    timezone    TEXT,
    daily_time  TEXT,
    created_at  TEXT NOT NULL,
    archived_at TEXT
);
CREATE UNIQUE INDEX cohorts_active_chat ON cohorts (chat_id) WHERE archived_at IS NULL;

CREATE TABLE cohort_members (
    cohort_id    INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    display_name TEXT NOT NULL,         -- first name, shown on the leaderboard
    hidden       INTEGER NOT NULL DEFAULT 0,
    joined_at    TEXT NOT NULL,
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_members_user ON cohort_members (user_id);
