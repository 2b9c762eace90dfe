package org.sessionwatch.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/** The session identity shared by the window's merge and {@code --watch}. */
class SessionKeyTest {
    private static final Instant AT = Instant.parse("2026-11-24T16:00:00Z");

    @Test
    void clientAndUserCompareWithoutCaseTheServerAsConfigured() {
        Session lower = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("\\\\pc7").userName("alice")
                .activeSeconds(5).build();
        Session upper = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("PC7").userName("ALICE")
                .activeSeconds(9).openCount(1).build();

        assertThat(SessionKey.of(lower)).isEqualTo(SessionKey.of(upper))
                .isEqualTo(new SessionKey("FS01", "pc7", "alice"));
        assertThat(SessionKey.of(Session.builder("FS01", InfoLevel.LEVEL_0).clientName("pc7").build()))
                .isEqualTo(new SessionKey("FS01", "pc7", ""));
    }

    @Test
    void theStartIsTheAnswerTimeMinusTheConnectedTime() {
        Session session = Session.builder("FS01", InfoLevel.LEVEL_10).clientName("pc").userName("bob")
                .activeSeconds(4_294_967_295L).build();

        assertThat(SessionKey.startOf(session, AT)).isEqualTo(AT.getEpochSecond() - 4_294_967_295L);
        assertThat(SessionKey.startOf(Session.builder("FS01", InfoLevel.LEVEL_0).clientName("pc").build(), AT))
                .isEqualTo(SessionKey.UNKNOWN_START);
    }

    @Test
    void startsUpToThreeSecondsApartAreTheSameSession() {
        long start = AT.getEpochSecond();

        assertThat(SessionKey.START_TOLERANCE).isEqualTo(Duration.ofSeconds(3));
        assertThat(SessionKey.sameStart(start, start + 3)).isTrue();
        assertThat(SessionKey.sameStart(start + 3, start)).isTrue();
        assertThat(SessionKey.sameStart(start, start + 4)).isFalse();
        assertThat(SessionKey.startDistance(start, start - 2)).isEqualTo(2);
    }

    @Test
    void anUnknownStartMatchesAnyStart() {
        long start = AT.getEpochSecond();

        assertThat(SessionKey.startDistance(SessionKey.UNKNOWN_START, start)).isZero();
        assertThat(SessionKey.startDistance(start, SessionKey.UNKNOWN_START)).isZero();
        assertThat(SessionKey.sameStart(SessionKey.UNKNOWN_START, SessionKey.UNKNOWN_START)).isTrue();
    }
}
