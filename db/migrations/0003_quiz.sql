-- Every quiz poll the bot sent: poll answers arrive with the poll id only.
CREATE TABLE quiz_polls (
    poll_id        TEXT PRIMARY KEY,
    question_id    TEXT NOT NULL,
    chat_id        INTEGER NOT NULL,
    user_id        INTEGER,             -- the recipient of a private poll; NULL in a group
    message_id     INTEGER NOT NULL,
    correct_option INTEGER NOT NULL,    -- index among the options as sent (after shuffling)
    cohort_id      INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,
    sent_at        TEXT NOT NULL
);
CREATE INDEX quiz_polls_chat ON quiz_polls (chat_id, question_id);
CREATE INDEX quiz_polls_user ON quiz_polls (user_id) WHERE user_id IS NOT NULL;

-- One answer per user and poll (Telegram does not let a quiz answer change).
CREATE TABLE quiz_answers (
    user_id     INTEGER NOT NULL,
    poll_id     TEXT NOT NULL REFERENCES quiz_polls (poll_id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    domain      TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    cohort_id   INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,  -- set when it counts there
    answered_at TEXT NOT NULL,          -- UTC ISO timestamp
    PRIMARY KEY (user_id, poll_id)
);
CREATE INDEX quiz_answers_user ON quiz_answers (user_id, answered_at);
CREATE INDEX quiz_answers_cohort ON quiz_answers (cohort_id, answered_at)
    WHERE cohort_id IS NOT NULL;

-- Questions users reported as wrong or unclear, for the operator's review.
CREATE TABLE quiz_flags (
    id          INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    user_id     INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (question_id, user_id)
);
