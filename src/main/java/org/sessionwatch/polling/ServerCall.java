package org.sessionwatch.polling;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one server in one cycle.
 *
 * <p>Its {@link #result()} is completed exactly once, by whichever comes first: the call returning, its deadline
 * (then the call is abandoned: the thread keeps running, its eventual answer is dropped, and the pool lends out a
 * replacement thread until it returns) or the poller closing. Because only the winner of the state change completes
 * the result, an answer that arrives late can never reach this cycle or a later one.
 */
final class ServerCall implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCall.class);

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    /** Given up on while running: the pool has lent a replacement thread. */
    private static final int ABANDONED = 3;
    /** Given up on before it started (the poller closed): nothing to replace. */
    private static final int CANCELLED = 4;

    private final ServerSlot slot;
    private final PollerOptions options;
    private final CallExecutor pool;
    private final PollerRuntime runtime;
    private final CompletableFuture<ServerPollResult> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    /** Not started yet: any value {@link PollerRuntime#nanoTime()} can return is a real start. */
    private static final long NOT_STARTED = Long.MIN_VALUE;
    private volatile long startNanos = NOT_STARTED;
    private volatile Future<?> expiry;

    ServerCall(ServerSlot slot, PollerOptions options, CallExecutor pool, PollerRuntime runtime) {
        this.slot = slot;
        this.options = options;
        this.pool = pool;
        this.runtime = runtime;
    }

    CompletableFuture<ServerPollResult> result() {
        return result;
    }

    /** How long the call has been running, or zero if it has not started. */
    Duration runningFor() {
        long start = startNanos;
        return start == NOT_STARTED ? Duration.ZERO : Duration.ofNanos(runtime.nanoTime() - start);
    }

    @Override
    public void run() {
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return;
        }
        startNanos = runtime.nanoTime();
        try {
            expiry = pool.schedule(this::expire, options.serverDeadline());
        } catch (RejectedExecutionException e) {
            // The poller is closing; close() completes the result.
        }
        ServerPollResult outcome = null;
        try {
            outcome = callServer();
        } catch (RuntimeException e) {
            // Logged once with its stack trace; the same fault again on every later cycle only at debug level.
            if (slot.isNewFault(e)) {
                LOG.warn("The backend for {} failed unexpectedly", slot.config().name(), e);
            } else {
                LOG.debug("The backend for {} failed again: {}", slot.config().name(), e.toString());
            }
            outcome = failed(options.requestedLevel(), unexpected(e));
        } finally {
            if (outcome == null) {
                // An Error is on its way to the thread's uncaught-exception handler, which logs it.
                outcome = failed(options.requestedLevel(), new NetApiError(ErrorKind.OTHER, 0,
                        "Listing sessions on " + slot.config().name() + " stopped because of an internal error.",
                        "Restart SessionWatch; the log has the details."));
            }
            finish(outcome);
        }
    }

    private ServerPollResult callServer() {
        ServerConfig config = slot.config();
        if (options.reachabilityCheck() && config.backend() != Backend.DEMO) {
            Optional<NetApiError> unreachable =
                    Reachability.check(config.name(), config.port(), options.reachabilityTimeout());
            if (unreachable.isPresent()) {
                return failed(options.requestedLevel(), unreachable.get());
            }
        }
        EnumerationResult answer = slot.server().listSessions(options.requestFor(config.name()));
        return switch (answer) {
            case EnumerationResult.Success ok -> new ServerPollResult.Ok(config.name(), options.requestedLevel(),
                    ok.level(), options.hide().apply(ok.sessions(), ownSession()), elapsed(), runtime.clock().instant(),
                    ok.filterMiss());
            case EnumerationResult.Failure failure -> failed(failure.level(), failure.error());
            case null -> throw new IllegalStateException("The backend returned no result");
        };
    }

    private OwnSession ownSession() {
        return options.hide().hideOwnSession() ? slot.ownSession() : OwnSession.NONE;
    }

    private void finish(ServerPollResult outcome) {
        // The slot is freed before the result is published, so the next cycle never sees this call as still running.
        if (state.compareAndSet(RUNNING, DONE)) {
            Future<?> pending = expiry;
            if (pending != null) {
                pending.cancel(false);
            }
            slot.callEnded(this);
            result.complete(outcome);
        } else {
            slot.callEnded(this);
            pool.abandonedCallReturned();
            LOG.info("{} answered after {} ms, after it was given up on; that answer is dropped", slot.config().name(),
                    runningFor().toMillis());
        }
    }

    /** The deadline passed: report a timeout and leave the thread to finish on its own. */
    private void expire() {
        if (state.compareAndSet(RUNNING, ABANDONED)) {
            pool.callAbandoned();
            LOG.info("{} did not answer within {} ms; the call is abandoned", slot.config().name(),
                    options.serverDeadline().toMillis());
            result.complete(failed(options.requestedLevel(), NetApiStatus.timeout(slot.config().name(), 0)));
        }
    }

    /** The poller is closing (or could not start the call): report {@code error} now, whatever the call is doing. */
    void abandon(NetApiError error) {
        if (state.compareAndSet(QUEUED, CANCELLED)) {
            slot.callEnded(this);
        } else if (state.compareAndSet(RUNNING, ABANDONED)) {
            pool.callAbandoned();
        }
        result.complete(failed(options.requestedLevel(), error));
    }

    private ServerPollResult.Failed failed(InfoLevel level, NetApiError error) {
        return new ServerPollResult.Failed(slot.config().name(), level, error, elapsed(), runtime.clock().instant());
    }

    private Duration elapsed() {
        return runningFor();
    }

    private NetApiError unexpected(RuntimeException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getMessage();
        return new NetApiError(ErrorKind.OTHER, 0,
                "Listing sessions on " + slot.config().name() + " failed unexpectedly: " + detail,
                "This is a fault in SessionWatch or its backend; the log has the details.");
    }
}
