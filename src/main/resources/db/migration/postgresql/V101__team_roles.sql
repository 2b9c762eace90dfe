-- The two group roles of team mode; give people and services LOGIN roles that are members of one of them
-- (see the README, "Team mode"). Roles belong to the whole cluster, so they are created only when missing; creating
-- them needs CREATEROLE: without it, run docs/team/create-roles.sql as a superuser first.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sessionwatch_collector') THEN
        CREATE ROLE sessionwatch_collector NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sessionwatch_reader') THEN
        CREATE ROLE sessionwatch_reader NOLOGIN;
    END IF;
END
$$;

-- The collector writes live state, heartbeat and history.
GRANT SELECT, INSERT, UPDATE, DELETE ON team_server, team_session, team_collector,
    session_interval, poll_coverage, session_sample TO sessionwatch_collector;
GRANT SELECT ON team_audit TO sessionwatch_collector;

-- Consoles read live state, heartbeat and history, and append to the audit table: nothing else.
GRANT SELECT ON team_server, team_session, team_collector, session_interval, poll_coverage, session_sample,
    team_audit TO sessionwatch_reader;
-- Column list without db_user: it is always the login that wrote the row (its default), never what a console claims.
GRANT INSERT (at_ms, workstation, action, server, target, outcome) ON team_audit TO sessionwatch_reader;
GRANT USAGE ON SEQUENCE team_audit_id_seq TO sessionwatch_reader;
