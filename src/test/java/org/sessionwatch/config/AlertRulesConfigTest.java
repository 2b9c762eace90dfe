package org.sessionwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code alerts} list of the configuration file: the documented format, checked as strictly as the servers. */
class AlertRulesConfigTest {

    private static AppConfig parse(String alerts) throws Exception {
        return ConfigJson.parse(("{\"alerts\": " + alerts + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String alerts) {
        try {
            parse(alerts);
        } catch (ConfigJson.ConfigFormatException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + alerts);
    }

    @Test
    void theDocumentedExampleIsAccepted() throws Exception {
        AppConfig config = parse("""
                [
                  { "name": "alice connects", "event": "SESSION_CONNECTED", "user": "alice" },
                  { "name": "archive down",   "event": "SERVER_FAILING", "server": "FS-ARCHIVE", "forMinutes": 5 },
                  { "name": "guests",         "event": "SESSION_CONNECTED", "guest": true },
                  { "name": "crowded",        "event": "SESSION_COUNT_ABOVE", "server": "FS-HQ-*", "count": 300 },
                  { "name": "forgotten",      "event": "IDLE_WITH_OPEN_FILES", "idleMinutes": 480, "minOpens": 1 }
                ]""");

        assertThat(config.alerts()).containsExactly(
                AlertRule.builder("alice connects", AlertEvent.SESSION_CONNECTED).user("alice").build(),
                AlertRule.builder("archive down", AlertEvent.SERVER_FAILING).server("FS-ARCHIVE").forMinutes(5)
                        .build(),
                AlertRule.builder("guests", AlertEvent.SESSION_CONNECTED).guest(true).build(),
                AlertRule.builder("crowded", AlertEvent.SESSION_COUNT_ABOVE).server("FS-HQ-*").count(300).build(),
                AlertRule.builder("forgotten", AlertEvent.IDLE_WITH_OPEN_FILES).idleMinutes(480).minOpens(1).build());
        assertThat(config.alerts().getFirst().cooldownMinutes()).isEqualTo(5);
        assertThat(config.alerts().getFirst().enabled()).isTrue();
    }

    @Test
    void rulesSurviveASaveWithOnlyTheFieldsTheySet() throws Exception {
        AppConfig config = AppConfig.builder().alerts(List.of(
                AlertRule.builder("budget", AlertEvent.FILE_OPENED).pathGlob("*\\budget*.xlsx").user("a*")
                        .cooldownMinutes(0).enabled(false).build(),
                AlertRule.builder("plain", AlertEvent.SESSION_ENDED).unencrypted(true).client("10.1.*").build()))
                .build();

        byte[] written = ConfigJson.write(config);

        assertThat(ConfigJson.parse(written)).isEqualTo(config);
        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).contains("\"pathGlob\" : \"*\\\\budget*.xlsx\"", "\"enabled\" : false",
                "\"cooldownMinutes\" : 0").doesNotContain("forMinutes", "idleMinutes", "\"guest\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{\"name\":\"x\",\"event\":\"SESSION_CONNECTED\",\"usr\":\"a\"}]"
                    + "|alerts[0].usr: unknown field (known fields: client, cooldownMinutes, count, enabled, event,",
            "[{\"name\":\"x\",\"event\":\"SESSION_CONNECTED\",\"guest\":\"yes\"}]"
                    + "|alerts[0].guest: \"yes\" is not true or false",
            "[{\"name\":\"x\",\"event\":\"SESSION_CONNECTED\",\"count\":3}]"
                    + "|alerts[0].count: does not apply to SESSION_CONNECTED (it accepts client, guest, server,",
            "[{\"name\":\"x\",\"event\":\"SESSION_COUNT_ABOVE\"}]"
                    + "|alerts[0].count: missing; SESSION_COUNT_ABOVE needs it",
            "[{\"name\":\"x\",\"event\":\"IDLE_WITH_OPEN_FILES\",\"idleMinutes\":0}]"
                    + "|alerts[0].idleMinutes: 0 is out of range (1–10080)",
            "[{\"name\":\"x\",\"event\":\"SERVER_FAILING\",\"forMinutes\":2.5}]"
                    + "|alerts[0].forMinutes: 2.5 is not a whole number",
            "[{\"name\":\"x\",\"event\":\"SESSION_STARTED\"}]"
                    + "|alerts[0].event: 'SESSION_STARTED' is not an alert event (use SESSION_CONNECTED,",
            "[{\"event\":\"SESSION_CONNECTED\"}]|alerts[0].name: missing",
            "[{\"name\":\"x\"}]|alerts[0].event: missing",
            "[{\"name\":\"x\",\"event\":\"SERVER_FAILING\",\"user\":\"bob\"}]"
                    + "|alerts[0].user: does not apply to SERVER_FAILING (it accepts forMinutes, server)",
            "[{\"name\":\"x\",\"event\":\"FILE_OPENED\",\"pathGlob\":\" \"}]|alerts[0].pathGlob: must not be empty",
            "[{\"name\":\"a\",\"event\":\"SESSION_CONNECTED\"},{\"name\":\"A\",\"event\":\"SESSION_ENDED\"}]"
                    + "|alerts[1].name: 'A' is already listed as alerts[0]",
            "{\"name\":\"x\"}|alerts: must be a list [...] of alert rules, not an object",
            "[3]|alerts[0]: must be an object"})
    void everyProblemIsNamedWithItsPlace(String alerts, String expected) {
        assertThat(error(alerts)).startsWith(expected);
    }

    @Test
    void aConfigurationWithoutRulesIsWrittenWithoutAnAlertsKey() {
        assertThat(new String(ConfigJson.write(AppConfig.defaults()), StandardCharsets.UTF_8))
                .doesNotContain("alerts");
        assertThatThrownBy(() -> AlertRule.builder(" ", AlertEvent.SESSION_CONNECTED).build())
                .hasMessageStartingWith("name: missing");
    }
}
