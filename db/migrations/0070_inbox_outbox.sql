-- Updates fetched from Telegram but not yet handled: stored before the next getUpdates confirms
-- them, so a crash cannot lose them; a row goes in the transaction that marks the update
-- handled. Texts stay here only until then.
CREATE TABLE inbox (
    update_id  INTEGER PRIMARY KEY,
    body       TEXT NOT NULL,       -- the update as Telegram sent it (JSON)
    fetched_at TEXT NOT NULL
);

-- Bot API calls that still failed after their retries (network, 5xx): sent again later.
-- chat_id makes a pending message the recipient's data (/forget removes it).
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    method     TEXT NOT NULL,
    params     TEXT NOT NULL,       -- JSON object: parameter name -> value as sent
    chat_id    INTEGER,
    attempts   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

-- Marking an update handled takes it out of the inbox, in the same statement.
CREATE TRIGGER inbox_handled AFTER INSERT ON processed_updates
BEGIN
    DELETE FROM inbox WHERE update_id = NEW.update_id;
END;
