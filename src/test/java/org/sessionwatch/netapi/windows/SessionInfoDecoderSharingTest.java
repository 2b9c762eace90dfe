package org.sessionwatch.netapi.windows;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeated client types and transports come back as one String instance per value, to keep 100,000 rows small. */
class SessionInfoDecoderSharingTest {

    @Test
    void repeatedClientTypesAndTransportsShareOneInstanceButKeepTheirValues() throws NetApiException {
        String win = "Windows 10 Enterprise 19045";
        String netbios = "\\Device\\NetbiosSmb";
        List<SessionBuffer.Entry> entries = List.of(
                new SessionBuffer.Entry("10.0.0.1", "anna", 1, 60, 5, 0, win, netbios),
                new SessionBuffer.Entry("10.0.0.2", "bert", 2, 60, 5, 0, "Unix", netbios),
                new SessionBuffer.Entry("10.0.0.3", "chloe", 3, 60, 5, 0, win, "\\Device\\NetBT_Tcpip_{X}"),
                new SessionBuffer.Entry("10.0.0.4", "anna", 4, 60, 5, 0, null, null));

        List<Session> sessions = SessionInfoDecoder.decode(SessionBuffer.build(InfoLevel.LEVEL_502, entries),
                entries.size(), SessionInfoDecoder.UNKNOWN_SIZE, "FS01", InfoLevel.LEVEL_502);

        assertThat(sessions).extracting(s -> s.clientType().orElse(null))
                .containsExactly(win, "Unix", win, null);
        assertThat(sessions).extracting(s -> s.transport().orElse(null))
                .containsExactly(netbios, netbios, "\\Device\\NetBT_Tcpip_{X}", null);
        assertThat(sessions.get(0).clientType().orElseThrow()).isSameAs(sessions.get(2).clientType().orElseThrow());
        assertThat(sessions.get(0).transport().orElseThrow()).isSameAs(sessions.get(1).transport().orElseThrow());
        // user names are not shared: they are mostly distinct, and a lookup per row would cost more than it saves.
        // Equal values, two instances: sharing them would make this fail.
        String anna = sessions.get(0).userName().orElseThrow();
        String annaAgain = sessions.get(3).userName().orElseThrow();
        assertThat(annaAgain).isEqualTo(anna).isNotSameAs(anna);
    }
}
