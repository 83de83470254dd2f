-- When each daily question was last sent, so that one due while the bot was down is sent once
-- on start (see handlers.daily); user_id makes a user's row theirs (/forget removes it).
CREATE TABLE daily_runs (
    job        TEXT PRIMARY KEY,        -- the job's name
    user_id    INTEGER,
    last_run   TEXT NOT NULL            -- UTC ISO time the question was sent
);
