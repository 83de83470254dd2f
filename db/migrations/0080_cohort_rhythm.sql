-- A cohort's rhythm: pause, the daily question's domain, how long a round stays open, seasons.
ALTER TABLE cohorts ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cohorts ADD COLUMN daily_domain TEXT;        -- a quiz-bank domain id; NULL: a mix
ALTER TABLE cohorts ADD COLUMN round_hours INTEGER;      -- NULL: the default window
ALTER TABLE cohorts ADD COLUMN season INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cohorts ADD COLUMN season_started_at TEXT;   -- NULL: since the cohort began

-- A group quiz poll is a round: open until `closes_at`, then stopped and its result posted.
CREATE TABLE quiz_rounds (
    poll_id   TEXT PRIMARY KEY REFERENCES quiz_polls (poll_id) ON DELETE CASCADE,
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    closes_at TEXT NOT NULL,          -- UTC ISO timestamp
    closed_at TEXT
);
CREATE INDEX quiz_rounds_open ON quiz_rounds (cohort_id, closes_at) WHERE closed_at IS NULL;

-- Scheduled posts a cohort got (daily question, weekly summary, exam reminder), one row each:
-- claimed before sending, so that no post goes out twice, after a restart either.
CREATE TABLE cohort_posts (
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    key       TEXT NOT NULL,          -- e.g. daily:2027-01-04, summary:2027-01-04, reminder:30
    posted_at TEXT NOT NULL,
    PRIMARY KEY (cohort_id, key)
);
