package org.sessionwatch.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackerUpdate;
import org.sqlite.SQLiteDataSource;

/**
 * History at rest: 10 million intervals over 90 days (500 servers, 20,000 users, 25,000 clients, sessions of one
 * minute to 36 hours), loaded in one transaction into the version-1 tables and then indexed by the version-2
 * migration, as an upgrade would. Figures: the two history questions against a baseline without the index each one
 * relies on, size on disk per million intervals, and one day's retention running under live writes.
 */
public final class HistoryQueryBenchmark {
    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final int DAYS = 90;
    private static final int SERVERS = 500;

    private HistoryQueryBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int intervals = args.intValue("intervals", 10_000_000);
        // keep=FOLDER: the built file is kept there and reused by the next run with the same option (a copy of it,
        // since retention changes the file), which saves building it; a figure to record comes from a run without.
        String keep = args.stringValue("keep", "");
        Path kept = keep.isBlank() ? null : Path.of(keep).toAbsolutePath().resolve("history-" + intervals + ".db");
        Path folder = Files.createTempDirectory("history-query-bench");
        Path file = folder.resolve("history.db");
        long tablesOnly;
        HistoryDatabase database;
        if (kept != null && Files.exists(kept)) {
            Files.copy(kept, file);
            tablesOnly = Long.parseLong(Files.readString(sizeNote(kept)).trim());
            database = HistoryDatabase.open(file, HistoryDatabase.Mode.RECORD, Instant.now());
            FigureOutput.progress("reused the file built by an earlier run, %s", kept);
        } else {
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + file);
            source.setJournalMode("WAL");
            Flyway.configure().dataSource(source).locations(Vendor.SQLITE.migrationLocations().toArray(String[]::new))
                    .target("1").load().migrate();
            long t = System.nanoTime();
            load(source, intervals);
            FigureOutput.progress("loaded %,d intervals in %.1f s", intervals, (System.nanoTime() - t) / 1e9);
            tablesOnly = size(folder);
            t = System.nanoTime();
            database = HistoryDatabase.open(file, HistoryDatabase.Mode.RECORD, Instant.now());
            FigureOutput.progress("checked and indexed (migration 2) in %.1f s", (System.nanoTime() - t) / 1e9);
            if (kept != null) {
                // Flyway's last connection has checkpointed the log into the file: the file alone is the database.
                Files.createDirectories(kept.getParent());
                Files.copy(file, kept);
                Files.writeString(sizeNote(kept), Long.toString(tablesOnly));
            }
        }
        long indexed = size(folder);
        double perMillion = indexed / (intervals / 1e6) / (1 << 20);
        FigureOutput.emit(Figure.lowerIsBetter("history.size_per_million_intervals", perMillion, "MiB",
                tablesOnly / (intervals / 1e6) / (1 << 20), "the tables without the query indexes", null, null,
                String.format(Locale.ROOT, "%,d intervals: %.0f MiB with indexes, %.0f MiB without", intervals,
                        indexed / 1048576.0, tablesOnly / 1048576.0)));

        try (Connection connection = database.connect()) {
            queries(connection, intervals);
        }
        retention(database, file);
        deleteFolder(folder);
    }

    /** Beside a kept file: the size of its tables before the query indexes (the size figure's baseline). */
    private static Path sizeNote(Path kept) {
        return kept.resolveSibling(kept.getFileName() + ".tables-bytes");
    }

    /** The database takes gigabytes: never leave it behind in the temp folder. */
    static void deleteFolder(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** One transaction of prepared, batched inserts of closed intervals: the bench's data, not the recorder's path. */
    private static void load(SQLiteDataSource source, int intervals) throws Exception {
        Random random = new Random(11);
        try (Connection connection = source.getConnection(); Statement pragma = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO session_interval (id, server,"
                     + " server_key, client, client_key, user_name, user_key, start_ms, start_known, first_seen_ms,"
                     + " last_seen_ms, end_ms, end_reason, client_type, transport, level, max_opens, last_opens,"
                     + " last_idle_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, 'DISCONNECTED',"
                     + " 'Windows 11 Pro 22631', '\\Device\\NetbiosSmb', 502, ?, ?, 30)")) {
            pragma.execute("PRAGMA synchronous = OFF");
            connection.setAutoCommit(false);
            for (int id = 1; id <= intervals; id++) {
                long start = START.toEpochMilli() + (long) ((double) id / intervals * DAYS * DAY_MS);
                long end = start + 60_000 + (long) (random.nextDouble() * 36 * 3_600_000L);
                String server = "FS-%03d".formatted(random.nextInt(SERVERS));
                String user = "user%05d".formatted(random.nextInt(20_000));
                String client = "PC-%05d".formatted(random.nextInt(25_000));
                insert.setLong(1, id);
                insert.setString(2, server);
                insert.setString(3, server.toLowerCase(Locale.ROOT));
                insert.setString(4, client);
                insert.setString(5, client.toLowerCase(Locale.ROOT));
                insert.setString(6, user);
                insert.setString(7, user);
                insert.setLong(8, start);
                insert.setLong(9, start + 5_000);
                insert.setLong(10, end - 7_000);
                insert.setLong(11, end);
                insert.setLong(12, random.nextInt(20));
                insert.setLong(13, random.nextInt(20));
                insert.addBatch();
                if (id % 100_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            try (HistoryWrites writes = new HistoryWrites(connection)) {
                for (int s = 0; s < SERVERS; s++) {
                    writes.startCoverage(s + 1, "FS-%03d".formatted(s), START.toEpochMilli(), true, null);
                    writes.extendCoverage(s + 1, START.toEpochMilli() + DAYS * DAY_MS, DAYS * 5_760L);
                }
                writes.commit();
            }
        }
    }

    private static void queries(Connection connection, int intervals) throws Exception {
        JdbcHistoryRepository repository = new JdbcHistoryRepository(connection);
        Random random = new Random(5);
        List<Double> atMs = new ArrayList<>();
        List<Double> userMs = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < 300; i++) {
            Instant at = START.plusMillis((long) (random.nextDouble() * DAYS * DAY_MS));
            String server = "FS-%03d".formatted(random.nextInt(SERVERS));
            long t = System.nanoTime();
            found += repository.openAt(at, Optional.of(server)).size();
            atMs.add((System.nanoTime() - t) / 1e6);
            String user = "user%05d".formatted(random.nextInt(20_000));
            Instant until = START.plus(Duration.ofDays(30 + random.nextInt(DAYS - 30)));
            t = System.nanoTime();
            found += repository.intervals(HistoryRepository.Party.USER, user, Optional.empty(),
                    until.minus(Duration.ofDays(30)), until).size();
            userMs.add((System.nanoTime() - t) / 1e6);
        }
        Stats at = Stats.of(atMs.subList(20, atMs.size()));
        Stats user = Stats.of(userMs.subList(20, userMs.size()));
        FigureOutput.progress("open-at %s; user %s; %d rows found", at, user, found);

        // Baselines: the same SQL told not to use any index (a full scan), a few runs each.
        String openAt = JdbcHistoryRepository.OPEN_AT.replace("FROM session_interval",
                "FROM session_interval NOT INDEXED");
        String ofUser = String.format(Locale.ROOT, JdbcHistoryRepository.OF_PARTY, "user_key")
                .replace("FROM session_interval", "FROM session_interval NOT INDEXED");
        List<Double> atBase = new ArrayList<>();
        List<Double> userBase = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long at0 = START.toEpochMilli() + (long) (random.nextDouble() * DAYS * DAY_MS);
            atBase.add(time(connection, openAt, "fs-%03d".formatted(random.nextInt(SERVERS)), at0, at0, null, at0));
            long until = at0 + 30 * DAY_MS;
            userBase.add(time(connection, ofUser, "user%05d".formatted(random.nextInt(20_000)), until,
                    until - 30 * DAY_MS, null, null));
        }
        double atBaseline = Stats.of(atBase).median();
        double userBaseline = Stats.of(userBase).median();
        String scale = String.format(Locale.ROOT, "%,d intervals; median of 280 random queries after 20 warm-up",
                intervals);
        FigureOutput.emit(Figure.lowerIsBetter("history.query_open_at_server", at.median(), "ms", atBaseline,
                "the same query without ix_interval_server_end (NOT INDEXED: full scan), median of 3", "<= 10 ms",
                at.median() <= 10, scale + String.format(Locale.ROOT, "; p95 %.2f ms, max %.2f ms",
                        at.percentile(95), at.max())));
        FigureOutput.emit(Figure.lowerIsBetter("history.query_user_30_days", user.median(), "ms", userBaseline,
                "the same query without ix_interval_user_start (NOT INDEXED: full scan), median of 3", "<= 10 ms",
                user.median() <= 10, scale + String.format(Locale.ROOT, "; p95 %.2f ms, max %.2f ms",
                        user.percentile(95), user.max())));
    }

    /** Runs {@code sql} (parameters: a key, then numbers; null skipped) and returns its time in ms. */
    private static double time(Connection connection, String sql, String key, Long a, Long b, Long c, Long d)
            throws Exception {
        long t = System.nanoTime();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            query.setString(index++, key);
            for (Long value : new Long[] {a, b}) {
                query.setLong(index++, value);
            }
            if (d != null) {
                query.setString(index++, key);
                query.setLong(index, d);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
        }
        return (System.nanoTime() - t) / 1e6;
    }

    /**
     * Retention of the oldest day while a live estate (50 servers × 200 sessions, one server's answer every 20 ms)
     * is recorded: the longest any write waited, from being queued to being committed.
     */
    private static void retention(HistoryDatabase database, Path file) throws Exception {
        Instant now = START.plus(Duration.ofDays(DAYS + 1)).plusSeconds(60);
        ChurningEstate estate = new ChurningEstate(50, 200, now);
        SessionTracker tracker = new SessionTracker();
        List<TrackerUpdate> feed = new ArrayList<>();
        tracker.subscribe(feed::add);
        // Retention DAYS - 1 ... cutoff = START + 2 days + 60 s: the intervals ending on the first day or so.
        // Retention starts after a warm-up in which each of the 50 servers gives its first answer (those look up
        // the intervals they continue, on a cold file); the recorder's own default waits a minute for the same reason.
        Duration warmUp = Duration.ofSeconds(10);
        HistoryRecorder recorder = HistoryRecorder.start(file, Duration.ofDays(DAYS - 1), Duration.ofMinutes(1),
                Clock.fixed(now, ZoneOffset.UTC), status -> { }, warmUp);
        List<Double> waits = new ArrayList<>();
        double slowestWait = 0;
        double slowestWaitGc = 0;
        long lastDeleted = -1;
        long started = System.nanoTime();
        long stableSince = started;
        for (int c = 0; System.nanoTime() - started < Duration.ofMinutes(4).toNanos(); c++) {
            feed.clear();
            tracker.apply(now.plusSeconds(c), List.of(estate.cycle(now.plusSeconds(c), 0.01, 0.02).results()
                    .get(c % 50)));
            long gcBefore = gcPauseMillis();
            long t = System.nanoTime();
            feed.forEach(recorder);
            recorder.flush(Duration.ofSeconds(30));
            if (t - started > warmUp.toNanos()) {
                double wait = (System.nanoTime() - t) / 1e6;
                waits.add(wait);
                if (wait > slowestWait) {
                    slowestWait = wait;
                    slowestWaitGc = gcPauseMillis() - gcBefore;
                }
            }
            Thread.sleep(20);
            long deleted = recorder.metrics().retentionDeleted();
            if (deleted != lastDeleted) {
                lastDeleted = deleted;
                stableSince = System.nanoTime();
            } else if (deleted > 0 && System.nanoTime() - stableSince > Duration.ofSeconds(2).toNanos()) {
                break;
            }
        }
        double tookS = (System.nanoTime() - started) / 1e9;
        // Control: the same writes once retention is done, so the machine's own delays can be told apart from it.
        List<Double> controlWaits = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            feed.clear();
            Instant at = now.plusSeconds(10_000 + c);
            tracker.apply(at, List.of(estate.cycle(at, 0.01, 0.02).results().get(c % 50)));
            long t = System.nanoTime();
            feed.forEach(recorder);
            recorder.flush(Duration.ofSeconds(30));
            controlWaits.add((System.nanoTime() - t) / 1e6);
            Thread.sleep(20);
        }
        HistoryRecorder.Metrics metrics = recorder.metrics();
        List<WriteTimings.SlowWrite> slowest = recorder.slowestWrites();
        recorder.close();
        Stats wait = Stats.of(waits);
        Stats control = Stats.of(controlWaits);
        long cutoff = now.minus(Duration.ofDays(DAYS - 2)).toEpochMilli();
        double oneStatement;
        try (Connection connection = database.connect(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM session_interval WHERE end_ms < ?")) {
            long t = System.nanoTime();
            delete.setLong(1, cutoff);
            int rows = delete.executeUpdate();
            oneStatement = (System.nanoTime() - t) / 1e6;
            FigureOutput.progress("baseline: one DELETE of the next day (%,d rows) took %.0f ms", rows, oneStatement);
        }
        FigureOutput.emit(Figure.lowerIsBetter("history.retention_max_write_wait", wait.max(), "ms", oneStatement,
                "deleting the next day in one statement (what a write would wait behind)", "<= 50 ms",
                wait.max() <= 50, String.format(Locale.ROOT, "%,d expired rows deleted in small batches within %.0f s"
                        + " while %d live updates (one server of a 10,000-session estate each) were written; write"
                        + " latency queued→committed median %.1f ms, p99 %.1f ms; the same writes after retention"
                        + " (control): median %.1f ms, p99 %.1f ms, max %.1f ms; longest time an update waited in the"
                        + " queue (behind retention or an earlier write) %.1f ms; longest retention batch %.1f ms;"
                        + " the slowest write measured here overlapped %.0f ms of this JVM's GC pauses; the slowest"
                        + " writes of both, on the writer's own clock: %s",
                        lastDeleted, tookS, wait.count(), wait.median(), wait.percentile(99), control.median(),
                        control.percentile(99), control.max(), metrics.maxWaitNanos() / 1e6,
                        metrics.retentionMaxBatchNanos() / 1e6, slowestWaitGc, slowest)));
    }

    /** Time this JVM's collectors have spent in pauses (the concurrent collectors' own time left out). */
    private static long gcPauseMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().contains("Concurrent"))
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long size(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("history.db"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
