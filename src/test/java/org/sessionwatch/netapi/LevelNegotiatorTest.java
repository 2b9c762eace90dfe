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
    private static final class LevelServer implements FileServer {
        final List<InfoLevel> asked = new ArrayList<>();
        Function<InfoLevel, Long> status;
        boolean closed;

        LevelServer(Function<InfoLevel, Long> status) {
            this.status = status;
        }

        @Override
        public String name() {
            return "FS01";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.all();
        }

        @Override
        public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
            return new OpenFilesResult.Success(request.server(), request.level(), List.of(OpenFile.idOnly("FS01", 7)));
        }

        @Override
        public ActionResult closeFile(long fileId) {
            return new ActionResult.AlreadyGone("file " + fileId);
        }

        @Override
        public ActionResult endSession(String client, String user) {
            return new ActionResult.Done();
        }

        @Override
        public EnumerationResult listSessions(EnumerationRequest request) {
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
        LevelServer samba = new LevelServer(onlyLevels(INVALID, InfoLevel.LEVEL_0, InfoLevel.LEVEL_1));
        LevelNegotiator negotiator = new LevelNegotiator(samba, 5);

        EnumerationResult first = negotiator.listSessions(EnumerationRequest.of("NAS"));

        assertThat(first).isInstanceOf(EnumerationResult.Success.class);
        assertThat(first.level()).isEqualTo(InfoLevel.LEVEL_1);
        assertThat(samba.asked).containsExactly(InfoLevel.LEVEL_502, InfoLevel.LEVEL_2, InfoLevel.LEVEL_10,
                InfoLevel.LEVEL_1);
        assertThat(negotiator.rememberedLevel("nas")).hasValue(InfoLevel.LEVEL_1);

        samba.asked.clear();
        assertThat(negotiator.listSessions(EnumerationRequest.of("\\\\NAS")).level()).isEqualTo(InfoLevel.LEVEL_1);
        assertThat(samba.asked).containsExactly(InfoLevel.LEVEL_1);
    }

    @Test
    void retriesTheRequestedLevelEveryNthPoll() {
        LevelServer samba = new LevelServer(onlyLevels(INVALID, InfoLevel.LEVEL_1));
        LevelNegotiator negotiator = new LevelNegotiator(samba, 3);
        negotiator.listSessions(EnumerationRequest.of("NAS"));

        List<List<InfoLevel>> perPoll = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            samba.asked.clear();
            negotiator.listSessions(EnumerationRequest.of("NAS"));
            perPoll.add(List.copyOf(samba.asked));
        }

        List<InfoLevel> fullRound = List.of(InfoLevel.LEVEL_502, InfoLevel.LEVEL_2, InfoLevel.LEVEL_10,
                InfoLevel.LEVEL_1);
        assertThat(perPoll).containsExactly(List.of(InfoLevel.LEVEL_1), List.of(InfoLevel.LEVEL_1), fullRound,
                List.of(InfoLevel.LEVEL_1), List.of(InfoLevel.LEVEL_1), fullRound);
    }

    @Test
    void climbsBackWhenRightsWereGranted() {
        LevelServer server = new LevelServer(onlyLevels(DENIED, InfoLevel.LEVEL_10));
        LevelNegotiator negotiator = new LevelNegotiator(server, 1);
        assertThat(negotiator.listSessions(EnumerationRequest.of("FS01")).level()).isEqualTo(InfoLevel.LEVEL_10);

        server.status = level -> 0L;

        assertThat(negotiator.listSessions(EnumerationRequest.of("FS01")).level()).isEqualTo(InfoLevel.LEVEL_502);
        server.asked.clear();
        negotiator.listSessions(EnumerationRequest.of("FS01"));
        assertThat(server.asked).containsExactly(InfoLevel.LEVEL_502);
    }

    @Test
    void accessDeniedFallsBackTo10Then0() {
        LevelServer server = new LevelServer(onlyLevels(DENIED, InfoLevel.LEVEL_0));

        EnumerationResult result = new LevelNegotiator(server).listSessions(EnumerationRequest.of("FS01"));

        assertThat(result.level()).isEqualTo(InfoLevel.LEVEL_0);
        assertThat(server.asked).containsExactly(InfoLevel.LEVEL_502, InfoLevel.LEVEL_10, InfoLevel.LEVEL_0);
    }

    @Test
    void deniedEverywhereIsAnAccessDeniedFailureWithTheRemedy() {
        LevelServer server = new LevelServer(level -> DENIED);

        EnumerationResult result = new LevelNegotiator(server).listSessions(EnumerationRequest.of("FS01"));

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
        LevelServer server = new LevelServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 5);
        List<Integer> callsPerPoll = new ArrayList<>();

        for (int poll = 1; poll <= 11; poll++) {
            int before = server.asked.size();
            EnumerationResult result = negotiator.listSessions(EnumerationRequest.of("FS01"));
            callsPerPoll.add(server.asked.size() - before);
            assertThat(result).as("poll %d", poll).isInstanceOfSatisfying(EnumerationResult.Failure.class,
                    f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED));
        }

        // 3 denied calls on polls 1, 6 and 11; none in between: 9 calls in 11 polls instead of 33
        assertThat(callsPerPoll).containsExactly(3, 0, 0, 0, 0, 3, 0, 0, 0, 0, 3);
    }

    @Test
    void aRememberedRefusalSaysWhenTheServerIsAskedAgain() {
        LevelServer server = new LevelServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 5);
        EnumerationResult.Failure first = (EnumerationResult.Failure) negotiator.listSessions(EnumerationRequest.of("FS01"));

        EnumerationResult.Failure remembered =
                (EnumerationResult.Failure) negotiator.listSessions(EnumerationRequest.of("FS01"));

        assertThat(remembered.error().message()).isEqualTo(first.error().message());
        assertThat(remembered.error().code()).isEqualTo(first.error().code());
        assertThat(remembered.level()).isEqualTo(first.level());
        assertThat(remembered.error().remedy()).startsWith(first.error().remedy())
                .endsWith("SessionWatch asks FS01 again in 4 polls, or at once when you refresh (F5).");
    }

    @Test
    void refreshingAsksARefusingServerAgainAtOnceAndAGrantSticks() {
        LevelServer server = new LevelServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 20);
        negotiator.listSessions(EnumerationRequest.of("FS01"));
        negotiator.listSessions(EnumerationRequest.of("FS01"));
        assertThat(server.asked).hasSize(3);

        server.status = level -> 0L; // rights granted; the person presses F5
        negotiator.retryRefusedNow();
        EnumerationResult afterRefresh = negotiator.listSessions(EnumerationRequest.of("FS01"));

        assertThat(afterRefresh).isInstanceOf(EnumerationResult.Success.class);
        assertThat(server.asked).hasSize(4);
        negotiator.listSessions(EnumerationRequest.of("FS01"));
        assertThat(server.asked).hasSize(5);
    }

    @Test
    void onlyTheRefusingServerBacksOffAndOnlyAccessDeniedCausesIt() {
        LevelServer server = new LevelServer(level -> DENIED);
        LevelNegotiator negotiator = new LevelNegotiator(server, 5);
        negotiator.listSessions(EnumerationRequest.of("FS01"));

        server.status = level -> (long) NetApiStatus.ERROR_BAD_NETPATH;
        negotiator.listSessions(EnumerationRequest.of("FS02"));
        negotiator.listSessions(EnumerationRequest.of("FS02"));
        negotiator.listSessions(EnumerationRequest.of("FS01"));

        // FS01: 3 calls then none; FS02 (unreachable, not refused) asked on every poll
        assertThat(server.asked).hasSize(3 + 2);
    }

    @Test
    void otherErrorsDoNotFallBack() {
        for (long status : new long[] {NetApiStatus.ERROR_BAD_NETPATH, NetApiStatus.ERROR_LOGON_FAILURE,
                NetApiStatus.RPC_S_CALL_FAILED, 9999}) {
            LevelServer server = new LevelServer(level -> status);

            EnumerationResult result = new LevelNegotiator(server).listSessions(EnumerationRequest.of("FS01"));

            assertThat(server.asked).as("status %d", status).containsExactly(InfoLevel.LEVEL_502);
            assertThat(result).isInstanceOf(EnumerationResult.Failure.class);
        }
    }

    @Test
    void neverClimbsAboveTheRequestedLevel() {
        LevelServer level10Invalid = new LevelServer(onlyLevels(INVALID, InfoLevel.LEVEL_2,
                InfoLevel.LEVEL_502, InfoLevel.LEVEL_1));
        EnumerationResult result = new LevelNegotiator(level10Invalid)
                .listSessions(EnumerationRequest.of("FS01").withLevel(InfoLevel.LEVEL_10));
        // The ceiling is the position in the fallback order 502, 2, 10, 1, 0: below 10 comes 1 (which, unlike 10,
        // carries open counts and flags), never 2 or 502.
        assertThat(level10Invalid.asked).containsExactly(InfoLevel.LEVEL_10, InfoLevel.LEVEL_1);
        assertThat(result.level()).isEqualTo(InfoLevel.LEVEL_1);

        LevelServer denied = new LevelServer(onlyLevels(DENIED, InfoLevel.LEVEL_10, InfoLevel.LEVEL_502));
        EnumerationResult deniedAt1 = new LevelNegotiator(denied)
                .listSessions(EnumerationRequest.of("FS01").withLevel(InfoLevel.LEVEL_1));
        // access denied at 1 may fall to 0, but never up to 10
        assertThat(denied.asked).containsExactly(InfoLevel.LEVEL_1, InfoLevel.LEVEL_0);
        assertThat(deniedAt1).isInstanceOf(EnumerationResult.Failure.class);

        LevelServer level0 = new LevelServer(level -> INVALID);
        new LevelNegotiator(level0).listSessions(EnumerationRequest.of("FS01").withLevel(InfoLevel.LEVEL_0));
        assertThat(level0.asked).containsExactly(InfoLevel.LEVEL_0);
    }

    @Test
    void remembersPerServerAndPerRequestedLevel() {
        LevelServer server = new LevelServer(onlyLevels(INVALID, InfoLevel.LEVEL_1, InfoLevel.LEVEL_0));
        LevelNegotiator negotiator = new LevelNegotiator(server);
        negotiator.listSessions(EnumerationRequest.of("NAS"));

        server.asked.clear();
        negotiator.listSessions(EnumerationRequest.of("OTHER"));
        assertThat(server.asked).startsWith(InfoLevel.LEVEL_502);

        server.asked.clear();
        negotiator.listSessions(EnumerationRequest.of("NAS").withLevel(InfoLevel.LEVEL_0));
        assertThat(server.asked).containsExactly(InfoLevel.LEVEL_0);
    }

    @Test
    void passesEverythingButSessionsToTheServerUnchanged() {
        LevelNegotiator negotiator = new LevelNegotiator(new LevelServer(level -> 0L));
        assertThat(negotiator.name()).isEqualTo("FS01");
        assertThat(negotiator.capabilities()).isEqualTo(Capabilities.all());
        assertThat(negotiator.listOpenFiles(OpenFilesRequest.of("FS01")))
                .isEqualTo(new OpenFilesResult.Success("FS01", FileInfoLevel.LEVEL_3, List.of(OpenFile.idOnly("FS01", 7))));
        assertThat(negotiator.closeFile(4_026_531_841L)).isEqualTo(new ActionResult.AlreadyGone("file 4026531841"));
        assertThat(negotiator.endSession("pc1", null)).isEqualTo(new ActionResult.Done());
    }

    @Test
    void closesItsDelegateAndValidatesItsArgument() {
        LevelServer server = new LevelServer(level -> 0L);
        new LevelNegotiator(server).close();

        assertThat(server.closed).isTrue();
        assertThatThrownBy(() -> new LevelNegotiator(server, 0)).hasMessageContaining("retryHigherEvery")
                .hasMessageContaining("0");
    }
}
