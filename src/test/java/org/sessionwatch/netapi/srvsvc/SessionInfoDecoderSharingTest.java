package org.sessionwatch.netapi.srvsvc;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeated client types and transports come back as one String instance per value, to keep 100,000 rows small. */
class SessionInfoDecoderSharingTest {

    @Test
    void repeatedClientTypesAndTransportsShareOneInstanceButKeepTheirValues() throws NdrFormatException {
        String win = "Windows 10 Enterprise 19045";
        String netbios = "\\Device\\NetbiosSmb";
        ResponseStubBuilder builder = new ResponseStubBuilder(InfoLevel.LEVEL_502).totalEntries(4).status(0);
        builder.row(row("10.0.0.1", "anna", win, netbios))
                .row(row("10.0.0.2", "bert", "Unix", netbios))
                .row(row("10.0.0.3", "chloe", win, "\\Device\\NetBT_Tcpip_{X}"))
                .row(row("10.0.0.4", "anna", null, null));

        List<Session> sessions = SessionInfoDecoder.decode(builder.build(), InfoLevel.LEVEL_502, "FS01").entries();

        assertThat(sessions).extracting(s -> s.clientType().orElse(null))
                .containsExactly(win, "Unix", win, null);
        assertThat(sessions).extracting(s -> s.transport().orElse(null))
                .containsExactly(netbios, netbios, "\\Device\\NetBT_Tcpip_{X}", null);
        assertThat(sessions.get(0).clientType().orElseThrow()).isSameAs(sessions.get(2).clientType().orElseThrow());
        assertThat(sessions.get(0).transport().orElseThrow()).isSameAs(sessions.get(1).transport().orElseThrow());
    }

    private static Map<SessionField, Object> row(String client, String user, String type, String transport) {
        Map<SessionField, Object> row = new EnumMap<>(SessionField.class);
        row.put(SessionField.CLIENT_NAME, client);
        row.put(SessionField.USER_NAME, user);
        row.put(SessionField.OPEN_COUNT, 1L);
        row.put(SessionField.ACTIVE_TIME, 60L);
        row.put(SessionField.IDLE_TIME, 5L);
        row.put(SessionField.USER_FLAGS, 0L);
        row.put(SessionField.CLIENT_TYPE, type);
        row.put(SessionField.TRANSPORT, transport);
        return row;
    }
}
