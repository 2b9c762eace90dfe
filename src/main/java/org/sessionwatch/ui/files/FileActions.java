package org.sessionwatch.ui.files;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.audit.ActionRecord;
import org.sessionwatch.files.AtomicFiles;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.polling.ServerActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a confirmed plan: every item through the current source's {@link ServerActions} (all at once; each is
 * bounded by its server's deadline and never fails exceptionally), then one audit line per item, whatever the outcome.
 * An audit line that cannot be written is logged here and shown with the item's outcome, never dropped silently.
 */
public final class FileActions {
    private static final Logger LOG = LoggerFactory.getLogger(FileActions.class);

    private final Supplier<ServerActions> actions;
    private final Supplier<ActionLog> auditLog;
    private final String actor;
    private final Predicate<String> demoServer;
    private final Executor io;
    private final Clock clock;

    /**
     * @param actions    the current source's actions (read at each run: the configuration may have changed)
     * @param auditLog   where the audit lines go
     * @param actor      the local account, as the audit log names it
     * @param demoServer whether a server is simulated (the audit line says so)
     * @param io         where the audit lines are written (file I/O, one at a time)
     */
    public FileActions(Supplier<ServerActions> actions, Supplier<ActionLog> auditLog, String actor,
                       Predicate<String> demoServer, Executor io, Clock clock) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.demoServer = Objects.requireNonNull(demoServer, "demoServer");
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code server} is one of the simulated demo servers. */
    public boolean isDemo(String server) {
        return demoServer.test(server);
    }

    /**
     * Runs every item of {@code plan}; the outcomes come in the plan's order, each with its audit line written. When
     * the audit log cannot be written nothing is attempted: an action whose line would be lost is not taken.
     */
    public CompletableFuture<List<ActionOutcome>> run(ActionPlan plan) {
        ActionLog log = auditLog.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                log.checkWritable();
                return null;
            } catch (IOException e) {
                LOG.error("The audit log {} cannot be written; no action attempted", log.file(), e);
                return AtomicFiles.reason(e);
            } catch (RuntimeException e) {
                LOG.error("The audit log {} cannot be written; no action attempted", log.file(), e);
                return String.valueOf(e.getMessage());
            }
        }, io).thenCompose(problem -> problem == null ? act(plan) : CompletableFuture.completedFuture(
                plan.targets().stream().map(target -> new ActionOutcome(target, new ActionResult.Unsupported(
                        "Not attempted: the audit log " + log.file() + " cannot be written (" + problem
                                + "). Make its folder writable for your account, then try again."), null)).toList()));
    }

    private CompletableFuture<List<ActionOutcome>> act(ActionPlan plan) {
        ServerActions current = actions.get();
        List<CompletableFuture<ActionOutcome>> outcomes = new ArrayList<>();
        for (ActionTarget target : plan.targets()) {
            CompletableFuture<ActionResult> result = switch (target) {
                case ActionTarget.CloseFile file -> current.closeFile(file.server(), file.id());
                case ActionTarget.EndSession session -> current.endSession(session.server(), session.client(),
                        session.user());
            };
            outcomes.add(result.exceptionally(FileActions::unexpected)
                    .thenApplyAsync(answer -> audited(target, answer), io));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    /** A broken implementation must not lose the item: it becomes a refusal the person sees. */
    private static ActionResult unexpected(Throwable error) {
        LOG.error("An action failed unexpectedly", error);
        return new ActionResult.Unsupported("SessionWatch could not carry it out (" + error + ").");
    }

    private ActionOutcome audited(ActionTarget target, ActionResult result) {
        ActionRecord record = switch (target) {
            case ActionTarget.CloseFile file -> ActionRecord.closeFile(clock.instant(), actor, file.server(),
                    file.id(), emptyToNull(file.path()), emptyToNull(file.user()), result, isDemo(file.server()));
            case ActionTarget.EndSession session -> ActionRecord.endSession(clock.instant(), actor,
                    session.server(), emptyToNull(session.client()), emptyToNull(session.user()), result,
                    isDemo(session.server()));
        };
        ActionLog log = auditLog.get();
        try {
            log.append(record);
            return new ActionOutcome(target, result, null);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the audit line for {} to {}", target.describe(), log.file(), e);
            return new ActionOutcome(target, result, "cannot write " + log.file() + ": " + e.getMessage());
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
