package org.sessionwatch.netapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class LevelNegotiatorTest {

    /** Answers the levels in {@code ok}, fails the others with {@code otherwise}, and records what it was asked. */
    private static final class ScriptedServer implements SessionEnumerator {
        final List<InfoLevel> asked = new ArrayList<>();
        Function<InfoLevel, Long> status;
        boolean closed;

        ScriptedServer(Function<InfoLevel, Long> status) {
            this.status = status;
        }

        @Override
        public EnumerationResult enumerate(EnumerationRequest request) {
            asked.add(request.level());
            long code = status.apply(request.level());
            if (code == 0) {
                return new EnumerationResult.Success(request.server(), request.level(),
                        List.of(Session.builder(request.server(), request.level()).clientName("10.0.0.1").build()));
            }
            return new EnumerationResult.Failure(request.server(), request.level(),
                    NetApiStatus.toError(code, request.server()));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Function<InfoLevel, Long> onlyLevels(long otherwise, InfoLevel... ok) {
        Set<InfoLevel> allowed = Set.of(ok);
        return level -> allowed.contains(level) ? 0L : otherwise;
    }

    private static final long INVALID = NetApiStatus.ERROR_INVALID_LEVEL;
    private static final long DENIED = NetApiStatus.ERROR_ACCESS_DENIED;

    @Test
    void sambaLikeServerFallsBackThroughTheInvalidLevelOrderAndRemembersLevel1() {
        ScriptedServer samba = new ScriptedServer(onlyLevels(INVALID, InfoLevel.LEVEL_0, InfoLevel.LEVEL_1));
        LevelNegotiator negotiator = new LevelNegotiator(samba, 5);

        EnumerationResult first = negotiator.enumerate(EnumerationRequest.of("NAS"));

        assertThat(first).isInstanceOf(EnumerationResult.Success.class);
        assertThat(first.level()).isEqualTo(InfoLevel.LEVEL_1);
        assertThat(samba.asked).containsExactly(InfoLevel.LEVEL_502, InfoLevel.LEVEL_2, InfoLevel.LEVEL_10,
                InfoLevel.LEVEL_1);
        assertThat(negotiator.rememberedLevel("nas")).hasValue(InfoLevel.LEVEL_1);

        samba.asked.clear();
        assertThat(negotiator.enumerate(EnumerationRequest.of("\\\\NAS")).level()).isEqualTo(InfoLevel.LEVEL_1);
        assertThat(samba.asked).containsExactly(InfoLevel.LEVEL_1);
    }

    @Test
    void retriesTheRequestedLevelEveryNthPoll() {
        ScriptedServer samba = new ScriptedServer(onlyLevels(INVALID, InfoLevel.LEVEL_1));
        LevelNegotiator negotiator = new LevelNegotiator(samba, 3);
        negotiator.enumerate(EnumerationRequest.of("NAS"));

        List<List<InfoLevel>> perPoll = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            samba.asked.clear();
            negotiator.enumerate(EnumerationRequest.of("NAS"));
            perPoll.add(List.copyOf(samba.asked));
        }

        List<InfoLevel> fullRound = List.of(InfoLevel.LEVEL_502, InfoLevel.LEVEL_2, InfoLevel.LEVEL_10,
                InfoLevel.LEVEL_1);
        assertThat(perPoll).containsExactly(List.of(InfoLevel.LEVEL_1), List.of(InfoLevel.LEVEL_1), fullRound,
                List.of(InfoLevel.LEVEL_1), List.of(InfoLevel.LEVEL_1), fullRound);
    }

    @Test
    void climbsBackWhenRightsWereGranted() {
        ScriptedServer server = new ScriptedServer(onlyLevels(DENIED, InfoLevel.LEVEL_10));
        LevelNegotiator negotiator = new LevelNegotiator(server, 1);
        assertThat(negotiator.enumerate(EnumerationRequest.of("FS01")).level()).isEqualTo(InfoLevel.LEVEL_10);

        server.status = level -> 0L;

        assertThat(negotiator.enumerate(EnumerationRequest.of("FS01")).level()).isEqualTo(InfoLevel.LEVEL_502);
        server.asked.clear();
        negotiator.enumerate(EnumerationRequest.of("FS01"));
        assertThat(server.asked).containsExactly(InfoLevel.LEVEL_502);
    }

    @Test
    void accessDeniedFallsBackTo10Then0() {
        ScriptedServer server = new ScriptedServer(onlyLevels(DENIED, InfoLevel.LEVEL_0));

        EnumerationResult result = new LevelNegotiator(server).enumerate(EnumerationRequest.of("FS01"));

        assertThat(result.level()).isEqualTo(InfoLevel.LEVEL_0);
        assertThat(server.asked).containsExactly(InfoLevel.LEVEL_502, InfoLevel.LEVEL_10, InfoLevel.LEVEL_0);
    }

    @Test
    void deniedEverywhereIsAnAccessDeniedFailureWithTheRemedy() {
        ScriptedServer server = new ScriptedServer(level -> DENIED);

        EnumerationResult result = new LevelNegotiator(server).enumerate(EnumerationRequest.of("FS01"));

        assertThat(server.asked).containsExactly(InfoLevel.LEVEL_502, InfoLevel.LEVEL_10, InfoLevel.LEVEL_0);
        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, f -> {
            assertThat(f.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
            assertThat(f.error().remedyText()).hasValueSatisfying(r -> assertThat(r)
                    .contains("Administrators", "Server Operators", "SrvsvcSessionInfo", "FS01"));
        });
    }

    @Test
    void aServerThatDeniesEveryLevelIsAskedTheWholeChainOnlyEveryNthPoll() {
        // a non-administrator on Windows Server 2016+: denied at 502, 10 and 0
        ScriptedServer server = new ScriptedServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 5);
        List<Integer> callsPerPoll = new ArrayList<>();

        for (int poll = 1; poll <= 11; poll++) {
            int before = server.asked.size();
            EnumerationResult result = negotiator.enumerate(EnumerationRequest.of("FS01"));
            callsPerPoll.add(server.asked.size() - before);
            assertThat(result).as("poll %d", poll).isInstanceOfSatisfying(EnumerationResult.Failure.class,
                    f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED));
        }

        // 3 denied calls on polls 1, 6 and 11; none in between: 9 calls in 11 polls instead of 33
        assertThat(callsPerPoll).containsExactly(3, 0, 0, 0, 0, 3, 0, 0, 0, 0, 3);
    }

    @Test
    void aRememberedRefusalSaysWhenTheServerIsAskedAgain() {
        ScriptedServer server = new ScriptedServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 5);
        EnumerationResult.Failure first = (EnumerationResult.Failure) negotiator.enumerate(EnumerationRequest.of("FS01"));

        EnumerationResult.Failure remembered =
                (EnumerationResult.Failure) negotiator.enumerate(EnumerationRequest.of("FS01"));

        assertThat(remembered.error().message()).isEqualTo(first.error().message());
        assertThat(remembered.error().code()).isEqualTo(first.error().code());
        assertThat(remembered.level()).isEqualTo(first.level());
        assertThat(remembered.error().remedy()).startsWith(first.error().remedy())
                .endsWith("SessionWatch asks FS01 again in 4 polls, or at once when you refresh (F5).");
    }

    @Test
    void refreshingAsksARefusingServerAgainAtOnceAndAGrantSticks() {
        ScriptedServer server = new ScriptedServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 20);
        negotiator.enumerate(EnumerationRequest.of("FS01"));
        negotiator.enumerate(EnumerationRequest.of("FS01"));
        assertThat(server.asked).hasSize(3);

        server.status = level -> 0L; // rights granted; the person presses F5
        negotiator.retryRefusedNow();
        EnumerationResult afterRefresh = negotiator.enumerate(EnumerationRequest.of("FS01"));

        assertThat(afterRefresh).isInstanceOf(EnumerationResult.Success.class);
        assertThat(server.asked).hasSize(4);
        negotiator.enumerate(EnumerationRequest.of("FS01"));
        assertThat(server.asked).hasSize(5);
    }

    @Test
    void onlyTheRefusingServerBacksOffAndOnlyAccessDeniedCausesIt() {
        ScriptedServer server = new ScriptedServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 5);
        negotiator.enumerate(EnumerationRequest.of("FS01"));

        server.status = level -> (long) NetApiStatus.ERROR_BAD_NETPATH;
        negotiator.enumerate(EnumerationRequest.of("FS02"));
        negotiator.enumerate(EnumerationRequest.of("FS02"));
        negotiator.enumerate(EnumerationRequest.of("FS01"));

        // FS01: 3 calls then none; FS02 (unreachable, not refused) asked on every poll
        assertThat(server.asked).hasSize(3 + 2);
    }

    @Test
    void otherErrorsDoNotFallBack() {
        for (long status : new long[] {NetApiStatus.ERROR_BAD_NETPATH, NetApiStatus.ERROR_LOGON_FAILURE,
                NetApiStatus.RPC_S_CALL_FAILED, 9999}) {
            ScriptedServer server = new ScriptedServer(level -> status);

            EnumerationResult result = new LevelNegotiator(server).enumerate(EnumerationRequest.of("FS01"));

            assertThat(server.asked).as("status %d", status).containsExactly(InfoLevel.LEVEL_502);
            assertThat(result).isInstanceOf(EnumerationResult.Failure.class);
        }
    }

    @Test
    void neverClimbsAboveTheRequestedLevel() {
        ScriptedServer level10Invalid = new ScriptedServer(onlyLevels(INVALID, InfoLevel.LEVEL_2,
                InfoLevel.LEVEL_502, InfoLevel.LEVEL_1));
        EnumerationResult result = new LevelNegotiator(level10Invalid)
                .enumerate(EnumerationRequest.of("FS01").withLevel(InfoLevel.LEVEL_10));
        // The ceiling is the position in the fallback order 502, 2, 10, 1, 0: below 10 comes 1 (which, unlike 10,
        // carries open counts and flags), never 2 or 502.
        assertThat(level10Invalid.asked).containsExactly(InfoLevel.LEVEL_10, InfoLevel.LEVEL_1);
        assertThat(result.level()).isEqualTo(InfoLevel.LEVEL_1);

        ScriptedServer denied = new ScriptedServer(onlyLevels(DENIED, InfoLevel.LEVEL_10, InfoLevel.LEVEL_502));
        EnumerationResult deniedAt1 = new LevelNegotiator(denied)
                .enumerate(EnumerationRequest.of("FS01").withLevel(InfoLevel.LEVEL_1));
        // access denied at 1 may fall to 0, but never up to 10
        assertThat(denied.asked).containsExactly(InfoLevel.LEVEL_1, InfoLevel.LEVEL_0);
        assertThat(deniedAt1).isInstanceOf(EnumerationResult.Failure.class);

        ScriptedServer level0 = new ScriptedServer(level -> INVALID);
        new LevelNegotiator(level0).enumerate(EnumerationRequest.of("FS01").withLevel(InfoLevel.LEVEL_0));
        assertThat(level0.asked).containsExactly(InfoLevel.LEVEL_0);
    }

    @Test
    void remembersPerServerAndPerRequestedLevel() {
        ScriptedServer server = new ScriptedServer(onlyLevels(INVALID, InfoLevel.LEVEL_1, InfoLevel.LEVEL_0));
        LevelNegotiator negotiator = new LevelNegotiator(server);
        negotiator.enumerate(EnumerationRequest.of("NAS"));

        server.asked.clear();
        negotiator.enumerate(EnumerationRequest.of("OTHER"));
        assertThat(server.asked).startsWith(InfoLevel.LEVEL_502);

        server.asked.clear();
        negotiator.enumerate(EnumerationRequest.of("NAS").withLevel(InfoLevel.LEVEL_0));
        assertThat(server.asked).containsExactly(InfoLevel.LEVEL_0);
    }

    @Test
    void closesItsDelegateAndValidatesItsArgument() {
        ScriptedServer server = new ScriptedServer(level -> 0L);
        new LevelNegotiator(server).close();

        assertThat(server.closed).isTrue();
        assertThatThrownBy(() -> new LevelNegotiator(server, 0)).hasMessageContaining("retryHigherEvery")
                .hasMessageContaining("0");
    }
}
