package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.testing.PostgresServer;

/** How the team database is reached: verified TLS, and the password from a password file instead of the environment. */
class TeamDatabaseLoginTest {
    /** The driver's setting for where the password file is (the default is ~/.pgpass). */
    private static final String PGPASS_PROPERTY = "org.postgresql.pgpassfile";

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path dir;

    @Test
    void verifyFullTlsChecksTheServerAgainstTheGivenCa() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://127.0.0.1:" + PG.port() + "/postgres?user="
                + PostgresServer.SUPERUSER + "&sslmode=verify-full&sslrootcert=" + PG.caCertificate());
        TeamDatabase database = new TeamDatabase(url,
                Map.of(DatabaseUrl.PASSWORD_VARIABLE, PostgresServer.SUPERUSER_PASSWORD)::get);

        try (Connection connection = database.connect("test"); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
        }
    }

    @Test
    void withoutTheVariableThePasswordComesFromThePasswordFile() throws Exception {
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "127.0.0.1:" + PG.port() + ":postgres:"
                + PostgresServer.SUPERUSER + ":" + PostgresServer.SUPERUSER_PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String before = System.getProperty(PGPASS_PROPERTY);
        System.setProperty(PGPASS_PROPERTY, pgpass.toString());
        try {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://127.0.0.1:" + PG.port() + "/postgres?user="
                    + PostgresServer.SUPERUSER);
            try (Connection connection = new TeamDatabase(url, name -> null).connect("test")) {
                assertThat(connection.isValid(5)).isTrue();
            }
        } finally {
            if (before == null) {
                System.clearProperty(PGPASS_PROPERTY);
            } else {
                System.setProperty(PGPASS_PROPERTY, before);
            }
        }
    }
}
