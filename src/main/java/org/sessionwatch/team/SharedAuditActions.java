package org.sessionwatch.team;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.audit.ActionRecord;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.ServerActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A team console's actions: they go straight to the file server with the console's own rights (as {@code direct}
 * does), and each outcome is also appended to the team's shared audit table, so the team sees who did what. The
 * console's own {@code actions.log} has it either way; a database that cannot take the line is logged, never a
 * failure of the action, and the append runs on {@code io}, never holding up the outcome.
 */
final class SharedAuditActions implements ServerActions {
    private static final Logger LOG = LoggerFactory.getLogger(SharedAuditActions.class);

    private final ServerActions direct;
    private final TeamDatabase database;
    private final Executor io;
    private final Clock clock;
    private final String actor = ActionLog.localAccount();
    private final String workstation = TeamAudit.workstation();

    SharedAuditActions(ServerActions direct, TeamDatabase database, Executor io, Clock clock) {
        this.direct = Objects.requireNonNull(direct, "direct");
        this.database = Objects.requireNonNull(database, "database");
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<String> servers() {
        return direct.servers();
    }

    @Override
    public Capabilities capabilities(String server) {
        return direct.capabilities(server);
    }

    @Override
    public CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
        return direct.listOpenFiles(request);
    }

    @Override
    public CompletableFuture<ActionResult> closeFile(String server, long fileId) {
        return direct.closeFile(server, fileId).thenApply(result -> share(result,
                ActionRecord.closeFile(clock.instant(), actor, server, fileId, null, null, result, false)));
    }

    @Override
    public CompletableFuture<ActionResult> endSession(String server, String client, String user) {
        return direct.endSession(server, client, user).thenApply(result -> share(result,
                ActionRecord.endSession(clock.instant(), actor, server, client, user, result, false)));
    }

    private ActionResult share(ActionResult result, ActionRecord record) {
        if (!(result instanceof ActionResult.Unsupported)) {
            io.execute(() -> {
                try {
                    TeamAudit.append(database, TeamAudit.Entry.of(record, workstation));
                } catch (RuntimeException e) {
                    LOG.warn("The outcome of {} on {} was not added to the team's audit table: {}", record.action(),
                            record.server(), e.getMessage());
                }
            });
        }
        return result;
    }
}
