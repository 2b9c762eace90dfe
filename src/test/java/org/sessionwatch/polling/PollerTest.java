package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.polling.FakeServers.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/** Concurrency, ordering, errors, enumerator lifecycle, reachability and filters. */
class PollerTest extends PollerTestSupport {

    @Test
    void pollsServersConcurrently() {
        List<ServerConfig> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> server("FS" + i)).toList();
        ten.forEach(s -> fakes.on(s.name(), FakeServers.sleeping(300)));
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        PollCycle cycle = poller.poll(ten);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(cycle.results()).hasSize(10).allMatch(ServerPollResult.Ok.class::isInstance);
        assertThat(took).isBetween(Duration.ofMillis(290), Duration.ofMillis(1500));
    }

    @Test
    void eachServersResultIsHandedOverAsSoonAsItIsKnown() {
        fakes.on("FAST", FakeServers::sessionsOf);
        fakes.on("SLOW", FakeServers.sleeping(600));
        fakes.on("DENIED", request -> new org.sessionwatch.netapi.EnumerationResult.Failure(request.server(),
                request.level(), org.sessionwatch.netapi.NetApiStatus.toError(5, request.server())));
        java.util.Map<String, Long> deliveredAfterMillis = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        PollCycle cycle = poller.poll(servers("SLOW", "FAST", "DENIED"), result -> {
            deliveries.incrementAndGet();
            deliveredAfterMillis.put(result.server(), (System.nanoTime() - start) / 1_000_000);
        });
        long cycleMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(deliveries).hasValue(3);
        assertThat(deliveredAfterMillis).containsOnlyKeys("SLOW", "FAST", "DENIED");
        assertThat(deliveredAfterMillis.get("FAST")).as("the fast server does not wait for the slow one")
                .isLessThan(300);
        assertThat(deliveredAfterMillis.get("DENIED")).isLessThan(300);
        assertThat(deliveredAfterMillis.get("SLOW")).isGreaterThanOrEqualTo(550).isLessThanOrEqualTo(cycleMillis);
        assertThat(cycle.results()).extracting(ServerPollResult::server).containsExactly("SLOW", "FAST", "DENIED");
    }

    @Test
    void aFailingResultListenerDoesNotDisturbTheCycle() {
        fakes.on("A", FakeServers::sessionsOf);
        fakes.on("B", FakeServers::sessionsOf);

        PollCycle cycle = poller(FAST).poll(servers("A", "B"), result -> {
            throw new IllegalStateException("listener bug");
        });

        assertThat(cycle.results()).hasSize(2).allMatch(ServerPollResult.Ok.class::isInstance);
    }

    @Test
    void concurrencyIsBoundedByMaxConcurrency() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<ServerConfig> eight = IntStream.rangeClosed(1, 8).mapToObj(i -> server("FS" + i)).toList();
        eight.forEach(s -> fakes.on(s.name(), request -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            FakeServers.sleep(50);
            inFlight.decrementAndGet();
            return FakeServers.sessionsOf(request);
        }));

        PollCycle cycle = poller(FAST.withMaxConcurrency(3).withServerDeadline(Duration.ofSeconds(5))).poll(eight);

        assertThat(cycle.results()).allMatch(ServerPollResult.Ok.class::isInstance);
        assertThat(peak.get()).isBetween(2, 3);
    }

    @Test
    void runtimeExceptionFromABackendBecomesAFailedResult() {
        fakes.on("BROKEN", request -> {
            throw new IllegalStateException("decoder fell over");
        });
        fakes.on("OK", FakeServers::sessionsOf);

        PollCycle cycle = poller(FAST).poll(servers("BROKEN", "OK"));

        ServerPollResult.Failed failed = (ServerPollResult.Failed) cycle.results().get(0);
        assertThat(failed.error().kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(failed.error().message()).contains("BROKEN", "decoder fell over").doesNotContain("Exception");
        assertThat(cycle.results().get(1)).isInstanceOf(ServerPollResult.Ok.class);
    }

    @Test
    void theSameFaultIsReportedEveryCycleButCountsAsNewOnlyOnce() {
        ServerSlot slot = new ServerSlot(server("FS1"), fakes);

        assertThat(slot.isNewFault(new IllegalStateException("boom"))).isTrue();
        assertThat(slot.isNewFault(new IllegalStateException("boom"))).isFalse();
        assertThat(slot.isNewFault(new IllegalArgumentException("boom"))).isTrue();
        assertThat(slot.isNewFault(new IllegalArgumentException("bang"))).isTrue();

        fakes.on("FS1", request -> {
            throw new IllegalStateException("decoder fell over");
        });
        Poller poller = poller(FAST);
        for (int i = 0; i < 3; i++) {
            assertThat(((ServerPollResult.Failed) poller.poll(servers("FS1")).results().get(0)).error().message())
                    .contains("decoder fell over");
        }
    }

    @Test
    void factoryFailureIsAFailedResultAndIsRetriedNextCycle() {
        AtomicInteger attempts = new AtomicInteger();
        EnumeratorFactory flaky = config -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalArgumentException("no such pipe");
            }
            return fakes.create(config);
        };
        Poller poller = track(new Poller(flaky, FAST));

        assertThat(((ServerPollResult.Failed) poller.poll(servers("FS1")).results().get(0)).error().kind())
                .isEqualTo(ErrorKind.OTHER);
        assertThat(poller.poll(servers("FS1")).results().get(0)).isInstanceOf(ServerPollResult.Ok.class);
    }

    @Test
    void resultsComeInConfigurationOrderNotCompletionOrder() {
        List<ServerConfig> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(server("S" + i));
            fakes.on("S" + i, FakeServers.sleeping(100 - 20L * i));
        }
        List<ServerConfig> withDuplicate = new ArrayList<>(list);
        withDuplicate.add(list.get(0));

        PollCycle cycle = poller(FAST).poll(withDuplicate);

        assertThat(cycle.results()).extracting(ServerPollResult::server)
                .containsExactly("S0", "S1", "S2", "S3", "S4", "S0");
        assertThat(fakes.calls("S0")).isEqualTo(1);
    }

    @Test
    void okResultCarriesRequestedAndNegotiatedLevelAndTiming() {
        // Samba-like: only levels 0 and 1
        fakes.on("SAMBA", request -> request.level() == InfoLevel.LEVEL_1 || request.level() == InfoLevel.LEVEL_0
                ? FakeServers.sessionsOf(request)
                : new EnumerationResult.Failure(request.server(), request.level(),
                        NetApiStatus.toError(NetApiStatus.ERROR_INVALID_LEVEL, request.server())));
        Poller poller = poller(FAST);

        ServerPollResult.Ok ok = (ServerPollResult.Ok) poller.poll(servers("SAMBA")).results().get(0);
        assertThat(ok.requestedLevel()).isEqualTo(InfoLevel.LEVEL_502);
        assertThat(ok.level()).isEqualTo(InfoLevel.LEVEL_1);
        assertThat(ok.sessions()).hasSize(1);
        assertThat(ok.duration()).isPositive().isLessThan(DEADLINE);
        assertThat(ok.finishedAt()).isNotNull();
        int callsAfterFirst = fakes.calls("SAMBA");
        assertThat(callsAfterFirst).isEqualTo(4);

        poller.poll(servers("SAMBA"));
        // the negotiated level is remembered: one call at level 1
        assertThat(fakes.calls("SAMBA")).isEqualTo(callsAfterFirst + 1);
    }

    @Test
    void oneEnumeratorPerServerAcrossCyclesClosedWhenRemovedAndOnClose() {
        Poller poller = poller(FAST);
        for (int i = 0; i < 3; i++) {
            poller.poll(servers("A", "B"));
        }
        assertThat(fakes.created.get("A").get()).isEqualTo(1);
        assertThat(fakes.created.get("B").get()).isEqualTo(1);

        poller.poll(servers("B"));
        assertThat(fakes.closed).containsExactly("A");

        poller.close();
        assertThat(fakes.closed).containsExactlyInAnyOrder("A", "B");
        assertThatThrownBy(() -> poller.poll(servers("B"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closedPortFailsTheReachabilityCheckQuicklyWithoutCallingTheBackend() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ServerConfig closed = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, port, null, null, true);
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(5)).withReachabilityCheck(true));

        long start = System.nanoTime();
        ServerPollResult result = poller.poll(List.of(closed)).results().get(0);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        ServerPollResult.Failed failed = (ServerPollResult.Failed) result;
        assertThat(failed.error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(failed.error().message()).contains("127.0.0.1", "port " + port);
        assertThat(fakes.calls("127.0.0.1")).isZero();
    }

    @Test
    void openPortPassesTheReachabilityCheck() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig open = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, socket.getLocalPort(), null, null,
                    true);
            Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(5)).withReachabilityCheck(true));

            assertThat(poller.poll(List.of(open)).results().get(0)).isInstanceOf(ServerPollResult.Ok.class);
            assertThat(fakes.calls("127.0.0.1")).isEqualTo(1);
        }
    }

    @Test
    void hideOptionsApplyToTheResults() {
        fakes.on("FS1", request -> FakeServers.sessionsOf(request, "alice", "PC042$", ""));
        Poller poller = poller(FAST.withHide(new SessionFilter(false, true, true)));

        ServerPollResult.Ok ok = (ServerPollResult.Ok) poller.poll(servers("FS1")).results().get(0);

        assertThat(ok.sessions()).extracting(s -> s.userName().orElseThrow()).containsExactly("alice");
    }

    @Test
    void filtersAndLevelReachTheBackend() {
        List<org.sessionwatch.netapi.EnumerationRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        fakes.on("FS1", request -> {
            seen.add(request);
            return FakeServers.sessionsOf(request);
        });

        poller(FAST.withRequestedLevel(InfoLevel.LEVEL_10).withFilters("\\\\10.0.0.1", "alice")
                .withPreferredMaxLength(4096)).poll(servers("FS1"));

        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(InfoLevel.LEVEL_10);
            assertThat(r.clientFilter()).isEqualTo("10.0.0.1");
            assertThat(r.userFilter()).isEqualTo("alice");
            assertThat(r.preferredMaxLength()).isEqualTo(4096);
        });
    }

    @Test
    void workerThreadsAreNamedDaemons() {
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        fakes.on("FS1", request -> {
            threads.add(Thread.currentThread());
            return FakeServers.sessionsOf(request);
        });
        Poller poller = poller(FAST);
        poller.poll(servers("FS1"));

        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getName()).startsWith(poller.threadNamePrefix()).startsWith("sessionwatch-poll-");
            assertThat(t.getUncaughtExceptionHandler()).isNotSameAs(t.getThreadGroup());
        });
    }
}
