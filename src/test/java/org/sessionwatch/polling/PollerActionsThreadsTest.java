package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.testing.Eventually;

/**
 * Actions on worker threads, for what the calling-thread runtime cannot show: a backend that serialises every call
 * on one connection (as srvsvc does) with a poll hung on it must not make an action wait past its deadline, and the
 * threads held by the hung calls come back when the server does.
 */
class PollerActionsThreadsTest {
    /** Long enough that a queued call starts well before it on a loaded machine; nothing asserts elapsed time. */
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    private final ActionServers fakes = new ActionServers();
    private final CountDownLatch serverAnswers = new CountDownLatch(1);
    private final List<Poller> pollers = new ArrayList<>();

    @AfterEach
    void release() {
        serverAnswers.countDown();
        pollers.forEach(Poller::close);
    }

    @Test
    void anActionBehindAHungPollOnTheSameConnectionTimesOutAndItsThreadsComeBack() throws Exception {
        ReentrantLock connection = new ReentrantLock();
        fakes.polls("FS01", request -> {
            connection.lock();
            try {
                awaitUninterruptibly(serverAnswers);
                return FakeServers.sessionsOf(request);
            } finally {
                connection.unlock();
            }
        });
        fakes.actions("FS01", () -> {
            connection.lock(); // like srvsvc's call lock, but with no bound of its own: the worst case
            try {
                return new ActionResult.Done();
            } finally {
                connection.unlock();
            }
        });
        Poller poller = new Poller(fakes, PollerOptions.defaults().withServerDeadline(DEADLINE)
                .withJitter(Duration.ZERO));
        pollers.add(poller);
        PollSource source = PollSource.of(poller, PollerTestSupport.servers("FS01"));

        ServerPollResult polled = source.poll().results().get(0);
        ActionResult closed = source.actions().closeFile("FS01", 7).get(30, TimeUnit.SECONDS);

        assertThat(polled).isInstanceOf(ServerPollResult.Failed.class);
        assertThat(closed).isInstanceOfSatisfying(ActionResult.Refused.class, r -> {
            assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(r.error().message()).contains("FS01", "closing file 7");
        });
        assertThat(poller.abandonedCalls()).as("the hung poll and the action waiting behind it").isEqualTo(2);

        serverAnswers.countDown();
        Eventually.await("the abandoned calls return", Duration.ofSeconds(30), () -> poller.abandonedCalls() == 0);
        assertThat(fakes.calls).containsExactly("FS01 poll", "FS01 close 7");
        assertThat(source.actions().closeFile("FS01", 8).get(30, TimeUnit.SECONDS))
                .as("the server answers again").isInstanceOf(ActionResult.Done.class);
    }

    @Test
    void manyActionsOnAHungServerHoldOneThreadAndAllTimeOut() throws Exception {
        fakes.actions("FS01", () -> {
            awaitUninterruptibly(serverAnswers);
            return new ActionResult.Done();
        });
        Poller poller = new Poller(fakes, PollerOptions.defaults().withServerDeadline(DEADLINE)
                .withJitter(Duration.ZERO));
        pollers.add(poller);
        ServerActions actions = PollSource.of(poller, PollerTestSupport.servers("FS01")).actions();

        var results = java.util.stream.LongStream.range(1, 6).mapToObj(id -> actions.closeFile("FS01", id)).toList();
        for (var result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(ActionResult.Refused.class,
                    r -> assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT));
        }

        assertThat(poller.abandonedCalls()).as("one action thread waits on the server").isEqualTo(1);
        serverAnswers.countDown();
        Eventually.await("the hung call returns", Duration.ofSeconds(30), () -> poller.abandonedCalls() == 0);
        assertThat(fakes.calls).as("the calls queued behind it were never sent").hasSize(1);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
