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
        return new SessionExport.Snapshot("FS01", b.build(), null, T0, false);
    }

    @Test
    void csvHasHeadersQuotesAndRawNumbers() throws IOException {
        Path file = dir.resolve("sessions.csv");
        SessionExport.write(file, SessionExport.Format.CSV, List.of(row("alice", InfoLevel.LEVEL_502)));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFServer,User,Client,Host name,Open files,Connected (s),Idle (s)");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("FS01,alice,10.0.0.5,,4,7500,190,\"Windows, \"\"10\"\"\","
                + "\\Device\\NetbiosSmb,guest; no encryption,0x3,502,2026-11-24T09:00:00Z,false");
        assertThat(text).contains("\r\n");
    }

    @Test
    void csvDefusesFormulasFromTheNetwork() {
        assertThat(SessionExport.csvCell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(SessionExport.csvCell("+1")).isEqualTo("\"'+1\"");
        assertThat(SessionExport.csvCell("-2")).isEqualTo("\"'-2\"");
        assertThat(SessionExport.csvCell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(SessionExport.csvCell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(SessionExport.csvCell("alice")).isEqualTo("alice");
        assertThat(SessionExport.csvCell("")).isEmpty();
    }

    @Test
    void jsonKeepsAbsentFieldsAsNull() throws IOException {
        Path file = dir.resolve("sessions.json");
        SessionExport.write(file, SessionExport.Format.ofFile(file), List.of(row("bob", InfoLevel.LEVEL_10)));

        JsonNode session = new ObjectMapper().readTree(file.toFile()).get("sessions").get(0);
        assertThat(session.get("user").asText()).isEqualTo("bob");
        assertThat(session.get("level").asInt()).isEqualTo(10);
        assertThat(session.get("idleSeconds").asLong()).isEqualTo(190);
        assertThat(session.get("openCount").isNull()).isTrue();
        assertThat(session.get("transport").isNull()).isTrue();
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
