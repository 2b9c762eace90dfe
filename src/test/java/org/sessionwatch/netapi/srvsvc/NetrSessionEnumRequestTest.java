package org.sessionwatch.netapi.srvsvc;

import java.util.HexFormat;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetrSessionEnumRequestTest {

    static Stream<NdrVector> requestVectors() {
        return NdrVector.requests();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestVectors")
    void encodesEveryRequestVectorByteForByte(NdrVector vector) {
        JsonNode expected = vector.expected();
        byte[] encoded = NetrSessionEnumRequest.encode(
                text(expected, "ServerName"), text(expected, "ClientName"), text(expected, "UserName"),
                vector.level(),
                (int) expected.get("PreferedMaximumLength").asLong(),
                expected.get("ResumeHandle").isNull() ? null : expected.get("ResumeHandle").asInt());

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(HexFormat.of().formatHex(vector.bytes()));
    }

    @Test
    void encodesFiltersAndAResumeHandleAsTheVectorHasThem() {
        byte[] encoded = NetrSessionEnumRequest.encode("\\\\PEER502", "\\\\10.0.0.5", "Jürgen",
                InfoLevel.LEVEL_502, 4096, 0x1002);

        assertThat(encoded).isEqualTo(NdrVector.named("req_level502_filters_paged").bytes());
    }

    @Test
    void encodesANullResumeHandleAsANullPointer() {
        byte[] encoded = NetrSessionEnumRequest.encode(null, null, null, InfoLevel.LEVEL_10, 1024, null);

        assertThat(encoded).isEqualTo(NdrVector.named("req_level10_null_resume").bytes());
    }

    @Test
    void sendsMaxPreferredLengthAsAllOnes() {
        byte[] encoded = NetrSessionEnumRequest.encode(null, null, null, InfoLevel.LEVEL_502,
                NetApiStatus.MAX_PREFERRED_LENGTH, 0);

        assertThat(encoded).isEqualTo(NdrVector.named("req_level502_default").bytes());
    }

    @Test
    void countsASurrogatePairAsTwoCodeUnitsAndPadsToFourBytes() {
        // "😀" is one code point but two UTF-16 code units: MaximumCount = ActualCount = 3 with the NUL.
        byte[] encoded = NetrSessionEnumRequest.encode(null, null, "😀", InfoLevel.LEVEL_0, 0, null);

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(
                "00000000" + "00000000"                      // ServerName, ClientName NULL
                        + "00000200" + "03000000" + "00000000" + "03000000" + "3dd800de0000" + "0000"
                        + "00000000" + "00000000" + "04000200" + "00000000" + "00000000"
                        + "00000000" + "00000000");          // PreferedMaximumLength 0, ResumeHandle NULL
    }

    @Test
    void encodesAnEmptyFilterAsAPresentStringHoldingOnlyTheNul() {
        byte[] encoded = NetrSessionEnumRequest.encode(null, "", null, InfoLevel.LEVEL_10, -1, 0);

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(
                "00000000" + "00000200" + "01000000" + "00000000" + "01000000" + "0000" + "0000"
                        + "00000000" + "0a000000" + "0a000000" + "04000200" + "00000000" + "00000000"
                        + "ffffffff" + "08000200" + "00000000");
    }

    @Test
    void encodingTwiceGivesTheSameBytes() {
        NetrSessionEnumRequest request = new NetrSessionEnumRequest("\\\\FS01", null, "bob", InfoLevel.LEVEL_2,
                -1, 7);

        assertThat(request.toStubBytes()).isEqualTo(request.toStubBytes());
    }

    @Test
    void isOpnum12AndCreatesAResponseForItsLevelAndServer() {
        NetrSessionEnumRequest request = new NetrSessionEnumRequest("\\\\FS01", null, null, InfoLevel.LEVEL_10,
                -1, 0);

        assertThat(request.getOpNum()).isEqualTo((short) 12);
        NetrSessionEnumResponse response = request.getResponseObject();
        assertThat(response.level()).isEqualTo(InfoLevel.LEVEL_10);
    }

    @Test
    void rejectsANulInsideAParameterNamingIt() {
        assertThatThrownBy(() -> new NetrSessionEnumRequest(null, "\\\\PC\0X", null, InfoLevel.LEVEL_10, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ClientName")
                .hasMessageContaining("NUL");
    }

    @Test
    void requiresALevel() {
        assertThatThrownBy(() -> new NetrSessionEnumRequest(null, null, null, null, -1, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("level");
    }

    private static String text(JsonNode expected, String field) {
        JsonNode value = expected.get(field);
        return value.isNull() ? null : value.asText();
    }
}
