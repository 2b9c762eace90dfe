-- Team mode: what the active collector saw last (live state), who is collecting (heartbeat) and what the consoles did
-- (audit). Times are epoch milliseconds (UTC), as in the history tables.

-- Each server's last outcome. status is OK or the error kind; the error columns are NULL for OK.
CREATE TABLE team_server (
    server          VARCHAR(255) PRIMARY KEY,
    cycle           BIGINT       NOT NULL,
    polled_at_ms    BIGINT       NOT NULL,
    finished_at_ms  BIGINT       NOT NULL,
    duration_ms     BIGINT       NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    requested_level INTEGER,
    level           INTEGER,
    error_code      BIGINT,
    error_message   TEXT,
    error_remedy    TEXT,
    last_success_ms BIGINT,
    collector       VARCHAR(255) NOT NULL
);

-- The sessions of each server's last successful answer, in answer order. A failing server keeps its last sessions
-- (shown stale), as in the window. NULL: the level does not carry the field, or the server sent a NULL string.
CREATE TABLE team_session (
    server       VARCHAR(255) NOT NULL REFERENCES team_server (server) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    level        INTEGER      NOT NULL,
    client       TEXT,
    user_name    TEXT,
    opens        BIGINT,
    active_s     BIGINT,
    idle_s       BIGINT,
    user_flags   BIGINT,
    client_type  TEXT,
    transport    TEXT,
    PRIMARY KEY (server, position)
);

-- One row per collector process (active or standby), refreshed every cycle or standby check.
CREATE TABLE team_collector (
    name             VARCHAR(255) PRIMARY KEY,
    host             VARCHAR(255) NOT NULL,
    role             VARCHAR(16)  NOT NULL CHECK (role IN ('ACTIVE', 'STANDBY', 'STOPPED')),
    interval_s       INTEGER      NOT NULL,
    heartbeat_ms     BIGINT       NOT NULL,
    last_cycle       BIGINT,
    last_cycle_ms    BIGINT
);

-- Appended by consoles (close file, end session) and never changed: who did what, from where, with what outcome.
CREATE TABLE team_audit (
    id          BIGSERIAL    PRIMARY KEY,
    at_ms       BIGINT       NOT NULL,
    db_user     VARCHAR(255) NOT NULL DEFAULT current_user,
    workstation VARCHAR(255),
    action      VARCHAR(64)  NOT NULL,
    server      VARCHAR(255),
    target      TEXT,
    outcome     TEXT         NOT NULL
);
