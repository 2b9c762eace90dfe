package org.sessionwatch.netapi.windows;

import java.util.List;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionInfoDecoderTest {

    private static final long DWORD_MAX = 4294967295L;
    private static final SessionBuffer.Entry FULL = new SessionBuffer.Entry("\\\\10.1.2.3", "CORP\\alice", 3, 3600,
            120, 0x2, "Windows 10 Enterprise 19045", "\\Device\\NetBT_Tcpip_{1A2B}");

    private static List<Session> decode(InfoLevel level, SessionBuffer.Entry... entries) throws NetApiException {
        Memory buffer = SessionBuffer.build(level, List.of(entries));
        return SessionInfoDecoder.decode(buffer, entries.length, buffer.size(), "FS01", level);
    }

    @Test
    void level502MapsEveryField() throws NetApiException {
        Session session = decode(InfoLevel.LEVEL_502, FULL).getFirst();

        assertThat(session.server()).isEqualTo("FS01");
        assertThat(session.level()).isEqualTo(InfoLevel.LEVEL_502);
        assertThat(session.clientName()).contains("10.1.2.3");
        assertThat(session.userName()).contains("CORP\\alice");
        assertThat(session.openCount()).hasValue(3);
        assertThat(session.activeSeconds()).hasValue(3600);
        assertThat(session.idleSeconds()).hasValue(120);
        assertThat(session.userFlags()).hasValue(2);
        assertThat(session.isUnencrypted()).isTrue();
        assertThat(session.clientType()).contains("Windows 10 Enterprise 19045");
        assertThat(session.transport()).contains("\\Device\\NetBT_Tcpip_{1A2B}");
    }

    @ParameterizedTest
    @EnumSource(InfoLevel.class)
    void everyLevelMapsItsFieldsAndLeavesTheOthersAbsent(InfoLevel level) throws NetApiException {
        Session session = decode(level, FULL).getFirst();

        for (SessionField field : SessionField.values()) {
            assertThat(session.isPresent(field)).as("%s at level %s", field, level).isEqualTo(level.carries(field));
        }
        assertThat(session.clientName()).contains("10.1.2.3");
        if (level.carries(SessionField.USER_NAME)) {
            assertThat(session.userName()).contains("CORP\\alice");
        }
        if (level.carries(SessionField.OPEN_COUNT)) {
            assertThat(session.openCount()).hasValue(3);
            assertThat(session.userFlags()).hasValue(2);
        }
        if (level.carries(SessionField.ACTIVE_TIME)) {
            assertThat(session.activeSeconds()).hasValue(3600);
            assertThat(session.idleSeconds()).hasValue(120);
        }
        if (level.carries(SessionField.CLIENT_TYPE)) {
            assertThat(session.clientType()).contains("Windows 10 Enterprise 19045");
        }
        if (level.carries(SessionField.TRANSPORT)) {
            assertThat(session.transport()).contains("\\Device\\NetBT_Tcpip_{1A2B}");
        }
    }

    @Test
    void nullStringPointersAreAbsentNotEmptyOrTheWordNull() throws NetApiException {
        Session session = decode(InfoLevel.LEVEL_502,
                new SessionBuffer.Entry("\\\\PC7", null, 0, 0, 0, 0, null, null)).getFirst();

        assertThat(session.userName()).isEmpty();
        assertThat(session.clientType()).isEmpty();
        assertThat(session.transport()).isEmpty();
        assertThat(session.clientName()).contains("PC7");
        assertThat(session.openCount()).hasValue(0);
    }

    @Test
    void emptyStringsStayEmptyStrings() throws NetApiException {
        Session session = decode(InfoLevel.LEVEL_502, new SessionBuffer.Entry("", "", 0, 0, 0, 0, "", "")).getFirst();

        assertThat(session.clientName()).contains("");
        assertThat(session.userName()).contains("");
        assertThat(session.clientType()).contains("");
        assertThat(session.transport()).contains("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jürgen", "用户", "mañana\\Ørsted", "\uD834\uDD1E clef", "😀", "Ελένη"})
    void nonAsciiNamesDecodeAsUtf16Le(String name) throws NetApiException {
        Session session = decode(InfoLevel.LEVEL_10,
                new SessionBuffer.Entry("\\\\" + name, name, 0, 1, 2, 0, null, null)).getFirst();

        assertThat(session.userName()).contains(name);
        assertThat(session.clientName()).contains(name);
    }

    @Test
    void dwordsAreUnsigned() throws NetApiException {
        Session session = decode(InfoLevel.LEVEL_502, new SessionBuffer.Entry("\\\\PC", "u", DWORD_MAX, DWORD_MAX,
                DWORD_MAX, DWORD_MAX, "t", "x")).getFirst();

        assertThat(session.openCount()).hasValue(DWORD_MAX);
        assertThat(session.activeSeconds()).hasValue(DWORD_MAX);
        assertThat(session.idleSeconds()).hasValue(DWORD_MAX);
        assertThat(session.userFlags()).hasValue(DWORD_MAX);
        assertThat(session.isGuest()).isTrue();
    }

    @Test
    void clientNamesLoseTheirBackslashesButIpv6AndNamesSurvive() throws NetApiException {
        List<Session> sessions = decode(InfoLevel.LEVEL_0, SessionBuffer.Entry.client("\\\\10.1.2.3"),
                SessionBuffer.Entry.client("\\\\fe80::1%12"), SessionBuffer.Entry.client("PC-NO-SLASHES"));

        assertThat(sessions).extracting(s -> s.clientName().orElseThrow())
                .containsExactly("10.1.2.3", "fe80::1%12", "PC-NO-SLASHES");
    }

    @Test
    void manyEntriesComeBackInBufferOrder() throws NetApiException {
        SessionBuffer.Entry[] entries = new SessionBuffer.Entry[500];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = SessionBuffer.Entry.of("\\\\PC" + i, "user" + i, i);
        }

        List<Session> sessions = decode(InfoLevel.LEVEL_502, entries);

        assertThat(sessions).hasSize(500);
        assertThat(sessions.get(499).userName()).contains("user499");
        assertThat(sessions.get(499).openCount()).hasValue(499);
        assertThat(sessions.get(0).clientName()).contains("PC0");
    }

    @Test
    void noEntriesNeedNoBuffer() throws NetApiException {
        assertThat(SessionInfoDecoder.decode(null, 0, SessionInfoDecoder.UNKNOWN_SIZE, "FS01", InfoLevel.LEVEL_502)).isEmpty();
    }

    @Test
    void entriesWithoutABufferAreAProtocolError() {
        assertThatThrownBy(() -> SessionInfoDecoder.decode(null, 2, SessionInfoDecoder.UNKNOWN_SIZE, "FS01", InfoLevel.LEVEL_502))
                .isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
                    assertThat(e.error().message()).contains("FS01", "2 entries", "no buffer");
                });
    }

    @Test
    void anEntryCountAbove2To31IsAProtocolErrorNotANegativeLoop() {
        Memory buffer = SessionBuffer.build(InfoLevel.LEVEL_0, List.of(SessionBuffer.Entry.client("\\\\PC")));

        assertThatThrownBy(() -> SessionInfoDecoder.decode(buffer, -1, buffer.size(), "FS01", InfoLevel.LEVEL_0))
                .isInstanceOfSatisfying(NetApiException.class,
                        e -> assertThat(e.error().message()).contains("4294967295 entries"));
    }

    @Test
    void anUnterminatedStringIsAProtocolErrorNamingTheEntry() {
        String runaway = "x".repeat(WideStrings.MAX_CHARS + 1);
        Memory buffer = SessionBuffer.build(InfoLevel.LEVEL_10, List.of(SessionBuffer.Entry.client("\\\\PC1"),
                new SessionBuffer.Entry("\\\\PC2", runaway, 0, 0, 0, 0, null, null)));

        assertThatThrownBy(() -> SessionInfoDecoder.decode(buffer, 2, buffer.size(), "FS01", InfoLevel.LEVEL_10))
                .isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
                    assertThat(e.error().message()).contains("FS01", "entry 2 of 2");
                });
    }

    @Test
    void anEntryCountTheBufferCannotHoldIsRefusedBeforeReading() {
        Memory buffer = SessionBuffer.build(InfoLevel.LEVEL_502, List.of(SessionBuffer.Entry.client("\\\\PC")));
        int entrySize = SessionInfoLayout.of(InfoLevel.LEVEL_502).entrySize();

        // one entry more than the reported size holds: an off-by-one in the bound would let this through
        long holdsTwo = 2L * entrySize;
        assertThatThrownBy(() -> SessionInfoDecoder.decode(buffer, 3, holdsTwo, "FS01", InfoLevel.LEVEL_502))
                .isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
                    assertThat(e.error().message()).contains("FS01", "3 entries", "buffer of " + holdsTwo + " bytes");
                });
    }

    @Test
    void anEntryCountThatExactlyFillsTheReportedSizeIsRead() throws NetApiException {
        Memory buffer = SessionBuffer.build(InfoLevel.LEVEL_0, List.of(SessionBuffer.Entry.client(null),
                SessionBuffer.Entry.client(null)));
        int entrySize = SessionInfoLayout.of(InfoLevel.LEVEL_0).entrySize();

        assertThat(SessionInfoDecoder.decode(buffer, 2, 2L * entrySize, "FS01", InfoLevel.LEVEL_0)).hasSize(2);
    }
}
