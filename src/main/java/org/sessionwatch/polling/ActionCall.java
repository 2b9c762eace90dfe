package org.sessionwatch.polling;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open-files or action call to one server ({@link ServerActions}), run by its server's {@link ActionQueue}.
 *
 * <p>Like a {@link ServerCall}, its {@link #result()} is completed exactly once, by whichever comes first: the call
 * returning, its deadline or the poller closing; a call given up on while running is abandoned (its thread is
 * replaced until it returns, its answer dropped). Unlike a poll, the deadline counts from the moment the call is
 * submitted, not from its start: the caller waits for the whole of it, including the wait behind an earlier call to
 * the same server (srvsvc serialises every call on its one connection, so an action may queue behind a hung poll).
 * A call whose deadline passes before it started is never sent, so a close reported as timed out cannot happen
 * later behind the person's back.
 *
 * @param <R> {@link org.sessionwatch.netapi.OpenFilesResult} or {@link org.sessionwatch.netapi.ActionResult}
 */
final class ActionCall<R> {
    private static final Logger LOG = LoggerFactory.getLogger(ActionCall.class);

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    /** Given up on while running: the pool has lent a replacement thread. */
    private static final int ABANDONED = 3;
    /** Given up on before it started: it will never be sent. */
    private static final int CANCELLED = 4;

    private final String server;
    private final String what;
    private final boolean changesServer;
    private final Function<FileServer, R> body;
    private final Function<NetApiError, R> failure;
    private final CallExecutor pool;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private volatile Future<?> expiry;

    /**
     * @param server        the server as configured, for messages
     * @param what          what the call does, as a person reads it in the middle of a sentence: "closing file 7"
     * @param changesServer whether it changes the server (close, end): a timeout then says the outcome is unknown
     * @param body          the call on the server's {@link FileServer}
     * @param failure       the call's result type for an error
     */
    ActionCall(String server, String what, boolean changesServer, Function<FileServer, R> body,
               Function<NetApiError, R> failure, CallExecutor pool) {
        this.server = server;
        this.what = what;
        this.changesServer = changesServer;
        this.body = body;
        this.failure = failure;
        this.pool = pool;
    }

    CompletableFuture<R> result() {
        return result;
    }

    /** Starts the deadline; called once, when the call is submitted. */
    void startDeadline(Duration deadline) {
        try {
            expiry = pool.schedule(this::expire, deadline);
        } catch (RejectedExecutionException e) {
            abandon(Poller.stoppedError(server, "Polling has stopped"));
        }
    }

    /** Runs the call on {@code slot}'s server, unless it was given up on before it started. */
    void run(ServerSlot slot) {
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return;
        }
        R outcome = null;
        try {
            outcome = body.apply(slot.server());
            if (outcome == null) {
                throw new IllegalStateException("The backend returned no result");
            }
        } catch (RuntimeException e) {
            // Logged here, where it becomes this call's result; the caller only shows the result.
            LOG.warn("The backend for {} failed unexpectedly while {}", server, what, e);
            outcome = failure.apply(unexpected(e));
        } finally {
            if (outcome == null) {
                // An Error is on its way to the thread's uncaught-exception handler, which logs it.
                outcome = failure.apply(new NetApiError(ErrorKind.OTHER, 0, capitalised(what) + " on " + server
                        + " stopped because of an internal error.", "Restart SessionWatch; the log has the details."));
            }
            finish(outcome);
        }
    }

    private void finish(R outcome) {
        if (state.compareAndSet(RUNNING, DONE)) {
            Future<?> pending = expiry;
            if (pending != null) {
                pending.cancel(false);
            }
            result.complete(outcome);
        } else {
            pool.abandonedCallReturned();
            LOG.info("{} answered {} after it was given up on; that answer is dropped", server, what);
        }
    }

    /** The deadline passed: report a timeout, and never send the call if it has not started. */
    private void expire() {
        if (state.compareAndSet(QUEUED, CANCELLED)) {
            LOG.info("{} was still busy with an earlier call at the deadline; {} was not sent", server, what);
            NetApiError timeout = NetApiStatus.timeout(server, 0);
            result.complete(failure.apply(new NetApiError(ErrorKind.TIMEOUT, 0, server + " did not answer in time: "
                    + what + " waited behind an earlier call that is still running, so it was not sent.",
                    timeout.remedy())));
        } else if (state.compareAndSet(RUNNING, ABANDONED)) {
            pool.callAbandoned();
            LOG.info("{} did not answer {} in time; the call is abandoned", server, what);
            NetApiError timeout = NetApiStatus.timeout(server, 0);
            String message = changesServer
                    ? server + " did not answer in time: whether " + what + " took effect shows in the next listing."
                    : timeout.message();
            result.complete(failure.apply(new NetApiError(ErrorKind.TIMEOUT, 0, message, timeout.remedy())));
        }
    }

    /** The poller is closing (or could not run the call): report {@code error} now, whatever the call is doing. */
    void abandon(NetApiError error) {
        if (state.compareAndSet(RUNNING, ABANDONED)) {
            pool.callAbandoned();
        } else {
            state.compareAndSet(QUEUED, CANCELLED);
        }
        Future<?> pending = expiry;
        if (pending != null) {
            pending.cancel(false);
        }
        result.complete(failure.apply(error));
    }

    private NetApiError unexpected(RuntimeException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getMessage();
        return new NetApiError(ErrorKind.OTHER, 0, capitalised(what) + " on " + server + " failed unexpectedly: "
                + detail, "This is a fault in SessionWatch or its backend; the log has the details.");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
