package org.sessionwatch.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sessionwatch.export.Csv;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.team.LiveState;
import org.sessionwatch.team.Notice;
import org.sessionwatch.team.SourceFollower;
import org.sessionwatch.team.TeamDatabase;
import org.sessionwatch.team.TeamException;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.SessionTracker;

/**
 * {@code --once --source URL}, {@code --once --files --source URL} and {@code --watch --source URL}: print what the
 * team collector stored, in the same
 * formats as a direct poll, without contacting any file server. {@code --watch} follows the collector's notices and
 * turns what it reads into the same events through its own session tracker.
 */
final class SourceRun {
    private static final Duration WAKE = Duration.ofSeconds(5);

    private final CliContext context;
    private final AtomicBoolean stopRequested;

    SourceRun(CliContext context, AtomicBoolean stopRequested) {
        this.context = context;
        this.stopRequested = stopRequested;
    }

    int run(CliOptions options) {
        TeamDatabase database = new TeamDatabase(options.source, context.environment());
        try {
            if (options.files) {
                return files(database, options);
            }
            return options.watch() ? watch(database, options) : once(database, options.format);
        } catch (TeamException e) {
            context.err().println("sessionwatch: " + e.getMessage());
            return ExitCodes.ALL_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    private int once(TeamDatabase database, OutputFormat format) {
        LiveState state = database.readLiveState("CLI");
        reportCollector(state);
        if (state.servers().isEmpty()) {
            context.err().println("sessionwatch: no collector has stored any server in " + database.url()
                    + " yet. Start one with sessionwatch --collect --db URL.");
            return ExitCodes.ALL_FAILED;
        }
        return CliRun.printCycle(context, state.asCycle(), format);
    }

    /** {@code --once --files --source}: the open files the collector listed at its last cycle. */
    private int files(TeamDatabase database, CliOptions options) {
        LiveState state = database.readLiveState("CLI");
        reportCollector(state);
        var stored = database.readOpenFiles("CLI");
        if (stored.isEmpty()) {
            context.err().println("sessionwatch: no collector has stored open files in " + database.url()
                    + " yet. Start one with sessionwatch --collect --db URL.");
            return ExitCodes.ALL_FAILED;
        }
        return new FilesRun(context).runStored(state.asCycle().polledAt(), stored.values(), options);
    }

    private void reportCollector(LiveState state) {
        var active = state.active();
        if (active.isEmpty()) {
            context.err().println("sessionwatch: warning: no collector is active on this database; what follows may"
                    + " be old.");
        } else if (active.get().silent(context.clock().instant())) {
            context.err().println("sessionwatch: warning: " + active.get().describe(context.clock().instant())
                    + ", and it has not reported for more than two intervals; what follows may be old.");
        } else {
            context.err().println("Team " + active.get().describe(context.clock().instant()));
        }
    }

    private int watch(TeamDatabase database, CliOptions options) throws InterruptedException {
        context.err().println("Following the team database " + database.url() + "; press Ctrl+C to stop.");
        if (options.format == OutputFormat.CSV) {
            context.out().print(Csv.row(WatchOutput.CSV_HEADER));
        }
        Printer printer = new Printer(options);
        new SourceFollower(database, printer, WAKE).run(() -> stopRequested.get() || printer.done);
        return printer.last == null ? ExitCodes.OK : ExitCodes.of(printer.last);
    }

    /** Feeds what the follower reads through a session tracker and prints its events. */
    private final class Printer implements SourceFollower.Listener {
        private final SessionTracker tracker = new SessionTracker();
        private final CliOptions options;
        private PollCycle last;
        private int cycles;
        private boolean warnedSilent;
        private volatile boolean done;

        Printer(CliOptions options) {
            this.options = options;
        }

        @Override
        public void resynced(LiveState state) {
            if (last == null) {
                reportCollector(state);
            }
            last = state.asCycle();
            print(tracker.completeCycle(last).events());
            cycles++;
            if (options.cycles != null && cycles >= options.cycles) {
                done = true;
            }
        }

        @Override
        public void serverChanged(Notice notice, LiveState state) {
            for (LiveState.ServerState changed : state.servers()) {
                print(tracker.apply(changed.polledAt(), List.of(changed.result())).events());
            }
        }

        @Override
        public void disconnected(String message, Duration retryIn) {
            context.err().println("sessionwatch: " + message + " Reconnecting in " + retryIn.toSeconds() + " s;"
                    + " everything is read again then.");
        }

        @Override
        public void idle(LiveState.Heartbeat active) {
            boolean silent = active.silent(context.clock().instant());
            if (silent && !warnedSilent) {
                context.err().println("sessionwatch: warning: " + active.describe(context.clock().instant())
                        + ", and it has not reported for more than two intervals.");
            }
            warnedSilent = silent;
        }

        private void print(List<SessionEvent> events) {
            for (SessionEvent event : events) {
                if (WatchOutput.printed(event)) {
                    context.out().print(WatchOutput.line(event, options.format));
                }
            }
            context.out().flush();
            if (context.out().checkError()) {
                done = true;
            }
        }
    }
}
