package org.sessionwatch.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.sessionwatch.config.Backend;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a list of servers concurrently, one result per server per cycle. Plain Java: the GUI's scheduled service and
 * the CLI both call {@link #poll} from a background thread.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #poll} returns once every server has a result, at the latest {@code serverDeadline} after its call
 *       started; results come in configuration order, a down server as a {@link ServerPollResult.Failed}. The
 *       deadline counts from the start of the call, not from the start of the cycle, so a server that waited for a
 *       free thread (more servers than {@code maxConcurrency}) still gets its full time.</li>
 *   <li>At most {@code maxConcurrency} calls run at once. A call past its deadline is reported as a timeout and
 *       abandoned (a blocking native call cannot be cancelled); its thread is replaced (see {@link ElasticPool}), so
 *       hung servers never starve the others and the thread count stays at most
 *       {@code maxConcurrency + hung servers} plus one deadline timer.</li>
 *   <li>No second call to a server starts while its previous one is still running: that server is reported as timed
 *       out at once. An abandoned call's late answer is dropped, never shown in a later cycle.</li>
 *   <li>Each server keeps one {@link org.sessionwatch.netapi.FileServer} across cycles; it is closed when the
 *       server leaves the list or the poller closes (after its call in flight, if any, returns). The open-files and
 *       action calls of {@link PollSource#actions()} use the same one, one after another, on the same threads and
 *       under the same deadline ({@link ActionCall}, {@link ActionQueue}).</li>
 *   <li>An exception from a backend becomes a {@code Failed} of kind {@link ErrorKind#OTHER}, logged once.</li>
 * </ul>
 *
 * <p>Cycles do not overlap: a second concurrent {@code poll} waits for the first.
 *
 * <p>Threads, time and the pauses between servers come from a {@link PollerRuntime}: worker threads and the system
 * clock in the application, the calling thread and a hand-driven clock in tests ({@link CurrentThreadRuntime}).
 */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final FileServerFactory factory;
    private final PollerOptions options;
    private final PollerRuntime runtime;
    private final String threadNamePrefix;
    private final CallExecutor pool;
    private final Object cycleLock = new Object();
    private final Object stateLock = new Object();
    /** Guarded by {@link #stateLock}. */
    private final Map<ServerConfig, ServerSlot> slots = new HashMap<>();
    /** Retired slots whose call has not returned yet: their host gets no new call until it does. */
    private final List<ServerSlot> draining = new ArrayList<>();
    private boolean closed;

    /** A poller on worker threads and the system clock. */
    public Poller(FileServerFactory factory, PollerOptions options) {
        this(factory, options, PollerRuntime.system());
    }

    /** @param runtime the threads, the clock and the pauses between servers (see {@link CurrentThreadRuntime}) */
    public Poller(FileServerFactory factory, PollerOptions options, PollerRuntime runtime) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.options = Objects.requireNonNull(options, "options");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        String name = "sessionwatch-poll-" + INSTANCES.incrementAndGet();
        this.threadNamePrefix = name + "-";
        this.pool = runtime.executor(options.maxConcurrency(), name);
    }

    public PollerOptions options() {
        return options;
    }

    /**
     * The person asked for a refresh: servers that refused every information level (remembered to spare them a
     * denied call per level on every poll) are asked the whole chain again on their next poll.
     */
    public void retryRefusedNow() {
        synchronized (stateLock) {
            slots.values().forEach(ServerSlot::retryRefusedNow);
        }
    }

    /**
     * Polls {@code servers} (as given: the caller leaves out disabled ones) and blocks until each has a result.
     * Servers listed twice are asked once. If the calling thread is interrupted, servers without a result yet are
     * reported as stopped and the interrupt flag is kept.
     *
     * @throws IllegalStateException if the poller is closed
     */
    public PollCycle poll(List<ServerConfig> servers) {
        return poll(servers, result -> { });
    }

    /**
     * As {@link #poll(List)}, and hands each server's result to {@code onResult} the moment it is known, on the thread
     * that produced it, so a window can show the fast servers without waiting for the slowest one. Each server's
     * result is handed over once; a listener that throws is logged and does not disturb the cycle.
     */
    public PollCycle poll(List<ServerConfig> servers, Consumer<ServerPollResult> onResult) {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(onResult, "onResult");
        synchronized (cycleLock) {
            Instant polledAt = runtime.clock().instant();
            List<ServerConfig> distinct = List.copyOf(new LinkedHashSet<>(servers));
            List<ServerSlot> cycleSlots = syncSlots(distinct);
            if (options.hide().hideOwnSession()) {
                // Looked up once per process, here rather than inside the first call so slow DNS cannot eat into a
                // server's deadline.
                LocalMachine.clientNames();
            }

            Map<ServerConfig, CompletableFuture<ServerPollResult>> pending = new LinkedHashMap<>();
            boolean interrupted = false;
            for (int i = 0; i < cycleSlots.size(); i++) {
                ServerSlot slot = cycleSlots.get(i);
                // Jitter spreads the opening burst only: once maxConcurrency calls are under way, the rest wait for
                // a free thread anyway, and pausing before queueing each of them only added up (500 servers x 10 ms
                // on average = 5 s per cycle).
                if (i > 0 && i < options.maxConcurrency() && !interrupted) {
                    interrupted = !runtime.pause(options.jitter());
                }
                CompletableFuture<ServerPollResult> result = interrupted
                        ? CompletableFuture.completedFuture(stopped(slot.config(), "Polling was interrupted"))
                        : start(slot);
                pending.put(slot.config(), result);
                result.thenAccept(done -> notify(onResult, done));
            }
            for (Map.Entry<ServerConfig, CompletableFuture<ServerPollResult>> entry : pending.entrySet()) {
                try {
                    entry.getValue().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                } catch (ExecutionException e) {
                    // Results are only ever completed normally; keep the cycle alive regardless.
                    entry.getValue().obtrudeValue(stopped(entry.getKey(), "Polling failed"));
                }
            }
            if (interrupted) {
                pending.forEach((config, future) -> future.complete(stopped(config, "Polling was interrupted")));
                Thread.currentThread().interrupt();
            }
            List<ServerPollResult> results = new ArrayList<>(servers.size());
            for (ServerConfig server : servers) {
                results.add(pending.get(server).join());
            }
            return new PollCycle(polledAt, results);
        }
    }

    private static void notify(Consumer<ServerPollResult> onResult, ServerPollResult result) {
        try {
            onResult.accept(result);
        } catch (RuntimeException e) {
            LOG.warn("A poll result listener failed for {}", result.server(), e);
        }
    }

    /** Registers new servers and retires those no longer listed; returns the slots of {@code servers} in order. */
    private List<ServerSlot> syncSlots(List<ServerConfig> servers) {
        List<ServerSlot> retired = new ArrayList<>();
        List<ServerSlot> current = new ArrayList<>(servers.size());
        synchronized (stateLock) {
            if (closed) {
                throw new IllegalStateException("The poller is closed");
            }
            draining.removeIf(slot -> slot.runningCall() == null);
            for (var it = slots.entrySet().iterator(); it.hasNext(); ) {
                ServerSlot slot = it.next().getValue();
                if (!servers.contains(slot.config())) {
                    it.remove();
                    retired.add(slot);
                    if (slot.runningCall() != null) {
                        draining.add(slot);
                    }
                }
            }
            for (ServerConfig server : servers) {
                current.add(slots.computeIfAbsent(server, s -> new ServerSlot(s, factory)));
            }
        }
        retired.forEach(ServerSlot::retire);
        return current;
    }

    private CompletableFuture<ServerPollResult> start(ServerSlot slot) {
        ServerCall previous = stillRunning(slot);
        if (previous != null) {
            return CompletableFuture.completedFuture(stillRunningFailure(slot.config(), previous));
        }
        ServerCall call = new ServerCall(slot, options, pool, runtime);
        if (!slot.tryBegin(call)) {
            ServerCall running = slot.runningCall();
            return CompletableFuture.completedFuture(running != null
                    ? stillRunningFailure(slot.config(), running)
                    : stopped(slot.config(), "Polling has stopped"));
        }
        try {
            pool.execute(call);
        } catch (RejectedExecutionException e) {
            call.abandon(stoppedError(slot.config(), "Polling has stopped"));
        }
        return call.result();
    }

    /** The call still running for this host, in this slot or in a retired one of an earlier configuration. */
    private ServerCall stillRunning(ServerSlot slot) {
        ServerCall own = slot.runningCall();
        if (own != null) {
            return own;
        }
        synchronized (stateLock) {
            for (ServerSlot old : draining) {
                ServerCall running = old.runningCall();
                if (running != null && old.hostKey().equals(slot.hostKey())) {
                    return running;
                }
            }
        }
        return null;
    }

    private ServerPollResult stillRunningFailure(ServerConfig server, ServerCall previous) {
        NetApiError timeout = NetApiStatus.timeout(server.name(), 0);
        String message = server.name() + " did not answer in time: the previous call is still running (for "
                + previous.runningFor().toSeconds() + " s), so no new one was started.";
        return new ServerPollResult.Failed(server.name(), options.requestedLevel(),
                new NetApiError(ErrorKind.TIMEOUT, 0, message, timeout.remedy()), Duration.ZERO, runtime.clock().instant());
    }

    private ServerPollResult stopped(ServerConfig server, String reason) {
        return new ServerPollResult.Failed(server.name(), options.requestedLevel(), stoppedError(server, reason),
                Duration.ZERO, runtime.clock().instant());
    }

    static NetApiError stoppedError(ServerConfig server, String reason) {
        return stoppedError(server.name(), reason);
    }

    static NetApiError stoppedError(String server, String reason) {
        return new NetApiError(ErrorKind.OTHER, 0, reason + " before " + server + " answered.", null);
    }

    /**
     * Runs an open-files or action call on {@code server}'s connection (the one its polls use, created if it has not
     * been polled yet), on this poller's threads, after the server's earlier actions; see {@link ActionCall} for the
     * deadline. The pre-check runs first when the options ask for it, as for a poll.
     *
     * @param what          what the call does, for messages: "closing file 7"
     * @param changesServer whether it changes the server, so that a timeout says its outcome is unknown
     */
    <R> CompletableFuture<R> act(ServerConfig server, String what, boolean changesServer,
                                 Function<FileServer, R> body, Function<NetApiError, R> failure) {
        ServerSlot slot;
        synchronized (stateLock) {
            if (closed) {
                return CompletableFuture.completedFuture(failure.apply(stoppedError(server, "Polling has stopped")));
            }
            slot = slots.computeIfAbsent(server, s -> new ServerSlot(s, factory));
        }
        ActionCall<R> call = new ActionCall<>(server.name(), what, changesServer, fileServer -> {
            if (options.reachabilityCheck() && server.backend() != Backend.DEMO) {
                Optional<NetApiError> unreachable =
                        Reachability.check(server.name(), server.port(), options.reachabilityTimeout());
                if (unreachable.isPresent()) {
                    return failure.apply(unreachable.get());
                }
            }
            return body.apply(fileServer);
        }, failure, pool);
        call.startDeadline(options.serverDeadline());
        slot.actions().submit(call, pool);
        return call.result();
    }

    /** What {@code server}'s backend can do; creates its {@link FileServer} if no call has yet (no network I/O). */
    Capabilities capabilities(ServerConfig server) {
        ServerSlot slot;
        synchronized (stateLock) {
            if (closed) {
                return Capabilities.none("Polling has stopped.");
            }
            slot = slots.computeIfAbsent(server, s -> new ServerSlot(s, factory));
        }
        return slot.server().capabilities();
    }

    /** The prefix of this poller's worker thread names, for diagnostics and tests. */
    String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** Calls abandoned at their deadline that have not returned yet. */
    int abandonedCalls() {
        return pool.abandonedCalls();
    }

    /**
     * Stops polling: a cycle in progress gets "stopped" results for servers still running, servers are closed
     * (a hung one when its call returns) and the threads end. Idempotent.
     */
    @Override
    public void close() {
        List<ServerSlot> all;
        synchronized (stateLock) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(slots.values());
            slots.clear();
            draining.clear();
        }
        for (ServerSlot slot : all) {
            ServerCall running = slot.runningCall();
            slot.retire();
            if (running != null) {
                running.abandon(stoppedError(slot.config(), "Polling was stopped"));
            }
            slot.actions().abandonAll(stoppedError(slot.config(), "Polling was stopped"));
        }
        pool.shutdownNow();
    }
}
