package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.polling.FakeServers.server;

import java.time.Duration;
import java.time.Instant;
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

    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void serverPastItsDeadlineIsReportedAsTimeoutAtTheDeadlineAndItsLateAnswerDropped() {
        CurrentThreadRuntime runtime = new CurrentThreadRuntime(START);
        // SLOW takes 50 ms longer than its deadline, then answers: too late
        fakes.on("SLOW", request -> {
            runtime.advance(DEADLINE.plusMillis(50));
            return FakeServers.sessionsOf(request, "late");
        });
        fakes.on("FAST", FakeServers::sessionsOf);
        Poller poller = poller(FAST, runtime);

        PollCycle cycle = poller.poll(servers("SLOW", "FAST"));

        ServerPollResult.Failed failed = (ServerPollResult.Failed) cycle.results().get(0);
        assertThat(failed.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(failed.error().message()).isEqualTo(NetApiStatus.timeout("SLOW", 0).message());
        assertThat(failed.duration()).isEqualTo(DEADLINE);
        assertThat(failed.finishedAt()).isEqualTo(START.plus(DEADLINE));
        assertThat(cycle.results().get(1)).isInstanceOf(ServerPollResult.Ok.class);
        assertThat(poller.abandonedCalls()).as("the late call has returned").isZero();
        assertThat(runtime.pendingDeadlines()).isZero();
    }

    @Test
    void aServerThatAnswersJustInTimeIsNotATimeout() {
        CurrentThreadRuntime runtime = new CurrentThreadRuntime(START);
        fakes.on("EDGE", request -> {
            runtime.advance(DEADLINE.minusNanos(1));
            return FakeServers.sessionsOf(request);
        });

        ServerPollResult result = poller(FAST, runtime).poll(servers("EDGE")).results().get(0);

        assertThat(result).isInstanceOfSatisfying(ServerPollResult.Ok.class,
                ok -> assertThat(ok.duration()).isEqualTo(DEADLINE.minusNanos(1)));
        assertThat(runtime.pendingDeadlines()).as("its deadline was cancelled").isZero();
    }

    /** Real threads: a call that never returns must not hold up the cycle or the servers queued behind it. */
    @Test
    void hungServerDoesNotDelayTheOthers() {
        CountDownLatch othersAnswered = new CountDownLatch(6);
        CountDownLatch never = latch();
        fakes.on("HUNG", request -> {
            FakeServers.hungUntil(never).apply(request);
            return FakeServers.sessionsOf(request);
        });
        List<ServerConfig> list = new ArrayList<>(servers("HUNG"));
        for (int i = 0; i < 6; i++) {
            list.add(server("OK" + i));
            fakes.on("OK" + i, FakeServers::sessionsOf);
        }
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();

        PollCycle cycle = poller(FAST.withMaxConcurrency(2).withServerDeadline(Duration.ofSeconds(2))).poll(list,
                result -> {
                    delivered.add(result.server());
                    othersAnswered.countDown();
                });

        assertThat(cycle.results().subList(1, 7)).allMatch(ServerPollResult.Ok.class::isInstance);
        assertThat(cycle.results().get(0)).isInstanceOfSatisfying(ServerPollResult.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.TIMEOUT));
        // each answered in its own time, before the hung server was given up on
        assertThat(delivered).hasSize(7).endsWith("HUNG");
    }

    @Test
    void stillHungServerIsReportedAtOnceWithoutASecondCall() {
        fakes.on("HUNG", FakeServers.hungUntil(latch()));
        fakes.on("OK", FakeServers::sessionsOf);
        Poller poller = poller(FAST);
        poller.poll(servers("HUNG", "OK"));

        PollCycle second = poller.poll(servers("HUNG", "OK"));

        ServerPollResult.Failed failed = (ServerPollResult.Failed) second.results().get(0);
        assertThat(failed.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(failed.error().message()).contains("HUNG", "the previous call is still running");
        // "at once": no call was made, so no time was spent waiting for one
        assertThat(failed.duration()).isZero();
        assertThat(fakes.calls("HUNG")).isEqualTo(1);
        assertThat(fakes.calls("OK")).isEqualTo(2);
    }

    @Test
    void lateAnswerOfAnAbandonedCallNeverAppearsInALaterCycle() {
        CurrentThreadRuntime runtime = new CurrentThreadRuntime(START);
        AtomicInteger call = new AtomicInteger();
        fakes.on("LATE", request -> {
            if (call.incrementAndGet() == 1) {
                runtime.advance(DEADLINE.multipliedBy(2));
                return FakeServers.sessionsOf(request, "stale");
            }
            return FakeServers.sessionsOf(request, "fresh");
        });
        Poller poller = poller(FAST, runtime);

        ServerPollResult first = poller.poll(servers("LATE")).results().get(0);
        ServerPollResult second = poller.poll(servers("LATE")).results().get(0);

        assertThat(first).isInstanceOfSatisfying(ServerPollResult.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.TIMEOUT));
        assertThat(second).isInstanceOfSatisfying(ServerPollResult.Ok.class, ok ->
                assertThat(ok.sessions()).extracting(s -> s.userName().orElseThrow()).containsOnly("fresh"));
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
    void hungServerIsClosedOnlyAfterItsCallReturns() throws Exception {
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

        // a guard against a hang, not a speed claim
        ServerPollResult result = cycle.get(10, java.util.concurrent.TimeUnit.SECONDS).results().get(0);
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

        caller.interrupt();
        // the deadline is 20 s: an answer long before it can only be the interrupt's doing (a hang guard, not a
        // speed claim)
        PollCycle cycle = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(((ServerPollResult.Failed) cycle.results().get(0)).error().message()).contains("interrupted");
        assertThat(flag).isTrue();
    }
}
