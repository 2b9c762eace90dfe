-- Open files per server as the active collector last listed them (NetFileEnum through the poll's own connection,
-- once per cycle), and how that listing went. Rows change only when a file opens, closes or changes.
CREATE TABLE team_open_file (
    server      VARCHAR(255) NOT NULL REFERENCES team_server (server) ON DELETE CASCADE,
    file_id     BIGINT       NOT NULL,
    level       INTEGER      NOT NULL,
    user_name   TEXT,
    path        TEXT,
    locks       BIGINT,
    permissions BIGINT,
    PRIMARY KEY (server, file_id)
);

-- status: OK, UNSUPPORTED (the backend or level cannot list files; message says why) or the error kind.
CREATE TABLE team_open_files_status (
    server    VARCHAR(255) PRIMARY KEY REFERENCES team_server (server) ON DELETE CASCADE,
    status    VARCHAR(32)  NOT NULL,
    level     INTEGER,
    code      BIGINT,
    message   TEXT,
    remedy    TEXT,
    since_ms  BIGINT       NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON team_open_file, team_open_files_status TO sessionwatch_collector;
GRANT SELECT ON team_open_file, team_open_files_status TO sessionwatch_reader;
