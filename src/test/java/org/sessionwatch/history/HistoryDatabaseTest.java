package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Creating, migrating and opening the history file: real SQLite files in temp folders. */
class HistoryDatabaseTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path folder;

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void anEmptyFolderGetsThePrivateFileWithTheWholeSchemaInWalMode() throws Exception {
        Path file = folder.resolve("a").resolve("b").resolve("history.db");
        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.RECORD, NOW);

        try (Connection connection = database.connect()) {
            assertThat(column(connection, "SELECT version FROM flyway_schema_history WHERE success = 1"
                    + " ORDER BY installed_rank")).containsExactly("1", "2", "3", "4", "10");
            assertThat(column(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    .contains("session_interval", "poll_coverage", "session_sample", "file_interval", "alert_log");
            assertThat(column(connection, "SELECT name FROM sqlite_master WHERE type = 'index'"))
                    .contains("ix_interval_server_end", "ix_interval_user_start", "ix_interval_client_start",
                            "ix_interval_end", "ix_coverage_server_to", "ix_sample_interval", "ix_coverage_to",
                            "ix_alert_fired");
            assertThat(column(connection, "PRAGMA journal_mode")).containsExactly("wal");
        }
        assertThat(database.notice()).isEmpty();
        assertThat(System.getProperty(HistoryDatabase.NATIVE_DIRECTORY_PROPERTY)).isNotBlank();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileIsOwnerOnlyAndTheFoldersItCreatesToo() throws Exception {
        Path file = folder.resolve("new").resolve("history.db");
        HistoryDatabase.open(file, HistoryDatabase.Mode.RECORD, NOW);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @ParameterizedTest(name = "from version {0}")
    @ValueSource(strings = {"1", "2", "3"})
    void aFileOfEveryEarlierVersionIsMigratedWithItsRowsKept(String version) throws Exception {
        Path file = folder.resolve("history.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(source).locations(Vendor.SQLITE.migrationLocations().toArray(String[]::new))
                .target(version).load().migrate();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO session_interval (id, server, server_key, client_key, user_key,"
                    + " start_ms, start_known, first_seen_ms, last_seen_ms, level) VALUES"
                    + " (1, 'FS01', 'fs01', 'pc1', 'alice', 1000, 1, 2000, 2000, 502)");
        }

        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.RECORD, NOW);

        try (Connection connection = database.connect()) {
            assertThat(column(connection, "SELECT MAX(version) FROM flyway_schema_history")).containsExactly("4");
            assertThat(new JdbcHistoryRepository(connection).openAt(Instant.ofEpochMilli(5000),
                    java.util.Optional.of("FS01"))).extracting(HistoryInterval::id, HistoryInterval::server)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "FS01"));
        }
    }

    @Test
    void aQueryNeverCreatesAFile() {
        Path file = folder.resolve("nothing-here.db");
        assertThatThrownBy(() -> HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, NOW))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("No history has been recorded in").hasMessageContaining("--history-db");
        assertThat(file).doesNotExist();
    }

    /** The team collector's schema must stay the desktop's: the same tables with the same columns in order. */
    @Test
    void thePostgresqlTablesHaveTheSameColumnsAsTheSqliteOnes() throws IOException {
        assertThat(columns("postgresql")).isEqualTo(columns("sqlite")).containsKeys("session_interval",
                "poll_coverage", "session_sample");
    }

    private static Map<String, List<String>> columns(String vendor) throws IOException {
        String ddl;
        try (InputStream in = HistoryDatabaseTest.class.getResourceAsStream(
                "/db/migration/" + vendor + "/V1__tables.sql")) {
            assertThat(in).as(vendor).isNotNull();
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("--[^\n]*", "");
        }
        Map<String, List<String>> tables = new LinkedHashMap<>();
        Matcher table = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\)\\s*(WITHOUT ROWID)?;", Pattern.DOTALL)
                .matcher(ddl);
        while (table.find()) {
            List<String> names = new ArrayList<>();
            for (String line : table.group(2).split(",\\s*\n")) {
                String name = line.strip().split("\\s+")[0];
                if (!name.equals("PRIMARY")) {
                    names.add(name);
                }
            }
            tables.put(table.group(1), names);
        }
        return tables;
    }
}
