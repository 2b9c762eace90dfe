package org.sessionwatch.netapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NetApiStatusTest {

    @ParameterizedTest(name = "status {0} is {1}")
    @CsvSource({
            "5, ACCESS_DENIED",
            "53, UNREACHABLE",
            "87, OTHER",
            "123, INVALID_NAME",
            "124, INVALID_LEVEL",
            "234, PROTOCOL_ERROR",
            "1326, AUTHENTICATION_FAILED",
            "1722, UNREACHABLE",
            "1726, PROTOCOL_ERROR",
            "2221, OTHER",
            "2312, OTHER",
            "2351, INVALID_NAME",
            "121, TIMEOUT",
            "1460, TIMEOUT",
            "1231, UNREACHABLE",
            "1232, UNREACHABLE",
            "64, UNREACHABLE",
            "67, UNREACHABLE",
            "1327, AUTHENTICATION_FAILED",
            "1330, AUTHENTICATION_FAILED",
            "1331, AUTHENTICATION_FAILED",
            "1789, AUTHENTICATION_FAILED",
            "1219, AUTHENTICATION_FAILED",
            "1311, AUTHENTICATION_FAILED",
            "65, ACCESS_DENIED",
            "2114, OTHER",
            "1727, PROTOCOL_ERROR",
            "1745, PROTOCOL_ERROR",
            "50, OTHER",
            "8, OTHER",
            "12345, OTHER",
            "3221225506, OTHER"
    })
    void mapsStatusToKindNamingTheServerAndKeepingTheCode(long status, ErrorKind kind) {
        NetApiError error = NetApiStatus.toError(status, "FS01");

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.code()).isEqualTo(status);
        assertThat(error.message()).contains("FS01").doesNotContain("Exception", "null");
        assertThat(error.describe()).contains(error.codeText());
    }

    @Test
    void accessDeniedExplainsTheRemedy() {
        NetApiError error = NetApiStatus.toError(5, "FS01");

        assertThat(error.remedy()).contains("Administrators", "Server Operators", "SrvsvcSessionInfo", "FS01");
        assertThat(error.describe()).startsWith("Access denied").contains("(code 5)");
    }

    @Test
    void successIsNotAnErrorButStillMapsToSomethingReadable() {
        // Callers never map 0; if one does, it must not pretend to be a specific failure.
        assertThat(NetApiStatus.toError(0, "FS01").kind()).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void noMatchStatusesAreRecognised() {
        assertThat(FilterMiss.ofStatus(2221)).contains(FilterMiss.USER);
        assertThat(FilterMiss.ofStatus(2312)).contains(FilterMiss.CLIENT);
        assertThat(FilterMiss.ofStatus(5)).isEmpty();
        assertThat(FilterMiss.ofStatus(0)).isEmpty();
    }

    @Test
    void codesAreWrittenAsAdministratorsSearchForThem() {
        assertThat(NetApiStatus.toError(5, "FS01").codeText()).isEqualTo("5");
        assertThat(NetApiStatus.toError(0xC0000022L, "FS01").codeText()).isEqualTo("0xC0000022");
        assertThat(new NetApiError(ErrorKind.OTHER, 0, "x.", null).describe()).isEqualTo("x.");
    }

    @Test
    void timeoutAndProtocolErrorsNameTheServer() {
        assertThat(NetApiStatus.timeout("FS01", 0).kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(NetApiStatus.timeout("FS01", 0).message()).contains("FS01");
        NetApiError protocol = NetApiStatus.protocolError("FS01", "the entry count exceeds the buffer");
        assertThat(protocol.kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(protocol.message()).contains("FS01", "the entry count exceeds the buffer");
    }

    @Test
    void levelsParseAndNameTheirFields() {
        assertThat(InfoLevel.parse(" Level 502 ")).isEqualTo(InfoLevel.LEVEL_502);
        assertThat(InfoLevel.parse("10")).isEqualTo(InfoLevel.LEVEL_10);
        assertThat(InfoLevel.ofCode(3)).isEmpty();
        assertThat(InfoLevel.LEVEL_10.carries(SessionField.OPEN_COUNT)).isFalse();
        assertThat(InfoLevel.LEVEL_1.carries(SessionField.USER_FLAGS)).isTrue();
        assertThat(InfoLevel.LEVEL_0.fields()).containsExactly(SessionField.CLIENT_NAME);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InfoLevel.parse("503"))
                .hasMessageContaining("'503'").hasMessageContaining("0, 1, 2, 10 and 502");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InfoLevel.parse(null))
                .hasMessageContaining("'null'");
    }
}
