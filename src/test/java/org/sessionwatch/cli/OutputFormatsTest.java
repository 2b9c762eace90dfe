package org.sessionwatch.cli;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputFormatsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NL = System.lineSeparator();

    @Test
    void jsonOfOneFullSessionIsExact() {
        PollCycle cycle = new PollCycle(Fixtures.POLLED_AT, List.of(new ServerPollResult.Ok("FS01",
                InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, List.of(Fixtures.full()), Duration.ofMillis(35),
                Fixtures.POLLED_AT)));
        assertThat(JsonOutput.cycle(cycle)).isEqualTo("{\"polledAt\":\"2026-11-24T16:20:00Z\",\"servers\":["
                + "{\"server\":\"FS01\",\"status\":\"OK\",\"level\":502,\"sessions\":1,\"durationMs\":35,\"noMatch\":null,\"error\":null}],"
                + "\"sessions\":[{\"server\":\"FS01\",\"client\":\"10.1.2.3\",\"user\":\"alice\",\"opens\":3,"
                + "\"activeSeconds\":7500,\"idleSeconds\":250,\"userFlags\":2,"
                + "\"clientType\":\"Windows 10 Enterprise 19045\",\"transport\":\"\\\\Device\\\\NetbiosSmb\","
                + "\"level\":502}]}");
    }

    @Test
    void aFilterThatMatchedNothingIsToldPerServerNotShownAsAnEmptyServer() throws Exception {
        PollCycle cycle = new PollCycle(Fixtures.POLLED_AT, List.of(new ServerPollResult.Ok("FS01",
                InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, List.of(), Duration.ofMillis(35), Fixtures.POLLED_AT,
                org.sessionwatch.netapi.FilterMiss.USER)));

        JsonNode server = MAPPER.readTree(JsonOutput.cycle(cycle)).get("servers").get(0);
        assertThat(server.get("status").asText()).isEqualTo("OK");
        assertThat(server.get("noMatch").asText()).isEqualTo("user");
        assertThat(TableOutput.cycle(cycle)).contains("NO MATCH",
                "The user filter matched no session on FS01; check its spelling (a bare user name");
    }

    @Test
    void jsonParsesBackWithEveryKeyPresentAndAbsentValuesNull() throws Exception {
        JsonNode root = MAPPER.readTree(JsonOutput.cycle(Fixtures.cycle()));
        assertThat(root.get("polledAt").asText()).isEqualTo("2026-11-24T16:20:00Z");

        JsonNode servers = root.get("servers");
        assertThat(servers).hasSize(4);
        assertThat(servers.get(1).get("level").asInt()).isZero();
        assertThat(servers.get(1).get("durationMs").asLong()).isEqualTo(1250);
        JsonNode denied = servers.get(2);
        assertThat(denied.get("status").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(denied.get("sessions").isNull()).isTrue();
        assertThat(denied.get("error").get("code").asLong()).isEqualTo(5);
        assertThat(denied.get("error").get("message").asText())
                .isEqualTo("Access denied: your account may not list sessions on FS03.");
        assertThat(denied.get("error").get("remedy").asText()).startsWith("Ask for membership");
        JsonNode timeout = servers.get(3);
        assertThat(timeout.get("status").asText()).isEqualTo("TIMEOUT");
        assertThat(timeout.get("level").isNull()).isTrue();
        assertThat(timeout.get("error").get("remedy").isNull()).isTrue();
        assertThat(timeout.get("durationMs").asLong()).isEqualTo(10_000);

        JsonNode sessions = root.get("sessions");
        assertThat(sessions).hasSize(3);
        List<String> keys = List.of("server", "client", "user", "opens", "activeSeconds", "idleSeconds", "userFlags",
                "clientType", "transport", "level");
        for (JsonNode session : sessions) {
            assertThat(session.fieldNames()).toIterable().containsExactlyElementsOf(keys);
        }
        JsonNode hostile = sessions.get(1);
        assertThat(hostile.get("user").isNull()).isTrue();
        assertThat(hostile.get("activeSeconds").asLong()).isEqualTo(4_294_967_295L);
        assertThat(hostile.get("clientType").asText()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
        assertThat(hostile.get("transport").asText()).isEqualTo("a,b\nc");
        JsonNode levelZero = sessions.get(2);
        assertThat(levelZero.get("client").asText()).isEqualTo("@pc");
        for (String absent : List.of("user", "opens", "activeSeconds", "idleSeconds", "userFlags", "clientType",
                "transport")) {
            assertThat(levelZero.get(absent).isNull()).as(absent).isTrue();
        }
        assertThat(levelZero.get("level").asInt()).isZero();
    }

    @Test
    void csvIsRfc4180WithFormulaProtection() {
        assertThat(CsvOutput.cycle(Fixtures.cycle())).isEqualTo(
                "polledAt,server,client,user,opens,activeSeconds,idleSeconds,userFlags,clientType,transport,level\r\n"
                + "2026-11-24T16:20:00Z,FS01,10.1.2.3,alice,3,7500,250,2,Windows 10 Enterprise 19045,"
                + "\\Device\\NetbiosSmb,502\r\n"
                + "2026-11-24T16:20:00Z,FS01,ws-17,,0,4294967295,0,0,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
                + "\"a,b\nc\",502\r\n"
                + "2026-11-24T16:20:00Z,FS02,'@pc,,,,,,,,0\r\n");
    }

    @Test
    void tableAlignsColumnsShowsDurationsAndServerStatusWithErrors() {
        String expected = String.join(NL,
                "Polled at 2026-11-24T16:20:00Z: 3 sessions on 2 of 4 servers",
                "",
                "SERVER  CLIENT    USER   OPENS  CONNECTED   IDLE    FLAGS          CLIENT TYPE                  TRANSPORT           LEVEL",
                "FS01    10.1.2.3  alice  3      2h 05m      4m 10s  no encryption  Windows 10 Enterprise 19045  \\Device\\NetbiosSmb  502",
                "FS01    ws-17     -      0      49710d 06h  0s                     =HYPERLINK(\"http://x\",\"y\")   a,b?c               502",
                "FS02    @pc       -      -      -           -       -              -                            -                   0",
                "",
                "SERVER  STATUS         LEVEL  SESSIONS  TIME    ERROR",
                "FS01    OK             502    2         35 ms",
                "FS02    OK             0      1         1.3 s",
                "FS03    ACCESS_DENIED  0      -         80 ms   " + Fixtures.accessDenied().describe(),
                "FS04    TIMEOUT        -      -         10.0 s  FS04 did not answer in time.",
                "");
        assertThat(TableOutput.cycle(Fixtures.cycle())).isEqualTo(expected);
    }

    @Test
    void tableWithoutSessionsSaysSo() {
        PollCycle cycle = new PollCycle(Fixtures.POLLED_AT, List.of(new ServerPollResult.Ok("FS01",
                InfoLevel.LEVEL_502, InfoLevel.LEVEL_10, List.of(), Duration.ofMillis(5), Fixtures.POLLED_AT)));
        assertThat(TableOutput.cycle(cycle)).isEqualTo(String.join(NL,
                "Polled at 2026-11-24T16:20:00Z: 0 sessions on 1 of 1 server", "", "No sessions.", "",
                "SERVER  STATUS  LEVEL  SESSIONS  TIME  ERROR", "FS01    OK      10     0         5 ms", ""));
    }

    @Test
    void timesAreMillisecondsForMachinesAndSecondsForPeople() throws Exception {
        PollCycle cycle = new PollCycle(Fixtures.POLLED_AT.plusNanos(123_456_789), List.of());
        assertThat(MAPPER.readTree(JsonOutput.cycle(cycle)).get("polledAt").asText())
                .isEqualTo("2026-11-24T16:20:00.123Z");
        assertThat(TableOutput.cycle(cycle)).startsWith("Polled at 2026-11-24T16:20:00Z: 0 sessions on 0 of 0 servers");
    }

    @Test
    void formatNamesParseInAnyCaseAndNameBadInput() {
        assertThat(OutputFormat.parse("JSON")).isEqualTo(OutputFormat.JSON);
        assertThatThrownBy(() -> OutputFormat.parse("xml")).hasMessage("'xml' is not a format: use table, json or csv");
    }
}
