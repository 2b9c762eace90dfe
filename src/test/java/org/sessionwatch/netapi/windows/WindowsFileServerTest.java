package org.sessionwatch.netapi.windows;

import java.util.List;

import com.sun.jna.LastErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.CallerAccount;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FilterMiss;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.netapi.InfoLevel.LEVEL_0;
import static org.sessionwatch.netapi.InfoLevel.LEVEL_1;
import static org.sessionwatch.netapi.InfoLevel.LEVEL_10;
import static org.sessionwatch.netapi.InfoLevel.LEVEL_2;
import static org.sessionwatch.netapi.InfoLevel.LEVEL_502;
import static org.sessionwatch.netapi.windows.SessionBuffer.Entry;

/** Every return path of {@code NetSessionEnum}, with a scripted netapi32 that checks every buffer is freed once. */
class WindowsFileServerTest {

    private static final int MORE_DATA = NetApiStatus.ERROR_MORE_DATA;
    private static final Entry ALICE = Entry.of("\\\\10.1.2.3", "alice", 1);
    private static final Entry BOB = Entry.of("\\\\10.1.2.4", "bob", 2);
    private static final Entry CAROL = Entry.of("\\\\PC-CAROL", "carol", 3);
    private static final Entry DAVE = Entry.of("\\\\fe80::7", "dave", 4);

    private final ScriptedNetApi netapi = new ScriptedNetApi();
    private final WindowsFileServer enumerator = new WindowsFileServer("FS01", netapi);

    @AfterEach
    void everyBufferWasFreedExactlyOnce() {
        netapi.assertEveryBufferFreedOnce();
        netapi.assertAllStepsUsed();
    }

    private static List<String> users(EnumerationResult result) {
        assertThat(result).isInstanceOf(EnumerationResult.Success.class);
        return ((EnumerationResult.Success) result).sessions().stream()
                .map(s -> s.userName().orElse("<none>")).toList();
    }

    private static EnumerationResult.Failure failure(EnumerationResult result) {
        assertThat(result).isInstanceOf(EnumerationResult.Failure.class);
        return (EnumerationResult.Failure) result;
    }

    @Test
    void onePageIsDecodedAndTheArgumentsReachNetapi32AsWindowsExpectsThem() {
        netapi.answer(LEVEL_502, 0, 0, List.of(ALICE), 0);

        EnumerationResult result = enumerator.listSessions(
                new EnumerationRequest("fs01.corp.example", LEVEL_502, "\\\\10.1.2.3", "alice", 65536));

        assertThat(users(result)).containsExactly("alice");
        Session alice = ((EnumerationResult.Success) result).sessions().getFirst();
        assertThat(alice.server()).isEqualTo("fs01.corp.example");
        assertThat(alice.clientName()).contains("10.1.2.3");
        assertThat(netapi.calls()).containsExactly(
                new ScriptedNetApi.Call("\\\\fs01.corp.example", "\\\\10.1.2.3", "alice", 502, 65536, 0));
        assertThat(netapi.allocations()).isEqualTo(1);
    }

    @Test
    void withoutFiltersNullsArePassedAndTheServerSizesTheBuffer() {
        netapi.answer(LEVEL_10, 0, 0, List.of(ALICE, BOB), 0);

        EnumerationResult result = enumerator.listSessions(EnumerationRequest.of("\\\\FS01").withLevel(LEVEL_10));

        assertThat(users(result)).containsExactly("alice", "bob");
        assertThat(netapi.calls()).containsExactly(new ScriptedNetApi.Call("\\\\FS01", null, null, 10,
                NetApiStatus.MAX_PREFERRED_LENGTH, 0));
    }

    @Test
    void localhostAsksTheLocalComputerWithANullServerName() {
        netapi.answer(LEVEL_502, 0, 0, List.of(ALICE), 0);

        enumerator.listSessions(EnumerationRequest.of("LocalHost"));

        assertThat(netapi.calls().getFirst().serverName()).isNull();
        assertThat(UncServerName.of("10.1.2.3")).isEqualTo("\\\\10.1.2.3");
        assertThat(UncServerName.of(" \\\\FS01 ")).isEqualTo("\\\\FS01");
    }

    @Test
    void ipv6LiteralsBecomeTheirUncSafeIpv6LiteralNetNames() {
        assertThat(UncServerName.of("fe80::1%12"))
                .isEqualTo("\\\\fe80--1s12.ipv6-literal.net");
        assertThat(UncServerName.of("[2001:db8::5]"))
                .isEqualTo("\\\\2001-db8--5.ipv6-literal.net");
    }

