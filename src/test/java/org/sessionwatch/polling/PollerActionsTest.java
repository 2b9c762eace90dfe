package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * A poller source's actions on the calling thread with hand-driven time: they use the poll's server object, report
 * unknown servers and unsupported backends as values, and time out at the deadline counted from submission.
 */
class PollerActionsTest {
    private static final Instant START = Instant.parse("2026-11-30T22:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final PollerOptions OPTIONS = PollerOptions.defaults().withServerDeadline(DEADLINE)
            .withJitter(Duration.ZERO);

    private final ActionServers fakes = new ActionServers();
    private final CurrentThreadRuntime runtime = new CurrentThreadRuntime(START);
    private final List<PollSource> sources = new ArrayList<>();
    private final List<Poller> pollers = new ArrayList<>();

    @AfterEach
    void closeSources() {
        sources.forEach(PollSource::close);
    }

    private PollSource source(String... servers) {
        Poller poller = new Poller(fakes, OPTIONS, runtime);
        pollers.add(poller);
        PollSource source = PollSource.of(poller, PollerTestSupport.servers(servers));
        sources.add(source);
        return source;
    }

    @Test
    void actionsUseThePollsServerObjectAndAnswerWithItsResults() {
        PollSource source = source("FS01", "FS02");
        source.poll();
        ServerActions actions = source.actions();

        OpenFilesResult files = actions.listOpenFiles(
                new OpenFilesRequest("FS02", FileInfoLevel.LEVEL_3, null, "alice", -1)).join();
        ActionResult closed = actions.closeFile("FS01", 0xF000_0001L).join();
        ActionResult ended = actions.endSession("FS02", "10.0.0.7", null).join();

        assertThat(files).isInstanceOfSatisfying(OpenFilesResult.Success.class,
                ok -> assertThat(ok.files()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo(0xF000_0001L)));
        assertThat(closed).isInstanceOf(ActionResult.Done.class);
        assertThat(ended).isInstanceOf(ActionResult.Done.class);
        assertThat(fakes.calls).containsExactly("FS01 poll", "FS02 poll", "FS02 files user=alice",
                "FS01 close 4026531841", "FS02 end 10.0.0.7 null");
        assertThat(fakes.created("FS01")).as("one connection per server, shared with the poll").isEqualTo(1);
        assertThat(fakes.created("FS02")).isEqualTo(1);
        assertThat(actions.servers()).containsExactly("FS01", "FS02");
        assertThat(runtime.pendingDeadlines()).as("every action's deadline was cancelled").isZero();
    }

    @Test
    void anActionBeforeTheFirstPollCreatesTheConnectionThePollThenUses() {
        PollSource source = source("FS01");

        assertThat(source.actions().closeFile("FS01", 7).join()).isInstanceOf(ActionResult.Done.class);
        source.poll();

        assertThat(fakes.created("FS01")).isEqualTo(1);
        assertThat(fakes.calls).containsExactly("FS01 close 7", "FS01 poll");
    }

    @Test
    void serverNamesMatchIgnoringCaseAndLeadingBackslashesAndResultsUseTheConfiguredName() {
        ServerActions actions = source("FS01").actions();

        OpenFilesResult files = actions.listOpenFiles(OpenFilesRequest.of("\\\\fs01")).join();

        assertThat(files.server()).isEqualTo("FS01");
        assertThat(actions.closeFile("fs01", 7).join()).isInstanceOf(ActionResult.Done.class);
    }

    @Test
    void anUnknownServerIsRefusedNamingItAndTheWatchedServersWithoutAskingAnyServer() {
        ServerActions actions = source("FS01", "FS02").actions();

        ActionResult refused = actions.closeFile("FS09", 7).join();
        OpenFilesResult files = actions.listOpenFiles(OpenFilesRequest.of("FS09")).join();

        assertThat(refused).isInstanceOfSatisfying(ActionResult.Refused.class, r -> {
            assertThat(r.error().kind()).isEqualTo(ErrorKind.INVALID_NAME);
            assertThat(r.error().message()).contains("\"FS09\"", "FS01, FS02");
            assertThat(r.error().remedy()).isNotBlank();
        });
        assertThat(files).isInstanceOfSatisfying(OpenFilesResult.Failure.class,
                f -> assertThat(f.error().message()).contains("FS09", "FS01, FS02"));
        assertThat(actions.endSession("FS09", null, "bob").join()).isInstanceOf(ActionResult.Refused.class);
        assertThat(actions.capabilities("FS09").supported()).isEmpty();
        assertThat(fakes.calls).isEmpty();
        assertThat(fakes.created).isEmpty();
    }

    @Test
    void aBackendWithoutTheFileCallsAnswersUnsupportedWithItsReason() {
        fakes.sessionsOnly.add("OLD");
        ServerActions actions = source("OLD").actions();

        assertThat(actions.capabilities("OLD").supports(Capability.CLOSE_FILE)).isFalse();
        assertThat(actions.closeFile("OLD", 7).join()).isInstanceOfSatisfying(ActionResult.Unsupported.class,
                u -> assertThat(u.reason()).contains("Closing files", "the scripted backend"));
        assertThat(actions.listOpenFiles(OpenFilesRequest.of("OLD")).join())
                .isInstanceOf(OpenFilesResult.Unsupported.class);
        assertThat(actions.endSession("OLD", "10.0.0.7", "bob").join()).isInstanceOf(ActionResult.Unsupported.class);
    }

    @Test
    void aHungActionTimesOutAtTheDeadlineSayingItsOutcomeIsUnknownAndItsLateAnswerIsDropped() {
        fakes.actions("FS01", () -> {
            runtime.advance(DEADLINE.plusSeconds(5));
            return new ActionResult.Done();
        });
        ServerActions actions = source("FS01").actions();

        CompletableFuture<ActionResult> result = actions.closeFile("FS01", 7);

        assertThat(result.join()).isInstanceOfSatisfying(ActionResult.Refused.class, r -> {
            assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(r.error().message()).contains("FS01", "closing file 7", "next listing");
            assertThat(r.error().remedy()).isNotBlank();
        });
        assertThat(pollers.get(0).abandonedCalls()).as("the late answer came back and was dropped").isZero();
        assertThat(runtime.pendingDeadlines()).isZero();
    }

    @Test
    void anActionQueuedBehindAHungOneTimesOutAndIsNeverSent() {
        AtomicReference<CompletableFuture<ActionResult>> second = new AtomicReference<>();
        AtomicReference<ServerActions> actions = new AtomicReference<>();
        fakes.actions("FS01", () -> {
            if (second.get() == null) {
                // A second close is asked while the first hangs, then both deadlines pass.
                second.set(actions.get().closeFile("FS01", 8));
                runtime.advance(DEADLINE.plusSeconds(1));
            }
            return new ActionResult.Done();
        });
        actions.set(source("FS01").actions());

        ActionResult first = actions.get().closeFile("FS01", 7).join();

        assertThat(first).isInstanceOfSatisfying(ActionResult.Refused.class,
                r -> assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT));
        assertThat(second.get().join()).isInstanceOfSatisfying(ActionResult.Refused.class, r -> {
            assertThat(r.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(r.error().message()).contains("closing file 8", "was not sent");
        });
        assertThat(fakes.calls).as("the second close never reached the server").containsExactly("FS01 close 7");
    }

    @Test
    void anActionJustInsideTheDeadlineIsNotATimeout() {
        fakes.actions("FS01", () -> {
            runtime.advance(DEADLINE.minusNanos(1));
            return new ActionResult.AlreadyGone("File 7 is no longer open on FS01.");
        });

        ActionResult result = source("FS01").actions().closeFile("FS01", 7).join();

        assertThat(result).isInstanceOf(ActionResult.AlreadyGone.class);
        assertThat(runtime.pendingDeadlines()).isZero();
    }

    @Test
    void aBackendThatThrowsBecomesARefusalOfKindOther() {
        fakes.actions("FS01", () -> {
            throw new IllegalStateException("decoder bug");
        });

        ActionResult result = source("FS01").actions().endSession("FS01", null, "bob").join();

        assertThat(result).isInstanceOfSatisfying(ActionResult.Refused.class, r -> {
            assertThat(r.error().kind()).isEqualTo(ErrorKind.OTHER);
            assertThat(r.error().message()).contains("Ending the sessions of bob on FS01", "decoder bug");
        });
    }

    @Test
    void closingThePollerDuringAnActionAnswersStoppedAndClosesTheServerWhenTheActionReturns() {
        AtomicReference<PollSource> source = new AtomicReference<>();
        List<String> closedDuringCall = new ArrayList<>();
        fakes.actions("FS01", () -> {
            source.get().close();
            closedDuringCall.addAll(fakes.closed);
            return new ActionResult.Done();
        });
        source.set(source("FS01"));

        ActionResult result = source.get().actions().closeFile("FS01", 7).join();

        assertThat(result).isInstanceOfSatisfying(ActionResult.Refused.class,
                r -> assertThat(r.error().message()).contains("stopped", "FS01"));
        assertThat(closedDuringCall).as("not closed under the running call").isEmpty();
        assertThat(fakes.closed).containsExactly("FS01");
        assertThat(source.get().actions().closeFile("FS01", 8).join())
                .isInstanceOfSatisfying(ActionResult.Refused.class,
                        r -> assertThat(r.error().message()).contains("stopped"));
        assertThat(fakes.calls).containsExactly("FS01 close 7");
    }

    @Test
    void callerBugsAreRejectedAtOnce() {
        ServerActions actions = source("FS01").actions();

        assertThatIllegalArgumentException().isThrownBy(() -> actions.closeFile("FS01", -1));
        assertThatIllegalArgumentException().isThrownBy(() -> actions.closeFile("FS01", 1L << 32));
        assertThatIllegalArgumentException().isThrownBy(() -> actions.endSession("FS01", " ", null));
    }

    @Test
    void aFollowingSourcesActionsGoToTheCurrentSourceAndAreUnsupportedWhenThereIsNone() {
        AtomicReference<PollSource> current = new AtomicReference<>(source("FS01"));
        ServerActions following = PollSource.following(current::get).actions();

        assertThat(following.closeFile("FS01", 7).join()).isInstanceOf(ActionResult.Done.class);
        current.set(source("FS02"));
        assertThat(following.servers()).containsExactly("FS02");
        current.set(null);
        assertThat(following.closeFile("FS02", 7).join()).isInstanceOf(ActionResult.Unsupported.class);
        assertThat(fakes.calls).containsExactly("FS01 close 7");
    }
}
