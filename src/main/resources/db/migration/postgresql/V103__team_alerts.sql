-- Alerts the active collector fired (the configuration's rules evaluated once, on the collector's tracker), so every
-- console shows each alert once instead of evaluating the rules itself. Appended only; readers fetch the rows after
-- the last id they have when a NOTIFY says alerts were stored.
CREATE TABLE team_alert (
    id         BIGSERIAL    PRIMARY KEY,
    at_ms      BIGINT       NOT NULL,
    rule       VARCHAR(255) NOT NULL,
    event      VARCHAR(64),
    server     VARCHAR(255),
    client     TEXT,
    user_name  TEXT,
    text       TEXT         NOT NULL,
    collector  VARCHAR(255) NOT NULL,
    cycle      BIGINT       NOT NULL
);
CREATE INDEX team_alert_at ON team_alert (at_ms);

GRANT SELECT, INSERT ON team_alert TO sessionwatch_collector;
GRANT USAGE ON SEQUENCE team_alert_id_seq TO sessionwatch_collector;
GRANT SELECT ON team_alert TO sessionwatch_reader;
