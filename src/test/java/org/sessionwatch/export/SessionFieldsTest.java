package org.sessionwatch.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

class SessionFieldsTest {
    private static final Session FULL = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("\\\\10.1.2.3")
            .userName("alice").openCount(3).activeSeconds(7_500).idleSeconds(250).userFlags(2)
            .clientType("Windows 10 Enterprise 19045").transport("\\Device\\NetbiosSmb").build();
    private static final Session LEVEL_10 = Session.builder("FS02", InfoLevel.LEVEL_10).clientName("pc7")
            .userName(null).activeSeconds(60).idleSeconds(0).build();

    private static JsonNode json(Session session) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            SessionFields.writeJson(json, session);
            json.writeEndObject();
        }
        return new ObjectMapper().readTree(text.toString());
    }

    @Test
    void csvCellsFollowTheNamesWithRawNumbersAndEmptyForAbsent() {
        assertThat(SessionFields.csvCells(FULL)).hasSameSizeAs(SessionFields.NAMES).containsExactly("FS01",
                "10.1.2.3", "alice", "3", "7500", "250", "2", "Windows 10 Enterprise 19045", "\\Device\\NetbiosSmb",
                "502");
        assertThat(SessionFields.csvCells(LEVEL_10)).containsExactly("FS02", "pc7", "", "", "60", "0", "", "", "",
                "10");
    }

    @Test
    void jsonHasEveryNameInOrderAndNullForAbsent() throws IOException {
        JsonNode full = json(FULL);
        JsonNode partial = json(LEVEL_10);

        assertThat(full.fieldNames()).toIterable().containsExactlyElementsOf(SessionFields.NAMES);
        assertThat(partial.fieldNames()).toIterable().containsExactlyElementsOf(SessionFields.NAMES);
        assertThat(full.get("opens").asLong()).isEqualTo(3);
        assertThat(full.get("userFlags").asLong()).isEqualTo(2);
        assertThat(full.get("level").asInt()).isEqualTo(502);
        assertThat(partial.get("user").isNull()).isTrue();
        assertThat(partial.get("opens").isNull()).isTrue();
        assertThat(partial.get("transport").isNull()).isTrue();
        assertThat(partial.get("idleSeconds").asLong()).as("zero is an answer, not absent").isZero();
    }
}
