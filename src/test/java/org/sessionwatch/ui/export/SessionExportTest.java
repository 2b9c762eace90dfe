package org.sessionwatch.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

class SessionExportTest {
    @TempDir
    Path dir;

    private static SessionExport.Snapshot row(String user, InfoLevel level) {
        Session.Builder b = Session.builder("FS01", level).clientName("\\\\10.0.0.5").userName(user)
                .activeSeconds(7500).idleSeconds(190);
        if (level == InfoLevel.LEVEL_502) {
            b.openCount(4).userFlags(3).clientType("Windows, \"10\"").transport("\\Device\\NetbiosSmb");
        }
        return new SessionExport.Snapshot(b.build(), null, T0, false);
    }

    @Test
    void csvHasTheCliColumnsThenTheWindowsOwnWithQuotesAndRawNumbers() throws IOException {
        Path file = dir.resolve("sessions.csv");
        SessionExport.write(file, SessionExport.Format.CSV, List.of(row("alice", InfoLevel.LEVEL_502)));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFserver,client,user,opens,activeSeconds,idleSeconds,userFlags,clientType,"
                + "transport,level,hostName,flags,seenAt,stale\r\n");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("FS01,10.0.0.5,alice,4,7500,190,3,\"Windows, \"\"10\"\"\","
                + "\\Device\\NetbiosSmb,502,,guest; no encryption,2026-11-24T09:00:00Z,false");
        assertThat(text).endsWith("false\r\n");
    }

    @Test
    void csvDefusesFormulasFromTheNetwork() throws IOException {
        Path file = dir.resolve("hostile.csv");
        SessionExport.write(file, SessionExport.Format.CSV, List.of(row("=HYPERLINK(\"http://x\")",
                InfoLevel.LEVEL_10), row("@SUM(A1)", InfoLevel.LEVEL_10)));

        List<String> lines = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(1)).startsWith("FS01,10.0.0.5,\"'=HYPERLINK(\"\"http://x\"\")\",,7500,");
        assertThat(lines.get(2)).startsWith("FS01,10.0.0.5,'@SUM(A1),,7500,");
    }

    @Test
    void jsonKeepsAbsentFieldsAsNull() throws IOException {
        Path file = dir.resolve("sessions.json");
        SessionExport.write(file, SessionExport.Format.ofFile(file), List.of(row("bob", InfoLevel.LEVEL_10)));

        JsonNode session = new ObjectMapper().readTree(file.toFile()).get("sessions").get(0);
        assertThat(session.get("user").asText()).isEqualTo("bob");
        assertThat(session.get("level").asInt()).isEqualTo(10);
        assertThat(session.get("idleSeconds").asLong()).isEqualTo(190);
        assertThat(session.get("opens").isNull()).isTrue();
        assertThat(session.get("transport").isNull()).isTrue();
        assertThat(session.get("flags").isNull()).isTrue();
        assertThat(session.get("hostName").isNull()).isTrue();
    }

    @Test
    void jsonHasTheCliMembersThenTheWindowsOwn() throws IOException {
        Path file = dir.resolve("sessions.json");
        SessionExport.write(file, SessionExport.Format.JSON, List.of(row("alice", InfoLevel.LEVEL_502)));

        JsonNode session = new ObjectMapper().readTree(file.toFile()).get("sessions").get(0);
        assertThat(session.fieldNames()).toIterable().containsExactly("server", "client", "user", "opens",
                "activeSeconds", "idleSeconds", "userFlags", "clientType", "transport", "level", "hostName", "flags",
                "seenAt", "stale");
        assertThat(session.get("client").asText()).isEqualTo("10.0.0.5");
        assertThat(session.get("opens").asLong()).isEqualTo(4);
        assertThat(session.get("userFlags").asLong()).isEqualTo(3);
        assertThat(session.get("flags")).extracting(JsonNode::asText).containsExactly("guest", "no encryption");
        assertThat(session.get("seenAt").asText()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(session.get("stale").asBoolean()).isFalse();
    }

    @Test
    void formatFollowsTheFileName() {
        assertThat(SessionExport.Format.ofFile(Path.of("a.JSON"))).isEqualTo(SessionExport.Format.JSON);
        assertThat(SessionExport.Format.ofFile(Path.of("a.csv"))).isEqualTo(SessionExport.Format.CSV);
    }

    @Test
    void failedWriteLeavesNoFileBehind() {
        Path missingDir = dir.resolve("missing").resolve("x.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionExport.write(missingDir,
                SessionExport.Format.CSV, List.of())).isInstanceOf(IOException.class);
        assertThat(dir.resolve("missing")).doesNotExist();
    }
}
