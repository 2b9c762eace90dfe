package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapid7.client.dcerpc.io.PacketInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The test-side stub writer reproduces the vectors, and with it a page far larger than the vectors decodes. */
class ResponseStubBuilderTest {

    static Stream<NdrVector> responseVectors() {
        return NdrVector.responses();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseVectors")
    void writesTheVectorsByteForByte(NdrVector vector) {
        JsonNode expected = vector.expected();
        SessionInfoLayout layout = SessionInfoLayout.of(vector.level());
        ResponseStubBuilder builder = new ResponseStubBuilder(vector.level())
                .totalEntries(expected.get("TotalEntries").asLong())
                .resumeHandle(expected.get("ResumeHandle").isNull() ? null : expected.get("ResumeHandle").asInt())
                .status(expected.get("ErrorCode").asLong());
        if (expected.get("Buffer").isNull()) {
            builder.nullBuffer();
        } else {
            for (JsonNode row : expected.get("Buffer")) {
                Map<SessionField, Object> values = new EnumMap<>(SessionField.class);
                for (SessionField member : layout.members()) {
                    JsonNode value = row.get(layout.wireName(member));
                    values.put(member, value.isNull() ? null
                            : SessionInfoLayout.isString(member) ? value.asText() : (Object) value.asLong());
                }
                builder.row(values);
            }
        }

        assertThat(builder.build()).isEqualTo(vector.bytes());
    }

    @Test
    void decodesAPageOfTwentyThousandSessionsThroughDcerpc() {
        int count = 20_000;
        ResponseStubBuilder builder = new ResponseStubBuilder(InfoLevel.LEVEL_502)
                .totalEntries(count).resumeHandle(count).status(0);
        for (int i = 0; i < count; i++) {
            Map<SessionField, Object> row = new EnumMap<>(SessionField.class);
            row.put(SessionField.CLIENT_NAME, "\\\\10.1." + (i / 256) + "." + (i % 256));
            row.put(SessionField.USER_NAME, i % 7 == 3 ? null : "user" + i);
            row.put(SessionField.OPEN_COUNT, (long) i % 40);
            row.put(SessionField.ACTIVE_TIME, 4_294_967_295L - i);
            row.put(SessionField.IDLE_TIME, (long) i);
            row.put(SessionField.USER_FLAGS, (long) i % 4);
            row.put(SessionField.CLIENT_TYPE, "Windows 10 Enterprise 19045");
            row.put(SessionField.TRANSPORT, "\\Device\\NetbiosSmb");
            builder.row(row);
        }
        byte[] stub = builder.build();

        NetrSessionEnumResponse response = new NetrSessionEnumResponse(InfoLevel.LEVEL_502, "FS01");
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> response.unmarshal(new PacketInput(new ByteArrayInputStream(stub))));

        assertThat(stub.length).isGreaterThan(3_000_000);
        assertThat(response.entries()).hasSize(count);
        Session last = response.entries().get(count - 1);
        assertThat(last.clientName()).contains("10.1.78.31");
        assertThat(last.userName()).contains("user19999");
        assertThat(last.activeSeconds()).hasValue(4_294_967_295L - 19_999);
        assertThat(response.entries().get(3).userName()).isEmpty();
        assertThat(response.resumeHandle()).isEqualTo(count);
    }
}
