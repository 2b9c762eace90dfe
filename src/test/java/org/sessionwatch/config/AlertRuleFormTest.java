package org.sessionwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The settings dialog's rule forms are checked by the configuration reader, with its messages, field by field. */
class AlertRuleFormTest {

    private static Map<String, Object> form(Object... pairs) {
        Map<String, Object> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void validFormsBecomeTheRulesAFileWithTheSameValuesHolds() throws Exception {
        AlertRuleForm.Outcome outcome = AlertRuleForm.read(List.of(
                form("name", "archive down", "event", "SERVER_FAILING", "server", " FS-ARCHIVE ", "forMinutes", "5",
                        "cooldownMinutes", "5", "enabled", true),
                form("name", "guests", "event", "SESSION_CONNECTED", "guest", true, "user", "", "unencrypted", null,
                        "cooldownMinutes", "0", "enabled", false)));

        AppConfig file = ConfigJson.parse("""
                {"alerts": [
                  {"name": "archive down", "event": "SERVER_FAILING", "server": "FS-ARCHIVE", "forMinutes": 5},
                  {"name": "guests", "event": "SESSION_CONNECTED", "guest": true, "cooldownMinutes": 0,
                   "enabled": false}
                ]}""".getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.rules()).isEqualTo(file.alerts());
    }

    @Test
    void eachRulesFirstProblemIsNamedByFieldInTheReadersWords() {
        AlertRuleForm.Outcome outcome = AlertRuleForm.read(List.of(
                form("name", "", "event", "SESSION_CONNECTED"),
                form("name", "crowded", "event", "SESSION_COUNT_ABOVE", "count", "many"),
                form("name", "idle", "event", "IDLE_WITH_OPEN_FILES", "idleMinutes", "0"),
                form("name", "ok", "event", "SESSION_ENDED")));

        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.problems()).containsExactly(
                new AlertRuleForm.Problem(0, "name", "missing; every alert rule needs a \"name\""),
                new AlertRuleForm.Problem(1, "count", "\"many\" is not a whole number"),
                new AlertRuleForm.Problem(2, "idleMinutes", "0 is out of range (1–10080)"));
    }

    @Test
    void aNameUsedTwiceIsReportedOnTheLaterRuleNamingTheEarlierByNumber() {
        AlertRuleForm.Outcome outcome = AlertRuleForm.read(List.of(
                form("name", "alice", "event", "SESSION_CONNECTED"),
                form("name", "ALICE", "event", "SESSION_ENDED")));

        assertThat(outcome.problems()).containsExactly(
                new AlertRuleForm.Problem(1, "name", "'ALICE' is already listed as rule 1"));
    }

    @Test
    void theSoundSettingIsWrittenOnlyWhenOn() throws Exception {
        AppConfig on = AppConfig.defaults().toBuilder().alertSound(true).build();
        String written = new String(ConfigJson.write(on), StandardCharsets.UTF_8);

        assertThat(written).contains("\"alertSound\" : true");
        assertThat(ConfigJson.parse(written.getBytes(StandardCharsets.UTF_8)).alertSound()).isTrue();
        assertThat(new String(ConfigJson.write(AppConfig.defaults()), StandardCharsets.UTF_8))
                .doesNotContain("alertSound");
    }
}
