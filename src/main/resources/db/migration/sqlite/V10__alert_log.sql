-- Fired alerts, appended as they fire (never updated), so the window can show today's alerts again after a restart.
-- Same columns as postgresql/V10__alert_log.sql. Times are epoch milliseconds (UTC); INTEGER PRIMARY KEY is the
-- rowid, assigned by SQLite in firing order.
CREATE TABLE alert_log (
    id        INTEGER PRIMARY KEY,
    fired_ms  BIGINT       NOT NULL,
    rule      VARCHAR(255) NOT NULL,
    event     VARCHAR(32),
    server    VARCHAR(255),
    client    VARCHAR(255),
    user_name VARCHAR(255),
    text      VARCHAR(2000) NOT NULL
);

-- "Today's alerts" and the retention: by time.
CREATE INDEX ix_alert_fired ON alert_log (fired_ms);
