package org.sessionwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;

/** The throw-away cluster itself: it answers on loopback, restarts on the same port, and speaks verified TLS. */
class PostgresServerTest {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Test
    void answersOnLoopbackAndSurvivesARestart() throws Exception {
        assertThat(query("SELECT inet_server_addr()::text")).startsWith("127.0.0.1");

        PG.stop(false);
        assertThatThrownBy(() -> query("SELECT 1")).isInstanceOf(SQLException.class);
        PG.start();

        assertThat(query("SELECT 1")).isEqualTo("1");
    }

    @Test
    void verifyFullTlsChecksTheServerCertificateAgainstTheTestCa() throws Exception {
        Properties tls = login();
        tls.setProperty("sslmode", "verify-full");
        tls.setProperty("sslrootcert", PG.caCertificate().toString());
        try (Connection connection = DriverManager.getConnection(PG.jdbcUrl("postgres"), tls);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).as("the session is encrypted").isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties login = login();
        login.setProperty("password", "wrong");
        assertThatThrownBy(() -> DriverManager.getConnection(PG.jdbcUrl("postgres"), login).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void missingToolsSkipLocallyAndFailOnCi() {
        assertThatThrownBy(() -> SkipOrFail.unavailable("PostgreSQL tests", "not installed", false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("not installed");
        assertThatThrownBy(() -> SkipOrFail.unavailable("PostgreSQL tests", "not installed", true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true");
    }

    private static String query(String sql) throws SQLException {
        try (Connection connection = PG.superuser("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Properties login() {
        Properties login = new Properties();
        login.setProperty("user", PostgresServer.SUPERUSER);
        login.setProperty("password", PostgresServer.SUPERUSER_PASSWORD);
        return login;
    }
}
