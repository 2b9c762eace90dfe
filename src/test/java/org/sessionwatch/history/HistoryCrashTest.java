package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Kill -9 at any moment loses at most the last poll's changes and never corrupts the database: a child JVM records
 * heavy churn, is killed with SIGKILL in the middle of writing, and the file is then checked and reopened.
 */
class HistoryCrashTest {
    @TempDir
    Path folder;

    @Test
    void aKilledWriterLeavesASoundDatabaseWithEveryCommittedCycle() throws Exception {
        Path data = folder.resolve("data");
        Path file = data.resolve("history.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", HistoryCrashChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int durable = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("durable ")) {
                    durable = Integer.parseInt(line.substring(8));
                    if (durable >= 25) {
                        break;
                    }
                }
            }
            // Killed while it writes the next cycles: no pause between the last report and the kill.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(durable).as("cycles the child reported committed").isGreaterThanOrEqualTo(25);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the native library is unpacked next to the data, not in the temp folder")
                    .anyMatch(name -> name.contains("sqlitejdbc"));
        }

        SQLiteDataSource raw = new SQLiteDataSource();
        raw.setUrl("jdbc:sqlite:" + file);
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                check.next();
                assertThat(check.getString(1)).isEqualTo("ok");
            }
            try (ResultSet polls = statement.executeQuery(
                    "SELECT MIN(total), COUNT(*) FROM (SELECT SUM(polls) AS total FROM poll_coverage GROUP BY server_key)")) {
                polls.next();
                assertThat(polls.getInt(2)).isEqualTo(HistoryCrashChild.SERVERS);
                assertThat(polls.getLong(1)).as("every server's polls up to the last reported cycle")
                        .isGreaterThanOrEqualTo(durable);
            }
            try (ResultSet open = statement.executeQuery("SELECT COUNT(*) FROM session_interval WHERE end_ms IS NULL")) {
                open.next();
                assertThat(open.getLong(1)).as("each session slot has exactly one open interval")
                        .isEqualTo((long) HistoryCrashChild.SERVERS * HistoryCrashChild.SESSIONS_PER_SERVER);
            }
            try (ResultSet bad = statement.executeQuery("SELECT COUNT(*) FROM session_interval"
                    + " WHERE first_seen_ms > last_seen_ms OR end_ms < first_seen_ms")) {
                bad.next();
                assertThat(bad.getLong(1)).isZero();
            }
        }

        // Recording again closes what the killed run left open and carries on in the same file.
        List<HistoryStatus> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HistoryRecorder again = HistoryRecorder.start(file, Duration.ofDays(90), Duration.ofMinutes(1),
                Clock.systemUTC(), statuses::add)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (again.status().state() == HistoryStatus.State.STARTING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(again.status().state()).isEqualTo(HistoryStatus.State.RECORDING);
            assertThat(again.status().message()).isEmpty();
        }
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement();
             ResultSet open = statement.executeQuery("SELECT COUNT(*) FROM session_interval WHERE end_ms IS NULL")) {
            open.next();
            assertThat(open.getLong(1)).isZero();
        }
    }
}
