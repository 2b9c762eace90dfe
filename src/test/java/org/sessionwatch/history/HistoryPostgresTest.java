package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.testing.PostgresServer;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * The history schema and SQL on a real PostgreSQL (the team collector's database): every migration of the
 * PostgreSQL locations from an empty database, the recorder's writes, the repository's questions and retention's
 * deletes, with the answers the SQLite tests expect.
 */
class HistoryPostgresTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static int databases;

    private final ScriptedEstate estate = new ScriptedEstate().server("FS01").server("FS02")
            .session("FS01", "10.0.0.1", "alice", T0.minusSeconds(3_600), null, 2)
            .session("FS01", "PC-0412", "Bob", T0.plusSeconds(37), T0.plusSeconds(131), 5)
            .session("FS02", "10.0.0.7", "carol", T0.minusSeconds(20), T0.plusSeconds(250), 1)
            .session("FS02", "PC-0412", "bob", T0.plusSeconds(200), null, 3)
            .outage("FS02", T0.plusSeconds(60), T0.plusSeconds(120));

    /** A new database with every migration applied, as Flyway would for the team collector. */
    private static PGSimpleDataSource migratedDatabase() throws Exception {
        String name = PG.createDatabase("history" + (++databases));
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(PG.jdbcUrl(name));
        source.setUser(PostgresServer.SUPERUSER);
        source.setPassword(PostgresServer.SUPERUSER_PASSWORD);
        Flyway.configure(HistoryPostgresTest.class.getClassLoader()).dataSource(source)
                .locations(Vendor.POSTGRESQL.migrationLocations().toArray(String[]::new)).load().migrate();
        return source;
    }

    /** Polls the scripted estate every 15 s and writes each update as the recorder's writer thread does. */
    private void record(Connection connection, Instant from, Instant to) throws Exception {
        HistoryWrites writes = new HistoryWrites(connection);
        HistoryIngest ingest = new HistoryIngest(writes.maxIds(), INTERVAL.multipliedBy(3));
        List<TrackerUpdate> updates = new ArrayList<>();
        SessionTracker tracker = new SessionTracker();
        tracker.subscribe(updates::add);
        for (Instant t = from; !t.isAfter(to); t = t.plus(INTERVAL)) {
            updates.clear();
            tracker.completeCycle(estate.poll(t));
            for (TrackerUpdate update : updates) {
                ingest.apply(update, writes);
            }
            writes.commit();
        }
        writes.close();
    }

    @Test
    void everyMigrationRunsAndTheIndexesTheQueriesNeedExist() throws Exception {
        PGSimpleDataSource source = migratedDatabase();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet versions = statement.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE success ORDER BY installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (versions.next()) {
                applied.add(versions.getString(1));
            }
            assertThat(applied).startsWith("1", "2", "3", "4");
            try (ResultSet indexes = statement.executeQuery("SELECT indexname FROM pg_indexes"
                    + " WHERE tablename IN ('session_interval', 'poll_coverage', 'session_sample', 'file_interval')")) {
                List<String> names = new ArrayList<>();
                while (indexes.next()) {
                    names.add(indexes.getString(1));
                }
                assertThat(names).contains("ix_interval_server_end", "ix_interval_user_start",
                        "ix_interval_client_start", "ix_coverage_server_to", "ix_sample_interval", "ix_interval_end",
                        "ix_coverage_to", "ix_file_server_end", "ix_file_path_first", "ix_file_user_first",
                        "ix_file_end");
            }
        }
    }

    @Test
    void theRecordersWritesAndTheRepositorysQuestionsGiveTheSqliteAnswers() throws Exception {
        PGSimpleDataSource source = migratedDatabase();
        try (Connection connection = source.getConnection()) {
            record(connection, T0, T0.plusSeconds(300));
            connection.setAutoCommit(true);
            HistoryRepository history = new JdbcHistoryRepository(connection);

            assertThat(history.openAt(T0.plusSeconds(100), Optional.of("fs01"))).extracting(HistoryInterval::user)
                    .containsExactly("alice", "Bob");
            assertThat(history.openAt(T0.plusSeconds(100), Optional.empty()))
                    .extracting(HistoryInterval::server, HistoryInterval::user)
                    .containsExactly(tuple("FS01", "alice"), tuple("FS01", "Bob"), tuple("FS02", "carol"));
            assertThat(history.intervals(Party.USER, "BOB", Optional.empty(), null, null))
                    .extracting(HistoryInterval::server, i -> i.end().isPresent())
                    .containsExactly(tuple("FS01", true), tuple("FS02", false));
            assertThat(history.intervals(Party.CLIENT, "pc-0412", Optional.of("FS02"), T0, T0.plusSeconds(300)))
                    .singleElement().satisfies(i -> assertThat(i.isOpen()).isTrue());
            assertThat(history.latestBefore(Party.USER, "bob", T0.plusSeconds(199)))
                    .hasValueSatisfying(i -> assertThat(i.server()).isEqualTo("FS01"));
            assertThat(history.coverage(Optional.of("FS02"), null, null))
                    .extracting(CoverageSpan::answered, s -> s.error().orElse(null))
                    .containsExactly(tuple(true, null), tuple(false, ErrorKind.UNREACHABLE), tuple(true, null));
        }
    }

    @Test
    void openFilesAreWrittenAndAskedOnPostgres() throws Exception {
        PGSimpleDataSource source = migratedDatabase();
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            FileHistory files = new FileHistory(connection);
            org.sessionwatch.tracking.OpenFilesTracker tracker = new org.sessionwatch.tracking.OpenFilesTracker();
            List<org.sessionwatch.tracking.FilesUpdate> updates = new ArrayList<>();
            tracker.subscribe(updates::add);
            var report = new org.sessionwatch.netapi.OpenFile("FS01", org.sessionwatch.netapi.FileInfoLevel.LEVEL_3,
                    4_000_000_000L, 3L, 1L, "D:\\Finance\\report.xlsx", "alice");
            tracker.apply(T0, new org.sessionwatch.netapi.OpenFilesResult.Success("FS01",
                    org.sessionwatch.netapi.FileInfoLevel.LEVEL_3, List.of(report)));
            tracker.apply(T0.plusSeconds(30), new org.sessionwatch.netapi.OpenFilesResult.Success("FS01",
                    org.sessionwatch.netapi.FileInfoLevel.LEVEL_3, List.of()));
            for (var update : updates) {
                files.apply(update);
            }
            files.flush();
            connection.commit();
            files.close();
            connection.setAutoCommit(true);
            assertThat(new JdbcHistoryRepository(connection).filesOpenAt(T0.plusSeconds(10), Optional.empty()))
                    .singleElement().satisfies(f -> {
                        assertThat(f.fileId()).isEqualTo(4_000_000_000L);
                        assertThat(f.end()).hasValue(T0.plusSeconds(30));
                    });
        }
    }

    @Test
    void retentionsDeletesAndTheRestartsClosingRunOnPostgres() throws Exception {
        PGSimpleDataSource source = migratedDatabase();
        try (Connection connection = source.getConnection()) {
            record(connection, T0, T0.plusSeconds(300));
            HistoryWrites writes = new HistoryWrites(connection);
            // What a restart does first: intervals left open end at their server's last answer.
            assertThat(writes.closeUnobserved()).isEqualTo(2);
            long cutoff = T0.plusSeconds(3_600).toEpochMilli();
            int deleted = 0;
            for (HistoryWrites.Expired kind : HistoryWrites.Expired.values()) {
                deleted += writes.deleteBefore(kind, cutoff, 2);
                deleted += writes.deleteBefore(kind, cutoff, 100);
            }
            writes.close();
            assertThat(deleted).isGreaterThanOrEqualTo(4 + 4);
            connection.setAutoCommit(true);
            HistoryRepository history = new JdbcHistoryRepository(connection);
            assertThat(history.intervals(Party.USER, "alice", Optional.empty(), null, null)).isEmpty();
            assertThat(history.coverage(Optional.empty(), null, null)).isEmpty();
        }
    }
}
