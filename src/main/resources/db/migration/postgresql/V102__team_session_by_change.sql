-- The collector writes only the sessions that changed: each row is keyed by the collector tracker's session id and
-- stores when the session started and since when it is idle (epoch ms) instead of the connected and idle seconds,
-- which advance every cycle. Readers derive the seconds from the server's last successful answer. Live state is
-- rewritten by the next collector cycle, so the old rows are not kept.
DROP TABLE team_session;

CREATE TABLE team_session (
    server        VARCHAR(255) NOT NULL REFERENCES team_server (server) ON DELETE CASCADE,
    session_id    BIGINT       NOT NULL,
    level         INTEGER      NOT NULL,
    client        TEXT,
    user_name     TEXT,
    opens         BIGINT,
    start_ms      BIGINT,
    idle_since_ms BIGINT,
    user_flags    BIGINT,
    client_type   TEXT,
    transport     TEXT,
    PRIMARY KEY (server, session_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON team_session TO sessionwatch_collector;
GRANT SELECT ON team_session TO sessionwatch_reader;
