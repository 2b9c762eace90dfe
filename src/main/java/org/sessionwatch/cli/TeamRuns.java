package org.sessionwatch.cli;

import org.sessionwatch.audit.ActionRecord;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.team.DatabaseUrl;
import org.sessionwatch.team.TeamAudit;
import org.sessionwatch.team.TeamDatabase;
import org.sessionwatch.team.TeamException;

/**
 * Which options team mode ({@code --collect --db}, {@code --source}) takes with which, and the team's share of an
 * action's audit.
 */
final class TeamRuns {
    private TeamRuns() {
    }

    /**
     * In team mode (the configuration names a team database, {@code teamSource}) an action's outcome also goes to the
     * team's shared audit table, so the team sees who did what. The local audit log has it either way: a database
     * that cannot take it is a warning, not a failure of the action.
     */
    static void shareAudit(CliContext context, AppConfig config, ActionRecord record) {
        if (!config.teamMode()) {
            return;
        }
        try {
            TeamDatabase team = new TeamDatabase(DatabaseUrl.parse(config.teamSource()), context.environment());
            TeamAudit.append(team, TeamAudit.Entry.of(record, TeamAudit.workstation()));
        } catch (TeamException | IllegalArgumentException e) {
            context.err().println("sessionwatch: warning: the outcome was not added to the team's audit table: "
                    + e.getMessage());
        }
    }

    static void check(CliOptions o) throws UsageException {
        if (o.collect() && o.database == null) {
            throw new UsageException("--collect needs --db postgresql://HOST:PORT/DB?user=NAME: the team database to"
                    + " store what it polls in");
        }
        if (!o.collect() && o.database != null) {
            throw new UsageException("--db is the team database of --collect; a console or CLI reads it with"
                    + " --source instead");
        }
        if (o.source != null) {
            if (o.collect()) {
                throw new UsageException("--source reads what a collector stored; --collect polls the servers itself."
                        + " Use one of them");
            }
            // --files filters what was stored by --user itself; for sessions --user is a server-side filter.
            if (o.demo || !o.servers.isEmpty() || o.backend != null || o.account != null || o.port != null
                    || o.level != null || o.client != null || o.user != null && !o.files
                    || o.deadlineSeconds != null) {
                throw new UsageException("--source prints what the team collector polled; options about polling"
                        + " servers (--server, --demo, --backend, --username, --port, --level, --client, --user,"
                        + " --deadline) belong to the collector");
            }
        }
    }
}
