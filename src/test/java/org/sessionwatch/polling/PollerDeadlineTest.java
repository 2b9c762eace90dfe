package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.polling.FakeServers.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/** Deadlines, hung calls that cannot be cancelled, the thread budget, and closing or interrupting mid-cycle. */
class PollerDeadlineTest extends PollerTestSupport {

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
    void serverRemovedWhileHungGetsNoSecondCallWhenItComesBackWithAnotherConfig() {
        CountDownLatch release = latch();
        fakes.on("HUNG", FakeServers.hungUntil(release));
        Poller poller = poller(FAST);
        poller.poll(servers("HUNG"));
        poller.poll(servers("OTHER"));
        ServerConfig changed = new ServerConfig("hung", Backend.SRVSVC, true, 4445, null, null, true);

        ServerPollResult result = poller.poll(List.of(changed)).results().get(0);

        assertThat(((ServerPollResult.Failed) result).error().message()).contains("previous call is still running");
        assertThat(fakes.calls("HUNG")).isEqualTo(1);
        assertThat(fakes.calls("hung")).isZero();
    }

    @Test
    void interruptedCycleReportsStoppedServersAndKeepsTheInterruptFlag() throws Exception {
        fakes.on("HUNG", FakeServers.hungUntil(latch()));
        Poller poller = poller(FAST.withServerDeadline(Duration.ofSeconds(20)));
        var outcome = new java.util.concurrent.CompletableFuture<PollCycle>();
        var flag = new java.util.concurrent.atomic.AtomicBoolean();
        Thread caller = new Thread(() -> {
            PollCycle cycle = poller.poll(servers("HUNG"));
            flag.set(Thread.currentThread().isInterrupted());
            outcome.complete(cycle);
        });
        caller.start();
        while (fakes.calls("HUNG") == 0) {
            Thread.sleep(5);
        }

        long start = System.nanoTime();
        caller.interrupt();
        PollCycle cycle = outcome.get(2, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(((ServerPollResult.Failed) cycle.results().get(0)).error().message()).contains("interrupted");
        assertThat(flag).isTrue();
    }
}
