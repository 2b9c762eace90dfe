-- The indexes the history queries rely on; the same on SQLite and PostgreSQL.

-- "Who was on server X at T": intervals of X that end at or after T (or are open), checked against their start
-- without reading the row.
CREATE INDEX ix_interval_server_end ON session_interval (server_key, end_ms, start_ms);

-- "User U's / client C's intervals between two times".
CREATE INDEX ix_interval_user_start ON session_interval (user_key, start_ms);
CREATE INDEX ix_interval_client_start ON session_interval (client_key, start_ms);

-- Coverage of a server over a time range, and the latest answer of each server.
CREATE INDEX ix_coverage_server_to ON poll_coverage (server_key, to_ms);

-- Samples of one interval (the timeline's details).
CREATE INDEX ix_sample_interval ON session_sample (interval_id, bucket_ms);

-- Retention: the oldest closed intervals first. Partial, so open intervals (end_ms NULL) cost it nothing.
CREATE INDEX ix_interval_end ON session_interval (end_ms) WHERE end_ms IS NOT NULL;
