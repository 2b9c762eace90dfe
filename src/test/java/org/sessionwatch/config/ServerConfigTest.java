package org.sessionwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"FS01", "fs01.corp.example", "fs01.corp.example.", "10.1.2.3", "::1", "fe80::1%12",
            "[2001:db8::5]", "FS_LEGACY-2", "a"})
    void acceptsHostNamesAndAddresses(String name) {
        assertThat(ServerNames.requireValid(name)).isEqualTo(name);
    }

    @Test
    void stripsBackslashesAndWhitespace() {
        assertThat(ServerNames.requireValid("  \\\\FS01 ")).isEqualTo("FS01");
        assertThat(ServerConfig.of("\\\\FS01").name()).isEqualTo("FS01");
    }

    @Test
    void rejectionsNameTheInputAndTheReason() {
        assertThatThrownBy(() -> ServerNames.requireValid(null)).hasMessage("Server name is empty");
        assertThatThrownBy(() -> ServerNames.requireValid("   ")).hasMessage("Server name is empty");
        assertThatThrownBy(() -> ServerNames.requireValid("\\\\"))
                .hasMessageContaining("'\\\\'").hasMessageContaining("nothing follows");
        assertThatThrownBy(() -> ServerNames.requireValid("fs 01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fs 01'")
                .hasMessageContaining("host name");
        assertThatThrownBy(() -> ServerNames.requireValid("fs01/share")).hasMessageContaining("'fs01/share'");
        assertThatThrownBy(() -> ServerNames.requireValid("-fs01")).hasMessageContaining("'-fs01'");
        String tooLong = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(20);
        assertThatThrownBy(() -> ServerNames.requireValid(tooLong)).hasMessageContaining("253");
    }

    @ParameterizedTest
    @ValueSource(strings = {":", "a:b", "::::", "1:2:3", "fe80::zz", "[::1", "fs01:445", "2001:db8::1::2"})
    void rejectsThingsThatOnlyLookLikeIpv6(String name) {
        assertThatThrownBy(() -> ServerNames.requireValid(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void portMustBeValidAndTheMessageNamesServerAndPort() {
        assertThatThrownBy(() -> new ServerConfig("FS01", Backend.SRVSVC, true, 0, null, null, true))
                .hasMessageContaining("port 0").hasMessageContaining("'FS01'").hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> new ServerConfig("FS01", Backend.SRVSVC, true, 65536, null, null, true))
                .hasMessageContaining("65536");
        assertThat(new ServerConfig("FS01", Backend.SRVSVC, true, 4445, null, null, true).port()).isEqualTo(4445);
    }

    @Test
    void credentialsAreOptionalAndKeyedWithoutSecrets() {
        ServerConfig none = ServerConfig.of("FS01");
        ServerConfig explicit = new ServerConfig("FS01", Backend.AUTO, true, 445, " helpdesk ", "CORP", true);
        ServerConfig blank = new ServerConfig("FS01", Backend.AUTO, true, 445, "  ", " ", true);

        assertThat(none.hasExplicitCredentials()).isFalse();
        assertThat(none.credentialKey()).isEmpty();
        assertThat(blank.hasExplicitCredentials()).isFalse();
        assertThat(blank.userDomain()).isEmpty();
        assertThat(explicit.user()).hasValue("helpdesk");
        assertThat(explicit.credentialKey()).hasValue("CORP\\helpdesk@fs01");
        assertThat(new ServerConfig("FS01", Backend.AUTO, true, 445, "bob", null, true).credentialKey())
                .hasValue("bob@fs01");
        assertThat(ServerConfig.of("FS01").withEnabled(false).enabled()).isFalse();
        assertThat(ServerConfig.of("FS01").requireSigning()).isTrue();
    }

    @Test
    void backendParsesAndRejectsNamingTheChoices() {
        assertThat(Backend.parse(" SrvSvc ")).isEqualTo(Backend.SRVSVC);
        assertThat(Backend.DEMO).hasToString("demo");
        assertThatThrownBy(() -> Backend.parse("smb")).hasMessageContaining("'smb'")
                .hasMessageContaining("auto, windows, srvsvc or demo");
        assertThatThrownBy(() -> Backend.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
    }

    @Test
    void appConfigValidatesIntervalsNamingTheValue() {
        assertThatThrownBy(() -> AppConfig.builder().pollInterval(Duration.ofMillis(500)).build())
                .hasMessageContaining("poll interval").hasMessageContaining("at least 1 s");
        assertThatThrownBy(() -> AppConfig.builder().serverDeadline(Duration.ZERO).build())
                .hasMessageContaining("server deadline").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> AppConfig.builder().servers(null).build()).hasMessageContaining("servers");
        assertThatThrownBy(() -> AppConfig.builder().historyRetention(Duration.ofHours(23)).build())
                .hasMessageContaining("history retention").hasMessageContaining("at least one day");
    }

    @Test
    void appConfigKeepsOrderAndListsEnabledServers() {
        ServerConfig a = ServerConfig.of("A");
        ServerConfig b = ServerConfig.of("B").withEnabled(false);
        ServerConfig c = ServerConfig.of("C");
        AppConfig config = AppConfig.defaults().withServers(List.of(a, b, c));

        assertThat(config.servers()).containsExactly(a, b, c);
        assertThat(config.enabledServers()).containsExactly(a, c);
        assertThat(AppConfig.defaults().pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(AppConfig.defaults().serverDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(AppConfig.defaults().servers()).isEmpty();
    }
}