    @Test
    void ipv4MappedIpv6AddressesAreAskedAtTheirIpv4Address() {
        netapi.answer(LEVEL_502, 0, 0, List.of(ALICE), 0);

        enumerator.listSessions(EnumerationRequest.of("::ffff:10.1.2.3"));

        assertThat(netapi.calls().getFirst().serverName()).isEqualTo("\\\\10.1.2.3");
        assertThat(UncServerName.of("[::FFFF:10.1.2.3]")).isEqualTo("\\\\10.1.2.3");
        assertThat(UncServerName.of("0:0:0:0:0:ffff:a01:203")).isEqualTo("\\\\10.1.2.3");
        assertThat(UncServerName.of("::ffff:10.1.2.3%4")).isEqualTo("\\\\10.1.2.3");
        // an IPv4-compatible or ordinary IPv6 address is not IPv4-mapped
        assertThat(UncServerName.of("::1")).isEqualTo("\\\\--1.ipv6-literal.net");
        assertThat(UncServerName.mappedIpv4("fs01.corp.example")).isEmpty();
        assertThat(UncServerName.mappedIpv4("12:zz")).isEmpty();
    }

    @Test
    void pagesAreFollowedWithTheResumeHandlePassedBackUnchangedAndRepeatsDropped() {
        // the fake fails the test if a call does not carry exactly the handle the previous page returned
        netapi.answer(LEVEL_502, 0, MORE_DATA, List.of(ALICE, BOB), 0x7FFF_0001)
                .answer(LEVEL_502, 0x7FFF_0001, MORE_DATA, List.of(BOB, CAROL), -2)
                .answer(LEVEL_502, -2, 0, List.of(DAVE), 99);

        EnumerationResult result = enumerator.listSessions(
                new EnumerationRequest("FS01", LEVEL_502, null, null, 4096));

        assertThat(users(result)).containsExactly("alice", "bob", "carol", "dave");
        assertThat(netapi.calls()).extracting(ScriptedNetApi.Call::resumeHandle).containsExactly(0, 0x7FFF_0001, -2);
        assertThat(netapi.calls()).extracting(ScriptedNetApi.Call::prefMaxLen).containsOnly(4096);
        assertThat(netapi.allocations()).isEqualTo(3);
    }

