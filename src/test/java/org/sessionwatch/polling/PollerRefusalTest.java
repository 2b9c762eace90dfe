package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.ScriptedServer;

/** A server that denies every level costs its denied calls once per back-off, not on every poll, until F5. */
class PollerRefusalTest {

    @Test
    void theRefusalIsRememberedAcrossCyclesAndARefreshAsksAgain() {
        AtomicInteger calls = new AtomicInteger();
        FileServerFactory denying = server -> ScriptedServer.of(server.name(), request -> {
            calls.incrementAndGet();
            return new EnumerationResult.Failure(request.server(), request.level(),
                    NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, request.server()));
        });
        List<ServerConfig> servers = List.of(ServerConfig.of("FS01"));
        try (Poller poller = new Poller(denying, PollerOptions.defaults().withJitter(Duration.ZERO))) {
            for (int cycle = 0; cycle < 4; cycle++) {
                PollCycle result = poller.poll(servers);
                assertThat(result.results()).singleElement().isInstanceOfSatisfying(ServerPollResult.Failed.class,
                        f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED));
            }
            assertThat(calls).as("502, 10 and 0 on the first cycle, nothing on the next three").hasValue(3);

            poller.retryRefusedNow();
            poller.poll(servers);

            assertThat(calls).hasValue(6);
        }
    }
}
