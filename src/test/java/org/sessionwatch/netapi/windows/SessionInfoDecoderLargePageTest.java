package org.sessionwatch.netapi.windows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** A page larger than the decoder's copy block (about 1,365 level-502 entries on x64) decodes entry for entry. */
class SessionInfoDecoderLargePageTest {

    @Test
    void everyEntryOfAPageSpanningSeveralCopyBlocksComesBackInOrder() throws NetApiException {
        int count = 3_000;
        List<SessionBuffer.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new SessionBuffer.Entry("\\\\10.0." + (i / 250) + "." + (i % 250), i % 11 == 0 ? null : "u" + i,
                    i, 4_294_967_295L - i, i * 3L, i % 4, i % 2 == 0 ? "Unix" : "Windows 11 Enterprise 22631",
                    "\\Device\\NetbiosSmb"));
        }

        List<Session> sessions = SessionInfoDecoder.decode(SessionBuffer.build(InfoLevel.LEVEL_502, entries), count,
                SessionInfoDecoder.UNKNOWN_SIZE, "FS01", InfoLevel.LEVEL_502);

        assertThat(sessions).hasSize(count);
        for (int i = 0; i < count; i += 127) {
            Session s = sessions.get(i);
            assertThat(s.clientName()).hasValue("10.0." + (i / 250) + "." + (i % 250));
            assertThat(s.userName().orElse(null)).isEqualTo(i % 11 == 0 ? null : "u" + i);
            assertThat(s.openCount()).hasValue(i);
            assertThat(s.activeSeconds()).hasValue(4_294_967_295L - i);
            assertThat(s.idleSeconds()).hasValue(i * 3L);
            assertThat(s.userFlags()).hasValue(i % 4);
            assertThat(s.clientType()).hasValue(i % 2 == 0 ? "Unix" : "Windows 11 Enterprise 22631");
        }
        assertThat(sessions.getLast().userName()).hasValue("u" + (count - 1));
    }
}
