-- A quiz poll about to be sent. Written (with the update's processed mark) before the poll
-- leaves, replaced by its quiz_polls row once Telegram returns the poll id. A row left over
-- means the bot stopped in between: an answer to a poll id it does not know is matched to it.
CREATE TABLE quiz_pending_polls (
    id             INTEGER PRIMARY KEY,
    question_id    TEXT NOT NULL,
    chat_id        INTEGER NOT NULL,
    user_id        INTEGER,             -- the recipient of a private poll; NULL in a group
    correct_option INTEGER NOT NULL,
    cohort_id      INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX quiz_pending_polls_chat ON quiz_pending_polls (chat_id);
