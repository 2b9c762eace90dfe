-- Open files seen by the open-files feature, kept like sessions: one row per file from the answer that first listed it
-- to the answer that no longer did (end_ms NULL while open). PostgreSQL flavour: ids assigned by the one writer; the
-- SQLite file (sqlite/V4__file_history.sql) has the same columns.
CREATE TABLE file_interval (
    id            BIGINT       PRIMARY KEY,
    server        VARCHAR(255) NOT NULL,
    server_key    VARCHAR(255) NOT NULL,
    file_id       BIGINT       NOT NULL,
    path          TEXT,
    path_key      TEXT,
    user_name     VARCHAR(255),
    user_key      VARCHAR(255),
    first_seen_ms BIGINT       NOT NULL,
    last_seen_ms  BIGINT       NOT NULL,
    end_ms        BIGINT,
    end_reason    VARCHAR(16),
    max_locks     BIGINT
);

-- "Which files were open on server X at T", "who had this path open", and retention (oldest closed first).
CREATE INDEX ix_file_server_end ON file_interval (server_key, end_ms, first_seen_ms);
CREATE INDEX ix_file_path_first ON file_interval (path_key, first_seen_ms);
CREATE INDEX ix_file_user_first ON file_interval (user_key, first_seen_ms);
CREATE INDEX ix_file_end ON file_interval (end_ms) WHERE end_ms IS NOT NULL;
