package org.sessionwatch.ui.files;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.TrackerUpdate;

import static org.assertj.core.api.Assertions.assertThat;

class SessionDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private static Session session(String server, String client, String user) {
        return Session.builder(server, InfoLevel.LEVEL_502).clientName(client).userName(user).activeSeconds(60)
                .build();
    }

    private static TrackerUpdate answer(String server, Session... sessions) {
        return new TrackerUpdate(T0, List.of(new ServerPollResult.Ok(server, InfoLevel.LEVEL_502,
                InfoLevel.LEVEL_502, List.of(sessions), Duration.ofMillis(5), T0)), List.of(), true);
    }

    @Test
    void aUsersClientsOnAServerInPollOrderWithoutRepeats() {
        SessionDirectory directory = new SessionDirectory();
        directory.accept(answer("FS01", session("FS01", "\\\\PC7", "Alice"), session("FS01", "\\\\PC2", "bob"),
                session("FS01", "\\\\PC3", "alice"), session("FS01", "\\\\PC7", "ALICE"),
                session("FS01", null, "carol"), session("FS01", "\\\\PC9", null)));

        assertThat(directory.clients("fs01", "aLiCe")).containsExactly("PC7", "PC3");
        assertThat(directory.onlyClient("FS01", "alice")).as("two clients: ambiguous").isNull();
        assertThat(directory.onlyClient("FS01", "BOB")).isEqualTo("PC2");
        assertThat(directory.clients("FS01", "carol")).as("no client named").isEmpty();
        assertThat(directory.clients("FS01", "")).isEmpty();
        assertThat(directory.clients("FS02", "alice")).as("a server never answered").isEmpty();
    }

    @Test
    void aNewAnswerReplacesTheLastOneAndAFailureKeepsIt() {
        SessionDirectory directory = new SessionDirectory();
        directory.accept(answer("FS01", session("FS01", "\\\\PC7", "alice")));
        assertThat(directory.clients("FS01", "alice")).containsExactly("PC7");

        directory.accept(answer("FS01", session("FS01", "\\\\PC8", "alice")));
        assertThat(directory.clients("FS01", "alice")).as("asked before and after: not a stale index")
                .containsExactly("PC8");

        directory.accept(new TrackerUpdate(T0, List.of(new ServerPollResult.Failed("FS01", InfoLevel.LEVEL_502,
                new org.sessionwatch.netapi.NetApiError(org.sessionwatch.netapi.ErrorKind.ACCESS_DENIED, 5, "Access denied.", null), Duration.ofMillis(5), T0)), List.of(), true));
        assertThat(directory.clients("FS01", "alice")).as("last known sessions").containsExactly("PC8");

        directory.accept(answer("FS02", session("FS02", "\\\\PC1", "alice")));
        assertThat(directory.clients("FS01", "alice")).as("another server's answer").containsExactly("PC8");
        assertThat(directory.clients("FS02", "alice")).containsExactly("PC1");
    }
}
