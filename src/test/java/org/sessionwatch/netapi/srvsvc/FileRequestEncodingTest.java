package org.sessionwatch.netapi.srvsvc;

import java.util.HexFormat;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.FileInfoLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** NetrFileEnum, NetrFileClose and NetrSessionDel requests, byte for byte as impacket builds them. */
class FileRequestEncodingTest {

    static Stream<NdrVector> requestVectors() {
        return NdrVector.fileVectors().filter(v -> v.kind().equals("request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestVectors")
    void encodesEveryRequestVectorByteForByte(NdrVector vector) {
        JsonNode e = vector.expected();
        byte[] encoded = switch (vector.opnum()) {
            case 9 -> new NetrFileEnumRequest(text(e, "ServerName"), text(e, "BasePath"), text(e, "UserName"),
                    e.get("InfoStruct.Level").asInt() == 3 ? FileInfoLevel.LEVEL_3 : FileInfoLevel.LEVEL_2,
                    (int) e.get("PreferedMaximumLength").asLong(),
                    e.get("ResumeHandle").isNull() ? null : e.get("ResumeHandle").asInt(), "FS01").toStubBytes();
            case 11 -> new NetrFileCloseRequest(text(e, "ServerName"), e.get("FileId").asLong()).toStubBytes();
            case 13 -> new NetrSessionDelRequest(text(e, "ServerName"), text(e, "ClientName"), text(e, "UserName"))
                    .toStubBytes();
            default -> throw new AssertionError("unexpected opnum " + vector.opnum());
        };

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(HexFormat.of().formatHex(vector.bytes()));
    }

    @Test
    void sendsAFileIdAbove2To31Unchanged() {
        byte[] encoded = new NetrFileCloseRequest(null, 0x9C4F_0001L).toStubBytes();

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("00000000" + "01004f9c");
    }

    @Test
    void refusesAFileIdThatIsNoUnsigned32BitValue() {
        assertThatThrownBy(() -> new NetrFileCloseRequest(null, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new NetrFileCloseRequest(null, 0x1_0000_0000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4294967296");
    }

    @Test
    void refusesToEndEverySessionOnTheServer() {
        assertThatThrownBy(() -> new NetrSessionDelRequest("\\\\FS01", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client, a user or both");
    }

    @Test
    void refusesANulInsideAFilterNamingIt() {
        assertThatThrownBy(() -> new NetrFileEnumRequest(null, "C:\\a\0b", null, FileInfoLevel.LEVEL_3, -1, 0, "FS01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BasePath");
        assertThatThrownBy(() -> new NetrSessionDelRequest(null, null, "bo\0b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UserName");
    }

    @Test
    void opnumsAndResponsesMatchTheIdl() {
        NetrFileEnumRequest enumRequest = new NetrFileEnumRequest(null, null, null, FileInfoLevel.LEVEL_2, -1, 0, "FS01");

        assertThat(enumRequest.getOpNum()).isEqualTo((short) 9);
        assertThat(enumRequest.getResponseObject()).isInstanceOf(NetrFileEnumResponse.class);
        assertThat(new NetrFileCloseRequest(null, 1).getOpNum()).isEqualTo((short) 11);
        assertThat(new NetrSessionDelRequest(null, "\\\\PC", null).getOpNum()).isEqualTo((short) 13);
        assertThat(new NetrSessionDelRequest(null, "\\\\PC", null).getResponseObject())
                .isInstanceOf(NetApiStatusResponse.class);
    }

    private static String text(JsonNode expected, String field) {
        JsonNode value = expected.get(field);
        return value.isNull() ? null : value.asText();
    }
}
