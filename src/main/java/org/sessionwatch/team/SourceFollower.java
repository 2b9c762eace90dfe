package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Follows a team database for a console: reads everything, then listens for the collectors' {@code NOTIFY} and re-reads
 * what each one names. When the connection drops it reconnects with back-off (1 s doubling to 30 s) and re-reads
 * everything, because notices sent while it was away are lost by design.
 */
public final class SourceFollower {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What the follower tells its console, on the follower's thread, in order. */
    public interface Listener {
        /** Everything as stored now: at the start, after a reconnect, and at the end of each collector cycle. */
        void resynced(LiveState state);

        /**
         * One server's state was committed, as {@code notice} announced (its {@link LiveState#servers()} is empty
         * when the server was removed since).
         */
        void serverChanged(Notice notice, LiveState state);

        /** The connection was lost or could not be made; {@code message} says why, in plain words. */
        void disconnected(String message, Duration retryIn);

        /** Nothing was heard for a while: a chance to check the collector's heartbeat. */
        default void idle(LiveState.Heartbeat active) {
        }

        /**
         * Alerts the collector stored since the last ones this follower passed on (after a reconnect: those stored
         * while it was away), oldest first. Alerts stored before the follower first connected are not repeated.
         */
        default void alertsStored(List<TeamAlerts.Stored> alerts) {
        }
    }

    private final TeamDatabase database;
    private final Listener listener;
    private final Duration wake;
    private final boolean stopOnRefusal;
    /** Each server's state as this follower last read it, by name (its thread only). */
    private final Map<String, LiveState.ServerState> known = new LinkedHashMap<>();
    /** The last alert passed on; -1 until the first connection. */
    private long lastAlert = -1;

    /** @param wake how often to check the connection while no notice arrives */
    public SourceFollower(TeamDatabase database, Listener listener, Duration wake) {
        this(database, listener, wake, true);
    }

    /**
     * @param stopOnRefusal whether a first connection the database refuses for good (login, rights, no schema) ends
     *                      {@link #run}: yes for a CLI started with a wrong URL; a window keeps retrying with
     *                      back-off and shows why, since a collector may create the schema or an administrator grant
     *                      the rights meanwhile
     */
    public SourceFollower(TeamDatabase database, Listener listener, Duration wake, boolean stopOnRefusal) {
        this.database = Objects.requireNonNull(database, "database");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.wake = Objects.requireNonNull(wake, "wake");
        this.stopOnRefusal = stopOnRefusal;
    }

    /**
     * Follows until {@code stopRequested} or interruption.
     *
     * @throws SQLException when the very first connection is refused for good (login, rights, no schema): a console
     *                      started with a wrong URL should say so and stop, not retry forever
     */
    public void run(BooleanSupplier stopRequested) throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        boolean everConnected = false;
        while (!stopRequested.getAsBoolean()) {
            try (Connection connection = database.connect("console")) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + TeamDatabase.CHANNEL);
                }
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                // LISTEN first, then read: a commit between the two is announced, never missed.
                LiveState everything = LiveStateReader.readAll(connection);
                known.clear();
                everything.servers().forEach(server -> known.put(server.result().server(), server));
                listener.resynced(everything);
                alerts(connection);
                everConnected = true;
                backoff = Duration.ofSeconds(1);
                follow(connection, stopRequested);
            } catch (SQLException e) {
                if (stopOnRefusal && !everConnected && !transientFailure(e)) {
                    throw new TeamException(database.describe(e), e);
                }
                listener.disconnected(database.describe(e), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void follow(Connection connection, BooleanSupplier stopRequested) throws SQLException,
            InterruptedException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!stopRequested.getAsBoolean()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            PGNotification[] notices = pg.getNotifications((int) wake.toMillis());
            if (notices == null || notices.length == 0) {
                // Also proves the connection is alive: a dead peer is noticed here, not only on the next notice.
                LiveStateReader.heartbeats(connection).stream().filter(LiveState.Heartbeat::active).findFirst()
                        .ifPresent(listener::idle);
                continue;
            }
            boolean everything = false;
            boolean alerts = false;
            // Several notices of one server in one batch: its latest state is read once, for the latest notice.
            Map<String, Notice> servers = new LinkedHashMap<>();
            for (PGNotification notice : notices) {
                Notice parsed = Notice.parse(notice.getParameter());
                if (parsed.server().isPresent()) {
                    servers.put(parsed.server().get(), parsed);
                } else if (parsed.alerts()) {
                    alerts = true;
                } else {
                    everything = true;
                }
            }
            if (!servers.isEmpty() && !everything) {
                // One snapshot for the whole batch: a busy cycle costs a reader one query per wake-up, not per server.
                LiveState read = LiveStateReader.readServers(connection, servers.keySet());
                read.servers().forEach(server -> known.put(server.result().server(), server));
                for (Notice notice : servers.values()) {
                    String name = notice.server().orElseThrow();
                    listener.serverChanged(notice, new LiveState(read.servers().stream()
                            .filter(s -> s.result().server().equals(name)).toList(), read.collectors()));
                }
            }
            if (everything) {
                listener.resynced(catchUp(connection));
            }
            if (alerts) {
                alerts(connection);
            }
        }
    }

    /**
     * Everything as stored now, at the end of a collector cycle. Only the server rows are read in full (a few hundred
     * short rows): the sessions are re-read only for servers whose stored cycle or answer differs from what this
     * follower last read (a notice it missed), so twenty consoles do not each re-read every session every cycle.
     */
    private LiveState catchUp(Connection connection) throws SQLException {
        Map<String, LiveStateReader.Stamp> stored = LiveStateReader.stamps(connection);
        known.keySet().retainAll(stored.keySet());
        List<String> outdated = stored.entrySet().stream().filter(e -> {
            LiveState.ServerState mine = known.get(e.getKey());
            return mine == null || !e.getValue().equals(LiveStateReader.Stamp.of(mine));
        }).map(Map.Entry::getKey).toList();
        List<LiveState.Heartbeat> collectors;
        if (outdated.isEmpty()) {
            collectors = LiveStateReader.heartbeats(connection);
        } else {
            LiveState read = LiveStateReader.readServers(connection, outdated);
            read.servers().forEach(server -> known.put(server.result().server(), server));
            collectors = read.collectors();
        }
        return new LiveState(known.values().stream()
                .sorted(java.util.Comparator.comparing(server -> server.result().server())).toList(), collectors);
    }

    /** Passes on the alerts stored after the last one passed on; on the first connection only notes where that is. */
    private void alerts(Connection connection) throws SQLException {
        if (lastAlert < 0) {
            try (Statement query = connection.createStatement();
                 ResultSet rows = query.executeQuery("SELECT COALESCE(MAX(id), 0) FROM team_alert")) {
                rows.next();
                lastAlert = rows.getLong(1);
            }
            return;
        }
        List<TeamAlerts.Stored> fresh = TeamAlerts.after(connection, lastAlert);
        if (!fresh.isEmpty()) {
            lastAlert = fresh.get(fresh.size() - 1).id();
            listener.alertsStored(fresh);
        }
    }

    /** Connection failures (08…), a server shutting down (57P…) and "too many connections" are worth retrying. */
    static boolean transientFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
    }
}
