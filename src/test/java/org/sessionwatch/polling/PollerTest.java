package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.polling.FakeServers.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/** Concurrency, ordering, errors, the servers' lifecycle, reachability and filters. */
class PollerTest extends PollerTestSupport {

    @Test
    void pollsServersConcurrently() {
        // Each call answers only once all ten are in flight at the same time; asked one after another, the first
        // would give up waiting and fail.
        CountDownLatch allInFlight = new CountDownLatch(10);
        List<ServerConfig> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> server("FS" + i)).toList();
        ten.forEach(s -> fakes.on(s.name(), request -> {
            allInFlight.countDown();
            return await(allInFlight) ? FakeServers.sessionsOf(request) : failure(request, "not all in flight");
        }));
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(10)));

        PollCycle cycle = poller.poll(ten);

        assertThat(cycle.results()).hasSize(10).allMatch(ServerPollResult.Ok.class::isInstance);
    }

    @Test
    void eachServersResultIsHandedOverAsSoonAsItIsKnown() {
        // SLOW answers only after the other two results were handed over: delivered with the cycle instead, they
        // would never release it and it would fail.
        CountDownLatch othersDelivered = new CountDownLatch(2);
        fakes.on("FAST", FakeServers::sessionsOf);
        fakes.on("SLOW", request -> await(othersDelivered) ? FakeServers.sessionsOf(request)
                : failure(request, "the other results were not handed over first"));
        fakes.on("DENIED", request -> new EnumerationResult.Failure(request.server(), request.level(),
                NetApiStatus.toError(5, request.server())));
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(10)));

        PollCycle cycle = poller.poll(servers("SLOW", "FAST", "DENIED"), result -> {
            delivered.add(result.server());
            if (!result.server().equals("SLOW")) {
                othersDelivered.countDown();
            }
        });

        assertThat(delivered).hasSize(3).endsWith("SLOW").containsOnlyOnce("SLOW", "FAST", "DENIED");
        assertThat(cycle.results().getFirst()).isInstanceOf(ServerPollResult.Ok.class);
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
        // the first three calls hold on until all three run at once, so the peak reaches the bound exactly
        CountDownLatch firstThree = new CountDownLatch(3);
        List<ServerConfig> eight = IntStream.rangeClosed(1, 8).mapToObj(i -> server("FS" + i)).toList();
        eight.forEach(s -> fakes.on(s.name(), request -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            firstThree.countDown();
            boolean together = await(firstThree);
            inFlight.decrementAndGet();
            return together ? FakeServers.sessionsOf(request) : failure(request, "three never ran at once");
        }));

        PollCycle cycle = poller(FAST.withMaxConcurrency(3).withServerDeadline(Duration.ofSeconds(10))).poll(eight);

        assertThat(cycle.results()).allMatch(ServerPollResult.Ok.class::isInstance);
        assertThat(peak).hasValue(3);
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
        FileServerFactory flaky = config -> {
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
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        CurrentThreadRuntime runtime = new CurrentThreadRuntime(start);
        // Samba-like: only levels 0 and 1; each round trip takes 30 ms of the test's time
        fakes.on("SAMBA", request -> {
            runtime.advance(Duration.ofMillis(30));
            return request.level() == InfoLevel.LEVEL_1 || request.level() == InfoLevel.LEVEL_0
                    ? FakeServers.sessionsOf(request)
                    : new EnumerationResult.Failure(request.server(), request.level(),
                            NetApiStatus.toError(NetApiStatus.ERROR_INVALID_LEVEL, request.server()));
        });
        Poller poller = poller(FAST, runtime);

        PollCycle cycle = poller.poll(servers("SAMBA"));
        ServerPollResult.Ok ok = (ServerPollResult.Ok) cycle.results().get(0);
        assertThat(ok.requestedLevel()).isEqualTo(InfoLevel.LEVEL_502);
        assertThat(ok.level()).isEqualTo(InfoLevel.LEVEL_1);
        assertThat(ok.sessions()).hasSize(1);
        // 502, 2, 10, 1: four round trips, the whole negotiation counted in the server's time
        assertThat(ok.duration()).isEqualTo(Duration.ofMillis(120));
        assertThat(cycle.polledAt()).isEqualTo(start);
        assertThat(ok.finishedAt()).isEqualTo(start.plusMillis(120));
        int callsAfterFirst = fakes.calls("SAMBA");
        assertThat(callsAfterFirst).isEqualTo(4);

        poller.poll(servers("SAMBA"));
        // the negotiated level is remembered: one call at level 1
        assertThat(fakes.calls("SAMBA")).isEqualTo(callsAfterFirst + 1);
    }

    @Test
    void oneFileServerPerServerAcrossCyclesClosedWhenRemovedAndOnClose() {
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
    void closedPortFailsTheReachabilityCheckWithoutCallingTheBackend() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ServerConfig closed = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, port, null, null, true);
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(5)).withReachabilityCheck(true));

        ServerPollResult result = poller.poll(List.of(closed)).results().get(0);

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

    /** Waits for {@code latch}; false if it did not open within a generous bound (the fault the test looks for). */
    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static EnumerationResult failure(EnumerationRequest request, String why) {
        return new EnumerationResult.Failure(request.server(), request.level(),
                new NetApiError(ErrorKind.OTHER, 0, why, null));
    }
}
