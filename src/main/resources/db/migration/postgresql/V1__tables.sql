-- Session history, PostgreSQL flavour (the team collector). Same columns as sqlite/V1__tables.sql: times are epoch
-- milliseconds (UTC), ids are assigned by the one writer per database.

CREATE TABLE session_interval (
    id            BIGINT       PRIMARY KEY,
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

CREATE TABLE poll_coverage (
    id          BIGINT       PRIMARY KEY,
    server      VARCHAR(255) NOT NULL,
    server_key  VARCHAR(255) NOT NULL,
    from_ms     BIGINT       NOT NULL,
    to_ms       BIGINT       NOT NULL,
    answered    BOOLEAN      NOT NULL,
    error_kind  VARCHAR(32),
    polls       BIGINT       NOT NULL
);

CREATE TABLE session_sample (
    bucket_ms   BIGINT NOT NULL,
    interval_id BIGINT NOT NULL,
    opens       BIGINT,
    idle_s      BIGINT,
    PRIMARY KEY (bucket_ms, interval_id)
);
