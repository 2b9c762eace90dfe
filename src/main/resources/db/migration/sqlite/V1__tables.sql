-- Session history, SQLite flavour. Times are epoch milliseconds (UTC) everywhere, so the same queries run on
-- PostgreSQL (postgresql/V1__tables.sql); keep the two files' columns identical. Ids are assigned by the one writer.
-- INTEGER PRIMARY KEY makes the id SQLite's rowid: no separate index, and the oldest rows come first in id order,
-- which the retention's small batches rely on.

-- One row per session interval: a session from its first sighting to its end (end_ms NULL while it is open).
CREATE TABLE session_interval (
    id            INTEGER PRIMARY KEY,
    server        VARCHAR(255) NOT NULL,
    server_key    VARCHAR(255) NOT NULL,
    client        VARCHAR(255),
    client_key    VARCHAR(255) NOT NULL,
    user_name     VARCHAR(255),
    user_key      VARCHAR(255) NOT NULL,
    start_ms      BIGINT       NOT NULL,
    start_known   BOOLEAN      NOT NULL,
    first_seen_ms BIGINT       NOT NULL,
    last_seen_ms  BIGINT       NOT NULL,
    end_ms        BIGINT,
    end_reason    VARCHAR(16),
    client_type   VARCHAR(255),
    transport     VARCHAR(255),
    level         INTEGER      NOT NULL,
    max_opens     BIGINT,
    last_opens    BIGINT,
    last_idle_s   BIGINT
);

-- One row per run of equal poll outcomes of one server: answered, or failing with one kind of error.
CREATE TABLE poll_coverage (
    id          INTEGER PRIMARY KEY,
    server      VARCHAR(255) NOT NULL,
    server_key  VARCHAR(255) NOT NULL,
    from_ms     BIGINT       NOT NULL,
    to_ms       BIGINT       NOT NULL,
    answered    BOOLEAN      NOT NULL,
    error_kind  VARCHAR(32),
    polls       BIGINT       NOT NULL
);

-- Open files and idle time of an interval, one row per interval and minute at most (the minute's last value).
-- WITHOUT ROWID: the primary key is the table, so a sample costs one b-tree entry.
CREATE TABLE session_sample (
    bucket_ms   BIGINT NOT NULL,
    interval_id BIGINT NOT NULL,
    opens       BIGINT,
    idle_s      BIGINT,
    PRIMARY KEY (bucket_ms, interval_id)
) WITHOUT ROWID;
