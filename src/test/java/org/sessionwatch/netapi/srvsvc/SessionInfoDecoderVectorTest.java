package org.sessionwatch.netapi.srvsvc;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapid7.client.dcerpc.io.PacketInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response vector decodes to exactly the {@code expected} values of its .json file. */
class SessionInfoDecoderVectorTest {

    private static final String SERVER = "FS01";

    static Stream<NdrVector> responseVectors() {
        return NdrVector.responses();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseVectors")
    void decodesToTheExpectedValues(NdrVector vector) throws NdrFormatException {
        DecodedSessionEnum decoded = SessionInfoDecoder.decode(vector.bytes(), vector.level(), SERVER);

        assertMatches(vector, decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseVectors")
    void decodesTheSameThroughDcerpcsUnmarshal(NdrVector vector) throws Exception {
        NetrSessionEnumResponse response = new NetrSessionEnumResponse(vector.level(), SERVER);

        response.unmarshal(new PacketInput(new ByteArrayInputStream(vector.bytes())));

        assertMatches(vector, response.decoded());
        assertThat(response.status()).isEqualTo(vector.expected().get("ErrorCode").asLong());
        assertThat(response.getReturnValue()).isEqualTo(vector.expected().get("ErrorCode").asInt());
        assertThat(response.isSuccess()).isEqualTo(vector.expected().get("ErrorCode").asLong() == 0);
        assertThat(response.entries()).isEqualTo(response.decoded().entries());
        assertThat(response.totalEntries()).isEqualTo(vector.expected().get("TotalEntries").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responseVectors")
    void doesNotDependOnPadBytesBeingZero(NdrVector vector) throws NdrFormatException {
        byte[] stub = vector.bytes().clone();
        for (int[] gap : vector.paddings()) {
            for (int i = 0; i < gap[1]; i++) {
                stub[gap[0] + i] = (byte) 0xAB;
            }
        }

        assertMatches(vector, SessionInfoDecoder.decode(stub, vector.level(), SERVER));
    }

    @Test
    void keepsTheOpaqueResumeHandleOfAMoreDataPage() throws NdrFormatException {
        DecodedSessionEnum page = SessionInfoDecoder.decode(NdrVector.named("resp_level502_more_data").bytes(),
                InfoLevel.LEVEL_502, SERVER);

        assertThat(page.status()).isEqualTo(234);
        assertThat(page.hasMoreData()).isTrue();
        assertThat(page.resumeHandle()).isEqualTo(0x1002);
        assertThat(page.totalEntries()).isEqualTo(5);
        assertThat(page.entries()).hasSize(2);
        assertThat(page.entries().get(1).userName()).contains("svc_\uD83D\uDE00_backup");
    }

    @Test
    void lastPageHasStatusZeroAndANonZeroHandle() throws NdrFormatException {
        DecodedSessionEnum page = SessionInfoDecoder.decode(NdrVector.named("resp_level502_last_page").bytes(),
                InfoLevel.LEVEL_502, SERVER);

        assertThat(page.status()).isZero();
        assertThat(page.hasMoreData()).isFalse();
        assertThat(page.resumeHandle()).isEqualTo(0x1005);
    }

    @Test
    void readsUnsignedDwordsAboveIntMax() throws NdrFormatException {
        List<Session> sessions = SessionInfoDecoder.decode(NdrVector.named("resp_level502_3entries").bytes(),
                InfoLevel.LEVEL_502, SERVER).entries();

        assertThat(sessions.get(0).activeSeconds()).hasValue(4_294_967_295L);
        assertThat(sessions.get(0).idleSeconds()).hasValue(4_294_967_294L);
        assertThat(sessions.get(2).activeSeconds()).hasValue(2_147_483_648L);
        assertThat(sessions.get(1).userName()).isEmpty();          // NULL pointer: absent
        assertThat(sessions.get(1).transport()).contains("");      // "" is present and empty
        assertThat(sessions.get(2).clientName()).contains("用户-PC");
        assertThat(sessions.get(2).userName()).contains("Zoë");
        assertThat(sessions).allSatisfy(s -> assertThat(s.server()).isEqualTo(SERVER));
    }

    @Test
    void errorStatusesDecodeToTheStatusWithoutEntries() throws NdrFormatException {
        assertThat(decodeStatus("resp_level502_access_denied", InfoLevel.LEVEL_502)).isEqualTo(5);
        assertThat(decodeStatus("resp_level502_invalid_level", InfoLevel.LEVEL_502)).isEqualTo(124);
        assertThat(decodeStatus("resp_level10_invalid_level", InfoLevel.LEVEL_10)).isEqualTo(124);
        assertThat(decodeStatus("resp_level10_clientname_not_found", InfoLevel.LEVEL_10)).isEqualTo(2312);
    }

    @Test
    void dropsTheBufferOfAnErrorAnswerThatStillCarriesOne() throws NdrFormatException {
        NdrVector full = NdrVector.named("resp_level502_3entries");
        byte[] denied = full.withDword(full.bytes().length - 4, 5);

        DecodedSessionEnum decoded = SessionInfoDecoder.decode(denied, InfoLevel.LEVEL_502, SERVER);

        assertThat(decoded.status()).isEqualTo(5);
        assertThat(decoded.entries()).isEmpty();
    }

    private static long decodeStatus(String name, InfoLevel level) throws NdrFormatException {
        DecodedSessionEnum decoded = SessionInfoDecoder.decode(NdrVector.named(name).bytes(), level, SERVER);
        assertThat(decoded.entries()).isEmpty();
        return decoded.status();
    }

    static void assertMatches(NdrVector vector, DecodedSessionEnum decoded) {
        JsonNode expected = vector.expected();
        assertThat(decoded.level()).isEqualTo(vector.level());
        assertThat(decoded.status()).isEqualTo(expected.get("ErrorCode").asLong());
        assertThat(decoded.totalEntries()).isEqualTo(expected.get("TotalEntries").asLong());
        JsonNode resume = expected.get("ResumeHandle");
        assertThat(decoded.resumeHandle()).isEqualTo(resume.isNull() ? null : (int) resume.asLong());

        JsonNode buffer = expected.get("Buffer");
        int rows = buffer.isNull() ? 0 : buffer.size();
        assertThat(decoded.entries()).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertRow(vector.level(), buffer.get(i), decoded.entries().get(i), vector.name() + " Buffer[" + i + "]");
        }
    }

    private static void assertRow(InfoLevel level, JsonNode row, Session session, String where) {
        String prefix = "sesi" + level.code() + "_";
        assertThat(session.level()).as(where).isEqualTo(level);
        assertThat(session.server()).as(where).isEqualTo(SERVER);
        // The Session model keeps client names without Windows' leading \\ (ClientNames.strip).
        assertThat(session.clientName()).as(where + " cname")
                .isEqualTo(Optional.ofNullable(ClientNames.strip(string(row, prefix + "cname"))));
        assertString(level, SessionField.USER_NAME, session.userName(), row, prefix + "username", where);
        assertString(level, SessionField.CLIENT_TYPE, session.clientType(), row, prefix + "cltype_name", where);
        assertString(level, SessionField.TRANSPORT, session.transport(), row, prefix + "transport", where);
        assertNumber(level, SessionField.OPEN_COUNT, session.openCount(), row, prefix + "num_opens", where);
        assertNumber(level, SessionField.ACTIVE_TIME, session.activeSeconds(), row, prefix + "time", where);
        assertNumber(level, SessionField.IDLE_TIME, session.idleSeconds(), row, prefix + "idle_time", where);
        assertNumber(level, SessionField.USER_FLAGS, session.userFlags(), row, prefix + "user_flags", where);
    }

    private static void assertString(InfoLevel level, SessionField field, Optional<String> actual, JsonNode row,
                                     String member, String where) {
        assertThat(row.has(member)).as(where + " " + member + " carried").isEqualTo(level.carries(field));
        assertThat(actual).as(where + " " + member).isEqualTo(Optional.ofNullable(string(row, member)));
    }

    private static void assertNumber(InfoLevel level, SessionField field, OptionalLong actual, JsonNode row,
                                     String member, String where) {
        assertThat(row.has(member)).as(where + " " + member + " carried").isEqualTo(level.carries(field));
        OptionalLong expected = row.has(member) ? OptionalLong.of(row.get(member).asLong()) : OptionalLong.empty();
        assertThat(actual).as(where + " " + member).isEqualTo(expected);
    }

    private static String string(JsonNode row, String member) {
        JsonNode value = row.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }
}
