package org.sessionwatch.cli;

/** Which options team mode ({@code --collect --db}, {@code --source}) takes with which. */
final class TeamRuns {
    private TeamRuns() {
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
            if (o.demo || !o.servers.isEmpty() || o.backend != null || o.account != null || o.port != null
                    || o.level != null || o.client != null || o.user != null || o.deadlineSeconds != null) {
                throw new UsageException("--source prints what the team collector polled; options about polling"
                        + " servers (--server, --demo, --backend, --username, --port, --level, --client, --user,"
                        + " --deadline) belong to the collector");
            }
        }
    }
}
