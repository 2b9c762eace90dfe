package org.sessionwatch.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsHostPortDatabaseAndParameters() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db.corp.example:6543/sw?user=fsmon&sslmode=verify-full");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.corp.example:6543/sw");
        assertThat(url.user()).isEqualTo("fsmon");
        assertThat(url.parameters()).containsEntry("sslmode", "verify-full");
        assertThat(url).hasToString("postgresql://db.corp.example:6543/sw as fsmon");
        assertThat(DatabaseUrl.parse(url.toUrlText())).isEqualTo(url);
    }

    @Test
    void theDefaultPortIs5432AndTheUserMayPrecedeTheHost() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://fsmon@db/sw");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEqualTo("fsmon");
    }

    @Test
    void thePasswordComesFromTheEnvironmentOnly() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db/sw?user=fsmon");
        Properties with = url.properties(Map.of(DatabaseUrl.PASSWORD_VARIABLE, "s3cret")::get, "test");
        Properties without = url.properties(name -> null, "test");

        assertThat(with.getProperty("password")).isEqualTo("s3cret");
        assertThat(without.getProperty("password")).as("the driver then reads ~/.pgpass").isNull();
    }

    @Test
    void refusesPasswordsAndIncompleteUrlsNamingTheFix() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://fsmon:s3cret@db/sw"))
                .hasMessageContaining(DatabaseUrl.PASSWORD_VARIABLE).hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/sw?user=a&password=s3cret"))
                .hasMessageContaining("~/.pgpass").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/sw?user=a")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/?user=a")).hasMessageContaining("no database");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/sw")).hasMessageContaining("?user=");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://fsmon:s3 cret@db/sw"))
                .as("a URL too broken to read still hides its password").hasMessageNotContaining("s3 cret");
    }
}
