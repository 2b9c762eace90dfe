package org.sessionwatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/** A hand-built poll cycle with every field present somewhere and absent somewhere else. */
final class Fixtures {
    static final Instant POLLED_AT = Instant.parse("2026-11-24T16:20:00Z");

    private Fixtures() {
    }

    static Session full() {
        return Session.builder("FS01", InfoLevel.LEVEL_502).clientName("\\\\10.1.2.3").userName("alice")
                .openCount(3).activeSeconds(7_500).idleSeconds(250).userFlags(2)
                .clientType("Windows 10 Enterprise 19045").transport("\\Device\\NetbiosSmb").build();
    }

    /** Hostile values: a formula, a comma, a quote, a line break; a NULL user name; 4294967295 seconds. */
    static Session hostile() {
        return Session.builder("FS01", InfoLevel.LEVEL_502).clientName("ws-17").userName(null)
                .openCount(0).activeSeconds(4_294_967_295L).idleSeconds(0).userFlags(0)
                .clientType("=HYPERLINK(\"http://x\",\"y\")").transport("a,b\nc").build();
    }

    /** Level 0 carries the client name only. */
    static Session levelZero() {
        return Session.builder("FS02", InfoLevel.LEVEL_0).clientName("@pc").build();
    }

    static NetApiError accessDenied() {
        return NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, "FS03");
    }

    static NetApiError timeout() {
        return new NetApiError(ErrorKind.TIMEOUT, 0, "FS04 did not answer in time.", null);
    }

    static PollCycle cycle() {
        return new PollCycle(POLLED_AT, List.of(
                new ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, List.of(full(), hostile()),
                        Duration.ofMillis(35), POLLED_AT.plusMillis(35)),
                new ServerPollResult.Ok("FS02", InfoLevel.LEVEL_502, InfoLevel.LEVEL_0, List.of(levelZero()),
                        Duration.ofMillis(1_250), POLLED_AT.plusMillis(1_250)),
                new ServerPollResult.Failed("FS03", InfoLevel.LEVEL_0, accessDenied(), Duration.ofMillis(80),
                        POLLED_AT.plusMillis(80)),
                new ServerPollResult.Failed("FS04", null, timeout(), Duration.ofSeconds(10),
                        POLLED_AT.plusSeconds(10))));
    }
}
