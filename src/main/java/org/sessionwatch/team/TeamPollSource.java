package org.sessionwatch.team;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.sessionwatch.alerts.Alert;
import org.sessionwatch.alerts.AlertFeed;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.polling.ServerPollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's source in team mode: what the collector stored, through the same flow as a local poll. A
 * {@link SourceFollower} on its own thread listens for the collector's notices; {@link #poll} hands each re-read
 * server to the tracker as it arrives and returns when the collector ends a cycle (or after a reconnect, with
 * everything re-read), so the table, details, alerts and history work unchanged and a commit reaches the table in
 * well under a second.
 *
 * <p>When the connection drops or the active collector stops reporting, the status says so at once; after two of the
 * collector's intervals {@link #poll} returns a cycle in which every server failed with that reason, so the table
 * marks the rows stale exactly as for a server that stopped answering. The follower reconnects with back-off and
 * re-reads everything.
 *
 * <p>Actions (close a file, end a session) never go through the database: {@link #actions()} reaches the file servers
 * directly with this console's own rights.
 */
public final class TeamPollSource implements PollSource, AlertFeed {
    private static final Logger LOG = LoggerFactory.getLogger(TeamPollSource.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** How often the follower checks the connection and the heartbeat while no notice arrives. */
    static final Duration WAKE = Duration.ofSeconds(1);

    /** What the follower thread reported, in order. */
    private sealed interface Event {
    }

    private record Changed(List<LiveState.ServerState> servers) implements Event {
    }

    private record Resynced(LiveState state) implements Event {
    }

    private record Trouble(String message) implements Event {
    }

    private record Beat(LiveState.Heartbeat heartbeat) implements Event {
    }

    private final TeamDatabase database;
    private final ServerActions actions;
    private final AutoCloseable actionsOwner;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration defaultInterval;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Consumer<List<TeamAlerts.Stored>>> alertListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private Thread follower;

    /** Poll thread only: the latest result of each server, to mark stale. */
    private final Map<String, ServerPollResult> latest = new LinkedHashMap<>();
    private Instant disconnectedSince;
    private String disconnection;
    private boolean staleReported;
    /** Read by the status bar on the FX thread. */
    private volatile String status = "Connecting to the team database…";
    private volatile Optional<LiveState.Heartbeat> collector = Optional.empty();
    private volatile String trouble;

    /**
     * @param actions         the direct actions on the configured servers (never polls them)
     * @param actionsOwner    closed with this source (the poller behind {@code actions})
     * @param defaultInterval how long two intervals are until a collector's heartbeat says its own
     */
    public TeamPollSource(TeamDatabase database, ServerActions actions, AutoCloseable actionsOwner, Clock clock,
                          ZoneId zone, Duration defaultInterval) {
        this.database = Objects.requireNonNull(database, "database");
        // Straight to the file servers with this console's rights; each outcome also goes to the team's audit table.
        this.actions = new SharedAuditActions(Objects.requireNonNull(actions, "actions"), database,
                task -> Thread.ofVirtual().name("sessionwatch-team-audit").start(task), clock);
        this.actionsOwner = Objects.requireNonNull(actionsOwner, "actionsOwner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
    }

    /** The team database this source reads. */
    public DatabaseUrl url() {
        return database.url();
    }

    /**
     * The alerts the collector stored from {@code from} up to {@code until} (the shared rules, evaluated once for
     * every console), read on a thread of their own.
     */
    @Override
    public CompletionStage<List<Alert>> fired(Instant from, Instant until) {
        return CompletableFuture.supplyAsync(() -> database.readAlerts(from, "console alerts").stream()
                        .map(TeamAlerts.Stored::alert).filter(alert -> alert.time().isBefore(until)).toList(),
                task -> Thread.ofVirtual().name("sessionwatch-team-alerts").start(task));
    }

    /** Tells {@code listener} of the alerts the collector stores from now on, on the follower's thread. */
    @Override
    public void subscribe(Consumer<List<Alert>> listener) {
        Objects.requireNonNull(listener, "listener");
        subscribeAlerts(stored -> listener.accept(stored.stream().map(TeamAlerts.Stored::alert).toList()));
    }

    /** Receives the alerts the collector stores from now on, on the follower's thread. */
    public void subscribeAlerts(Consumer<List<TeamAlerts.Stored>> listener) {
        alertListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public PollCycle poll(Consumer<ServerPollResult> onResult) {
        start();
        try {
            while (true) {
                Event event = events.poll(WAKE.toMillis(), TimeUnit.MILLISECONDS);
                Instant now = clock.instant();
                switch (event) {
                    case Changed changed -> {
                        connected();
                        for (LiveState.ServerState server : changed.servers()) {
                            latest.put(server.result().server(), server.result());
                            onResult.accept(server.result());
                        }
                    }
                    case Resynced resynced when events.stream().anyMatch(Resynced.class::isInstance) -> {
                        // A later full state is queued already: it holds this one's news.
                    }
                    case Resynced resynced -> {
                        connected();
                        collector = resynced.state().active();
                        latest.clear();
                        resynced.state().servers().forEach(s -> latest.put(s.result().server(), s.result()));
                        trouble = troubleText(now);
                        // Shown even when no collector reports: what it stored last, marked stale on the next poll.
                        return resynced.state().asCycle();
                    }
                    case Trouble t -> {
                        if (disconnectedSince == null) {
                            disconnectedSince = now;
                        }
                        disconnection = t.message();
                    }
                    case Beat beat -> collector = Optional.of(beat.heartbeat());
                    case null -> {
                        // nothing heard: only the time passes
                    }
                }
                trouble = troubleText(now);
                // Only once everything queued is applied: news waiting in the queue is not staleness.
                if (!staleReported && events.isEmpty() && staleNow(now)) {
                    staleReported = true;
                    return stale(now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("polling the team database was cancelled");
        }
    }

    private void connected() {
        disconnectedSince = null;
        disconnection = null;
        staleReported = false;
    }

    private Duration interval() {
        return collector.map(LiveState.Heartbeat::interval).orElse(defaultInterval);
    }

    /** Two intervals after the connection dropped, or once the collector has been silent for two intervals. */
    private boolean staleNow(Instant now) {
        if (disconnectedSince != null) {
            return Duration.between(disconnectedSince, now).compareTo(interval().multipliedBy(2)) >= 0;
        }
        return collector.isEmpty() || collector.get().silent(now);
    }

    /** What the status bar says is wrong, or null: shown before the rows turn stale. */
    private String troubleText(Instant now) {
        if (disconnectedSince != null) {
            return disconnection + " Since " + CLOCK.format(disconnectedSince.atZone(zone)) + "; reconnecting, then"
                    + " everything is read again.";
        }
        if (collector.isEmpty()) {
            return "no collector is active on " + database.url() + ": the rows show what was stored last. Start"
                    + " one with sessionwatch --collect --db URL.";
        }
        LiveState.Heartbeat beat = collector.get();
        // A cycle is late after one and a half intervals: said at once, stale after two.
        if (Duration.between(beat.beatAt(), now).compareTo(beat.interval().multipliedBy(3).dividedBy(2)) > 0) {
            return "the " + beat.brief(now) + ", has stopped reporting. Check that the collector service runs"
                    + " (a standby takes over within two intervals).";
        }
        return null;
    }

    /** Every known server failed with the reason: the tracker marks their rows stale and keeps them. */
    private PollCycle stale(Instant now) {
        String reason = trouble != null ? trouble : "the team collector's state is out of date.";
        LOG.warn("Team mode: showing the last stored state as stale: {}", reason);
        NetApiError error = new NetApiError(ErrorKind.UNREACHABLE, 0, reason, "The rows show what the collector"
                + " stored last; they refresh by themselves once it reports again.");
        return new PollCycle(now, latest.values().stream().<ServerPollResult>map(r ->
                new ServerPollResult.Failed(r.server(), r instanceof ServerPollResult.Ok ok ? ok.level()
                        : ((ServerPollResult.Failed) r).level(), error, Duration.ZERO, now)).toList());
    }

    /** "Team collector fs-mon-01, last cycle 3 s ago", or what is wrong; any thread. */
    @Override
    public Optional<String> sourceStatus(Instant now) {
        String problem = trouble;
        if (problem != null) {
            return Optional.of("Team mode: " + problem);
        }
        return Optional.of(collector.map(c -> "Team " + c.brief(now)).orElse(status));
    }

    @Override
    public ServerActions actions() {
        return actions;
    }

    private synchronized void start() {
        if (follower != null || closed) {
            return;
        }
        SourceFollower following = new SourceFollower(database, new Listener(), WAKE, false);
        follower = Thread.ofPlatform().daemon().name("sessionwatch-team-follower").start(() -> {
            try {
                following.run(() -> closed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Team mode stopped following the collector", e);
                events.add(new Trouble("Following the team database failed: " + e.getMessage()));
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (follower != null) {
            follower.interrupt();
        }
        try {
            actionsOwner.close();
        } catch (Exception e) {
            LOG.warn("Closing the connections for actions failed", e);
        }
    }

    /** On the follower's thread: queues what it reads for {@link #poll}. */
    private final class Listener implements SourceFollower.Listener {
        @Override
        public void resynced(LiveState state) {
            status = "Connected to " + database.url();
            events.add(new Resynced(state));
        }

        @Override
        public void serverChanged(Notice notice, LiveState state) {
            if (!state.servers().isEmpty()) {
                events.add(new Changed(state.servers()));
            }
        }

        @Override
        public void disconnected(String message, Duration retryIn) {
            events.add(new Trouble(message));
        }

        @Override
        public void idle(LiveState.Heartbeat active) {
            events.add(new Beat(active));
        }

        @Override
        public void alertsStored(List<TeamAlerts.Stored> alerts) {
            for (Consumer<List<TeamAlerts.Stored>> listener : alertListeners) {
                try {
                    listener.accept(alerts);
                } catch (RuntimeException e) {
                    LOG.warn("A team alert listener failed", e);
                }
            }
        }
    }
}