    @Test
    void accessDeniedIsAFailureWithThePlainMessageAndRemedy() {
        netapi.fail(LEVEL_502, NetApiStatus.ERROR_ACCESS_DENIED);

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(failure.server()).isEqualTo("FS01");
        assertThat(failure.level()).isEqualTo(LEVEL_502);
        assertThat(failure.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(failure.error().code()).isEqualTo(5);
        assertThat(failure.error().message()).contains("FS01");
        assertThat(failure.error().remedyText()).isPresent();
        assertThat(netapi.allocations()).isZero();
    }

    @Test
    void aBufferReturnedWithAnErrorStatusIsFreedToo() {
        netapi.answer(LEVEL_502, 0, NetApiStatus.ERROR_ACCESS_DENIED, List.of(), 0);

        assertThat(failure(enumerator.listSessions(EnumerationRequest.of("FS01"))).error().kind())
                .isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(netapi.allocations()).isEqualTo(1);
    }

    @Test
    void invalidLevelFallsBackThroughTheNegotiatorIn502_2_10_1_0Order() {
        netapi.fail(LEVEL_502, NetApiStatus.ERROR_INVALID_LEVEL)
                .fail(LEVEL_2, NetApiStatus.ERROR_INVALID_LEVEL)
                .fail(LEVEL_10, NetApiStatus.ERROR_INVALID_LEVEL)
                .fail(LEVEL_1, NetApiStatus.ERROR_INVALID_LEVEL)
                .answer(LEVEL_0, 0, 0, List.of(Entry.client("\\\\10.9.9.9")), 0);

        EnumerationResult result = new LevelNegotiator(enumerator).listSessions(EnumerationRequest.of("SAMBA1"));

        assertThat(netapi.calls()).extracting(ScriptedNetApi.Call::level).containsExactly(502, 2, 10, 1, 0);
        assertThat(result.level()).isEqualTo(LEVEL_0);
        Session only = ((EnumerationResult.Success) result).sessions().getFirst();
        assertThat(only.clientName()).contains("10.9.9.9");
        assertThat(only.userName()).isEmpty();
        assertThat(only.openCount()).isEmpty();
    }

    @Test
    void invalidLevelWithoutTheNegotiatorIsReportedAsSuch() {
        netapi.fail(LEVEL_502, NetApiStatus.ERROR_INVALID_LEVEL);

        assertThat(failure(enumerator.listSessions(EnumerationRequest.of("FS01"))).error().kind())
                .isEqualTo(ErrorKind.INVALID_LEVEL);
    }

    @ParameterizedTest
    @ValueSource(ints = {NetApiStatus.ERROR_BAD_NETPATH, NetApiStatus.RPC_S_SERVER_UNAVAILABLE})
    void anUnreachableServerIsAFailureValue(int status) {
        netapi.fail(LEVEL_502, status);

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS09")));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(failure.error().code()).isEqualTo(status);
        assertThat(failure.error().message()).contains("FS09");
    }

    @Test
    void aFilterThatMatchesNothingIsAnEmptyListThatSaysSo() {
        netapi.fail(LEVEL_502, NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND)
                .fail(LEVEL_502, NetApiStatus.NERR_USER_NOT_FOUND);

        EnumerationResult client = enumerator.listSessions(new EnumerationRequest("FS01", LEVEL_502, "PC-GONE", null, -1));
        EnumerationResult user = enumerator.listSessions(new EnumerationRequest("FS01", LEVEL_502, null, "alce", -1));

        assertThat(users(client)).isEmpty();
        assertThat(((EnumerationResult.Success) client).filterMiss()).isEqualTo(FilterMiss.CLIENT);
        assertThat(((EnumerationResult.Success) user).filterMiss()).isEqualTo(FilterMiss.USER);
        assertThat(netapi.calls().getFirst().uncClientName()).isEqualTo("\\\\PC-GONE");
    }

    @Test
    void aDomainQualifiedUserFilterIsReducedToTheBareNameTheServerMatches() {
        netapi.answer(LEVEL_502, 0, 0, List.of(ALICE), 0);

        enumerator.listSessions(new EnumerationRequest("FS01", LEVEL_502, null, "CORP\\alice", -1));

        assertThat(netapi.calls().getFirst().userName()).isEqualTo("alice");
        // a domain alone must stay a filter (that matches nothing), never become "all users"
        assertThat(new EnumerationRequest("FS01", LEVEL_502, null, "CORP\\", -1).user()).contains("CORP\\");
    }

    @Test
    void aLogonFailureTellsTheSignedInUserAboutTheirWindowsSignInNotAConfiguredPassword() {
        netapi.fail(LEVEL_502, NetApiStatus.ERROR_LOGON_FAILURE);

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(failure.error()).isEqualTo(NetApiStatus.toError(NetApiStatus.ERROR_LOGON_FAILURE, "FS01",
                CallerAccount.WINDOWS_SIGN_IN));
        assertThat(failure.error().remedy()).doesNotContain("Check the user name");
    }

    @ParameterizedTest
    @ValueSource(ints = {NetApiStatus.NERR_SERVER_NOT_STARTED, NetApiStatus.ERROR_SESSION_CREDENTIAL_CONFLICT,
            NetApiStatus.ERROR_NETWORK_ACCESS_DENIED, NetApiStatus.ERROR_NO_LOGON_SERVERS})
    void statusesThatUsedToFallThroughAreExplained(int status) {
        netapi.fail(LEVEL_502, status);

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(failure.error().code()).isEqualTo(status);
        assertThat(failure.error().message()).doesNotContain("failed with status");
        assertThat(failure.error().remedyText()).isPresent();
    }

    @Test
    void aDecodeErrorMidPageIsAProtocolErrorAndEveryBufferIsStillFreed() {
        Entry broken = new Entry("\\\\PC-X", "x".repeat(WideStrings.MAX_CHARS + 1), 0, 0, 0, 0, null, null);
        netapi.answer(LEVEL_502, 0, MORE_DATA, List.of(ALICE), 5)
                .answer(LEVEL_502, 5, MORE_DATA, List.of(BOB, broken, CAROL), 6);

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(failure.error().message()).contains("FS01", "entry 2 of 3");
        assertThat(netapi.allocations()).isEqualTo(2);
    }

    @Test
    void moreEntriesClaimedThanTheBufferHoldsIsRefusedBeforeAnythingIsReadAndTheBufferIsFreed() {
        netapi.answerClaiming(LEVEL_0, 0, 0, List.of(Entry.client(null)), 1000);

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")
                .withLevel(LEVEL_0)));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        // NetApiBufferSize told the real size: the claim is checked against it, not discovered entry by entry
        assertThat(failure.error().message()).contains("1000 entries", "in a buffer of");
        assertThat(netapi.sizeQueries()).isEqualTo(1);
        assertThat(netapi.allocations()).isEqualTo(1);
    }

    @Test
    void exactlyAsManyEntriesAsTheBufferHoldsAreRead() {
        // SessionBuffer allocates entries, strings and a little slack: the count claimed is what is there
        netapi.answer(LEVEL_502, 0, 0, List.of(ALICE, BOB, CAROL), 0);

        assertThat(users(enumerator.listSessions(EnumerationRequest.of("FS01")))).containsExactly("alice", "bob",
                "carol");
        assertThat(netapi.sizeQueries()).isEqualTo(1);
    }

    @Test
    void withoutABufferSizeTheClaimIsTrustedAndStillBoundedByTheMemoryRead() {
        // NetApiBufferSize failing leaves entriesRead as the only bound (the documented assumption); the fake's
        // buffer is real native memory of known size, so JNA's bounds check still stops the overrun
        netapi.sizeReturns(NetApiStatus.ERROR_INVALID_PARAMETER)
                .answerClaiming(LEVEL_0, 0, 0, List.of(Entry.client(null)), 1000);

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")
                .withLevel(LEVEL_0)));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(failure.error().message()).contains("of 1000").doesNotContain("in a buffer of");
    }

    @Test
    void aFreeThatReturnsAnErrorIsLoggedAndTheSessionsStillArrive() {
        netapi.freeReturns(NetApiStatus.ERROR_INVALID_PARAMETER)
                .answer(LEVEL_502, 0, MORE_DATA, List.of(ALICE), 1)
                .answer(LEVEL_502, 1, 0, List.of(BOB), 0);

        var captured = CapturedStderr.during(() -> enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(users(captured.value())).containsExactly("alice", "bob");
        assertThat(captured.log()).contains("NetApiBufferFree returned 87", "FS01");
        assertThat(netapi.allocations()).isEqualTo(2);
    }

    @Test
    void aFreeThatThrowsIsLoggedAndNeverHidesTheRealError() {
        Entry broken = new Entry("\\\\PC-X", "x".repeat(WideStrings.MAX_CHARS + 1), 0, 0, 0, 0, null, null);
        netapi.freeThrows(new IllegalStateException("heap corrupted"))
                .answer(LEVEL_502, 0, 0, List.of(broken), 0);

        var captured = CapturedStderr.during(() -> enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(failure(captured.value()).error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(captured.log()).contains("NetApiBufferFree failed", "heap corrupted");
    }

    @Test
    void aLastErrorExceptionFromJnaBecomesAPlainFailure() {
        netapi.crash(LEVEL_502, new LastErrorException(1722));

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(failure.error().message()).contains("FS01").doesNotContain("Exception", "GetLastError");
    }

    @Test
    void aMissingExportBecomesAPlainFailure() {
        netapi.crash(LEVEL_502, new UnsatisfiedLinkError("Error looking up function 'NetSessionEnum'"));

        EnumerationResult.Failure failure = failure(enumerator.listSessions(EnumerationRequest.of("FS01")));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(failure.error().message()).doesNotContain("UnsatisfiedLinkError", "looking up");
    }

    @Test
    void aNativeLayerThatCannotBeLoadedFailsEveryServerAndIsLoadedOnlyOnce() {
        int[] loads = {0};
        var unavailable = new org.sessionwatch.netapi.NetApiError(ErrorKind.OTHER, 0, "No netapi32 here.", null);
        OnceLoaded<NetApiNative> shared = new OnceLoaded<>(() -> {
            loads[0]++;
            throw new org.sessionwatch.netapi.NetApiException(unavailable);
        });
        WindowsFileServer broken = new WindowsFileServer("FS", shared::get);

        EnumerationResult first = broken.listSessions(EnumerationRequest.of("FS01"));
        EnumerationResult second = broken.listSessions(EnumerationRequest.of("FS02").withLevel(LEVEL_10));

        assertThat(failure(first).error()).isEqualTo(unavailable);
        assertThat(failure(second).server()).isEqualTo("FS02");
        assertThat(failure(second).level()).isEqualTo(LEVEL_10);
        assertThat(loads[0]).isEqualTo(1);
    }

    @Test
    void theSameEnumeratorServesRepeatedPolls() {
        netapi.answer(LEVEL_502, 0, 0, List.of(ALICE), 0).answer(LEVEL_502, 0, 0, List.of(ALICE, BOB), 0);

        assertThat(users(enumerator.listSessions(EnumerationRequest.of("FS01")))).containsExactly("alice");
        assertThat(users(enumerator.listSessions(EnumerationRequest.of("FS01")))).containsExactly("alice", "bob");
    }
}
