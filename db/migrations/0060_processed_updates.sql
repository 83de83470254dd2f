-- Ids of the updates already handled, so that an update Telegram delivers again after a restart
-- is not applied twice. Holds no personal data; rows older than two days are pruned.
CREATE TABLE processed_updates (
    update_id INTEGER PRIMARY KEY,
    seen_at   TEXT NOT NULL
);
CREATE INDEX processed_updates_seen_at ON processed_updates (seen_at);
