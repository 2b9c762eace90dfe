package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.sessionwatch.config.AlertRule;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.testing.ScriptedServers;

/** A fresh team database per test and collectors running on threads against it; everything is stopped by close(). */
final class TeamFixture implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    final PostgresServer pg;
    final String database;
    final TeamDatabase team;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Collector> collectors = new ArrayList<>();
    private final List<Thread> followers = new ArrayList<>();

    TeamFixture(PostgresServer pg) throws SQLException {
        this.pg = pg;
        this.database = pg.createDatabase("team" + DATABASES.incrementAndGet());
        this.team = new TeamDatabase(url(PostgresServer.SUPERUSER), Map.of(DatabaseUrl.PASSWORD_VARIABLE,
                PostgresServer.SUPERUSER_PASSWORD)::get);
    }

    DatabaseUrl url(String user) {
        return DatabaseUrl.parse("postgresql://127.0.0.1:" + pg.port() + "/" + database + "?user=" + user);
    }

    /** A collector named {@code name} polling {@code servers} every {@code interval}, started on its own thread. */
    Collector start(String name, ScriptedServers servers, Duration interval) {
        return start(name, servers, interval, List.of());
    }

    /** As {@link #start(String, ScriptedServers, Duration)}, evaluating {@code rules}. */
    Collector start(String name, ScriptedServers servers, Duration interval, List<AlertRule> rules) {
        Collector collector = new Collector(team, servers,
                new Collector.Settings(name, "test-host", interval, rules, false), Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), () -> false);
        Thread thread = new Thread(() -> {
            try {
                collector.run();
            } catch (Collector.Unusable e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }, "test-collector-" + name);
        thread.setDaemon(true);
        thread.start();
        collectors.add(collector);
        threads.add(thread);
        return collector;
    }

    /** A follower of this database on its own thread, stopped by interrupting the thread returned. */
    Thread follow(SourceFollower.Listener listener) {
        SourceFollower follower = new SourceFollower(team, listener, Duration.ofMillis(500));
        Thread thread = new Thread(() -> {
            try {
                follower.run(() -> Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-follower");
        thread.setDaemon(true);
        thread.start();
        followers.add(thread);
        return thread;
    }

    void stop(Collector collector) throws InterruptedException {
        int index = collectors.indexOf(collector);
        collector.stop();
        threads.get(index).interrupt();
        threads.get(index).join(10_000);
    }

    Connection superuser() throws SQLException {
        return pg.superuser(database);
    }

    long count(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Collector collector : collectors) {
            collector.stop();
        }
        for (Thread thread : followers) {
            thread.interrupt();
            thread.join(10_000);
        }
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(10_000);
        }
    }
}
