package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;

/** The seam's two ready-made sources: a poller over fixed servers, and one that follows whichever is current. */
class PollSourceTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aFollowingSourceAsksTheCurrentSourceAtEachPollAndClosesNone() {
        List<String> closed = new ArrayList<>();
        AtomicReference<PollSource> current = new AtomicReference<>(scripted("FS01", closed));
        PollSource following = PollSource.following(current::get);

        List<ServerPollResult> early = new ArrayList<>();
        assertThat(following.poll(early::add).results()).extracting(ServerPollResult::server).containsExactly("FS01");
        assertThat(early).extracting(ServerPollResult::server).containsExactly("FS01");
        current.set(scripted("FS02", closed));
        assertThat(following.poll().results()).extracting(ServerPollResult::server).containsExactly("FS02");

        following.close();
        assertThat(closed).isEmpty();
        current.set(null);
        assertThatIllegalStateException().isThrownBy(following::poll).withMessageContaining("closed");
    }

    @Test
    void aPollerSourceAsksItsServersAndClosesItsPoller() {
        FakeServers fakes = new FakeServers();
        Poller poller = new Poller(fakes, PollerOptions.defaults(), new CurrentThreadRuntime(AT));
        PollSource source = PollSource.of(poller, PollerTestSupport.servers("A", "B"));

        assertThat(source.poll().results()).extracting(ServerPollResult::server).containsExactly("A", "B");
        source.close();
        assertThat(fakes.closed).containsExactlyInAnyOrder("A", "B");
    }

    private static PollSource scripted(String server, List<String> closed) {
        return new PollSource() {
            @Override
            public PollCycle poll(java.util.function.Consumer<ServerPollResult> onResult) {
                ServerPollResult ok = new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502,
                        List.of(), Duration.ZERO, AT);
                onResult.accept(ok);
                return new PollCycle(AT, List.of(ok));
            }

            @Override
            public void close() {
                closed.add(server);
            }
        };
    }
}
