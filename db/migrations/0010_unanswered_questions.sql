-- Questions the bot could not answer, counted so the knowledge can grow where people ask most.
-- Only the normalised question text is kept: never who asked it.
CREATE TABLE unanswered_questions (
    question  TEXT PRIMARY KEY,
    count     INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    last_seen TEXT NOT NULL
);
CREATE INDEX unanswered_questions_by_count ON unanswered_questions (count DESC, last_seen DESC);
