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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.servers.Backend;
import org.sessionwatch.servers.ServerConfig;

class PollerTest {

    private static final Duration DEADLINE = Duration.ofMillis(200);
    private static final PollerOptions FAST = PollerOptions.defaults()
            .withServerDeadline(DEADLINE).withJitter(Duration.ZERO).withMaxConcurrency(16);

    private final FakeServers fakes = new FakeServers();
    private final List<CountDownLatch> latches = new ArrayList<>();
    private final List<Poller> pollers = new ArrayList<>();

    @AfterEach
    void releaseHungCalls() {
        latches.forEach(CountDownLatch::countDown);
        pollers.forEach(Poller::close);
    }

    private Poller poller(PollerOptions options) {
        Poller poller = new Poller(fakes, options);
        pollers.add(poller);
        return poller;
    }

    private CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        latches.add(latch);
        return latch;
    }

    private static List<ServerConfig> servers(String... names) {
        return java.util.Arrays.stream(names).map(FakeServers::server).toList();
    }

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
    void serverPastItsDeadlineIsReportedAsTimeoutAndTheCycleEndsNearTheDeadline() {
        fakes.on("SLOW", FakeServers.hungUntil(latch()));
        fakes.on("FAST", FakeServers::sessionsOf);
        Poller poller = poller(FAST);

        long start = System.nanoTime();
        PollCycle cycle = poller.poll(servers("SLOW", "FAST"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        ServerPollResult.Failed failed = (ServerPollResult.Failed) cycle.results().get(0);
        assertThat(failed.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(failed.error().message()).isEqualTo(NetApiStatus.timeout("SLOW", 0).message());
        assertThat(failed.duration()).isBetween(DEADLINE, DEADLINE.plusMillis(400));
        assertThat(cycle.results().get(1)).isInstanceOf(ServerPollResult.Ok.class);
        assertThat(took).isBetween(DEADLINE, DEADLINE.plusMillis(600));
    }

    @Test
    void hungServerDoesNotDelayTheOthers() {
        fakes.on("HUNG", FakeServers.hungUntil(latch()));
        List<ServerConfig> list = new ArrayList<>(servers("HUNG"));
        for (int i = 0; i < 6; i++) {
            list.add(server("OK" + i));
            fakes.on("OK" + i, FakeServers.sleeping(20));
        }
        PollCycle cycle = poller(FAST.withMaxConcurrency(2)).poll(list);

        assertThat(cycle.results().subList(1, 7)).allSatisfy(r -> {
            assertThat(r).isInstanceOf(ServerPollResult.Ok.class);
            // each finished in its own time, not after the hung server's deadline
            assertThat(r.duration()).isLessThan(DEADLINE);
        });
        assertThat(cycle.results().get(0)).isInstanceOf(ServerPollResult.Failed.class);
    }

    @Test
    void stillHungServerIsReportedAtOnceWithoutASecondCall() {
        fakes.on("HUNG", FakeServers.hungUntil(latch()));
        fakes.on("OK", FakeServers::sessionsOf);
        Poller poller = poller(FAST);
        poller.poll(servers("HUNG", "OK"));

        long start = System.nanoTime();
        PollCycle second = poller.poll(servers("HUNG", "OK"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        ServerPollResult.Failed failed = (ServerPollResult.Failed) second.results().get(0);
        assertThat(failed.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(failed.error().message()).contains("HUNG", "the previous call is still running");
        assertThat(took).isLessThan(DEADLINE);
        assertThat(fakes.calls("HUNG")).isEqualTo(1);
        assertThat(fakes.calls("OK")).isEqualTo(2);
    }

    @Test
    void lateAnswerOfAnAbandonedCallNeverAppearsInALaterCycle() throws Exception {
        CountDownLatch release = latch();
        AtomicInteger call = new AtomicInteger();
        fakes.on("LATE", request -> call.incrementAndGet() == 1
                ? FakeServers.hungUntil(release, "stale").apply(request)
                : FakeServers.sessionsOf(request, "fresh"));
        Poller poller = poller(FAST);
        assertThat(poller.poll(servers("LATE")).results().get(0)).isInstanceOf(ServerPollResult.Failed.class);

        release.countDown();
        List<ServerPollResult> later = new ArrayList<>();
        for (int i = 0; i < 50 && !(later.isEmpty() ? false : later.getLast() instanceof ServerPollResult.Ok); i++) {
            later.add(poller.poll(servers("LATE")).results().get(0));
            Thread.sleep(10);
        }

        assertThat(later.getLast()).isInstanceOf(ServerPollResult.Ok.class);
        assertThat(later).allSatisfy(r -> {
            if (r instanceof ServerPollResult.Ok ok) {
                assertThat(ok.sessions()).extracting(s -> s.userName().orElseThrow()).containsOnly("fresh");
            } else {
                assertThat(((ServerPollResult.Failed) r).error().kind()).isEqualTo(ErrorKind.TIMEOUT);
            }
        });
        assertThat(poller.abandonedCalls()).isZero();
    }

    @Test
    void hungServersNeverExhaustThePool() {
        int maxConcurrency = 2;
        int hung = 4;
        List<ServerConfig> list = new ArrayList<>();
        for (int i = 0; i < hung; i++) {
            list.add(server("HUNG" + i));
            fakes.on("HUNG" + i, FakeServers.hungUntil(latch()));
        }
        list.add(server("OK1"));
        list.add(server("OK2"));
        Poller poller = poller(FAST.withMaxConcurrency(maxConcurrency));

        for (int cycle = 0; cycle < 8; cycle++) {
            PollCycle result = poller.poll(list);
            assertThat(result.results().subList(hung, hung + 2)).as("cycle %d", cycle)
                    .allMatch(ServerPollResult.Ok.class::isInstance);
            assertThat(result.results().subList(0, hung)).allSatisfy(r ->
                    assertThat(((ServerPollResult.Failed) r).error().kind()).isEqualTo(ErrorKind.TIMEOUT));
            assertThat(pollThreads(poller)).as("cycle %d", cycle).isLessThanOrEqualTo(maxConcurrency + hung);
        }
        assertThat(poller.abandonedCalls()).isEqualTo(hung);
        list.forEach(s -> assertThat(fakes.calls(s.name())).isEqualTo(s.name().startsWith("HUNG") ? 1 : 8));
    }

    @Test
    void poolShrinksBackWhenHungCallsReturn() throws Exception {
        CountDownLatch release = latch();
        fakes.on("HUNG", FakeServers.hungUntil(release));
        Poller poller = poller(FAST.withMaxConcurrency(1));
        poller.poll(servers("HUNG"));
        assertThat(poller.abandonedCalls()).isEqualTo(1);

        release.countDown();
        for (int i = 0; i < 200 && poller.abandonedCalls() > 0; i++) {
            Thread.sleep(5);
        }

        assertThat(poller.abandonedCalls()).isZero();
        assertThat(poller.poll(servers("HUNG")).results().get(0)).isInstanceOf(ServerPollResult.Ok.class);
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
    void factoryFailureIsAFailedResultAndIsRetriedNextCycle() {
        AtomicInteger attempts = new AtomicInteger();
        EnumeratorFactory flaky = config -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalArgumentException("no such pipe");
            }
            return fakes.create(config);
        };
        Poller poller = new Poller(flaky, FAST);
        pollers.add(poller);

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
    void hungEnumeratorIsClosedOnlyAfterItsCallReturns() throws Exception {
        CountDownLatch release = latch();
        fakes.on("HUNG", FakeServers.hungUntil(release));
        Poller poller = poller(FAST);
        poller.poll(servers("HUNG"));

        poller.close();
        assertThat(fakes.closed).isEmpty();

        release.countDown();
        for (int i = 0; i < 200 && fakes.closed.isEmpty(); i++) {
            Thread.sleep(5);
        }
        assertThat(fakes.closed).containsExactly("HUNG");
    }

    @Test
    void closeDuringACycleEndsItWithStoppedResults() throws Exception {
        fakes.on("HUNG", FakeServers.hungUntil(latch()));
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(20)));
        var cycle = java.util.concurrent.CompletableFuture.supplyAsync(() -> poller.poll(servers("HUNG")));
        while (fakes.calls("HUNG") == 0) {
            Thread.sleep(5);
        }

        poller.close();

        ServerPollResult result = cycle.get(2, java.util.concurrent.TimeUnit.SECONDS).results().get(0);
        assertThat(((ServerPollResult.Failed) result).error().message()).contains("stopped", "HUNG");
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

    private static long pollThreads(Poller poller) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(poller.threadNamePrefix())).count();
    }

    @SuppressWarnings("unused")
    private static List<String> users(ServerPollResult.Ok ok) {
        return ok.sessions().stream().map(Session::userName).map(u -> u.orElse(null)).toList();
    }
}
