package org.sessionwatch.netapi.windows;

import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sessionwatch.netapi.CallerAccount;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.FilePermission;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.netapi.FileInfoLevel.LEVEL_2;
import static org.sessionwatch.netapi.FileInfoLevel.LEVEL_3;
import static org.sessionwatch.netapi.windows.FileBuffer.Entry;

/** Every return path of {@code NetFileEnum}, with a scripted netapi32 that checks every buffer is freed once. */
class WindowsFileServerFilesTest {

    private static final int MORE_DATA = NetApiStatus.ERROR_MORE_DATA;
    /** Samba builds ids as pid << 16 | file id: above 2^31, negative as a Java int. */
    private static final long HIGH_ID = 0xF000_0001L;
    private static final Entry BUDGET = new Entry(HIGH_ID, 0x23, 2, "D:\\Shares\\Finance\\budget.xlsx", "alice");
    private static final Entry NOTES = Entry.of(17, "D:\\Shares\\Team\\notes.docx", "bob");
    private static final Entry PLAN = Entry.of(18, "D:\\Shares\\Team\\plan.pptx", "carol");
    private static final Entry PIPE = Entry.of(19, "\\PIPE\\srvsvc", "dave");

    private final ScriptedNetApi netapi = new ScriptedNetApi();
    private final WindowsFileServer server = new WindowsFileServer("FS01", netapi);

    @AfterEach
    void everyBufferWasFreedExactlyOnce() {
        netapi.assertEveryBufferFreedOnce();
        netapi.assertAllStepsUsed();
    }

    private static List<OpenFile> files(OpenFilesResult result) {
        assertThat(result).isInstanceOf(OpenFilesResult.Success.class);
        return ((OpenFilesResult.Success) result).files();
    }

    private static OpenFilesResult.Failure failure(OpenFilesResult result) {
        assertThat(result).isInstanceOf(OpenFilesResult.Failure.class);
        return (OpenFilesResult.Failure) result;
    }

    @Test
    void theBackendNowDoesEverythingAndSaysSo() {
        assertThat(server.capabilities().supported()).containsExactlyInAnyOrder(Capability.values());
    }

    @Test
    void onceNetapi32IsKnownNotToLoadNothingIsOfferedAndEachCapabilitySaysWhy() {
        var blocked = new org.sessionwatch.netapi.NetApiError(ErrorKind.OTHER, 0, "Windows blocked jnidispatch.dll.",
                "Ask for the installation folder to be allowed.");
        WindowsFileServer unloadable = new WindowsFileServer("FS01", () -> {
            throw new org.sessionwatch.netapi.NetApiException(blocked);
        });
        assertThat(unloadable.capabilities().supported()).containsExactlyInAnyOrder(Capability.values());

        OpenFilesResult.Failure failure = failure(unloadable.listOpenFiles(OpenFilesRequest.of("FS01")));

        assertThat(failure.error()).isEqualTo(blocked);
        assertThat(unloadable.capabilities().supported()).isEmpty();
        assertThat(unloadable.capabilities().reason(Capability.CLOSE_FILE)).contains(blocked.describe());
    }

    @Test
    void level3IsDecodedWithUnsignedIdsAndTheArgumentsReachNetapi32AsWindowsExpectsThem() {
        netapi.answerFiles(LEVEL_3, 0, 0, List.of(BUDGET), 0);

        OpenFilesResult result = server.listOpenFiles(
                new OpenFilesRequest("fs01.corp.example", LEVEL_3, "D:\\Shares\\Finance", "alice", 65536));

        OpenFile budget = files(result).getFirst();
        assertThat(budget).isEqualTo(new OpenFile("fs01.corp.example", LEVEL_3, 4_026_531_841L, 0x23L, 2L,
                "D:\\Shares\\Finance\\budget.xlsx", "alice"));
        assertThat(budget.permissionSet()).containsExactly(FilePermission.READ, FilePermission.WRITE,
                FilePermission.ATTRIBUTES);
        assertThat(netapi.fileCalls()).containsExactly(new ScriptedNetApi.FileCall("\\\\fs01.corp.example",
                "D:\\Shares\\Finance", "alice", 3, 65536, 0L));
        assertThat(netapi.allocations()).isEqualTo(1);
        assertThat(netapi.sizeQueries()).isEqualTo(1);
    }

    @Test
    void level2CarriesTheIdOnly() {
        netapi.answerFiles(LEVEL_2, 0, 0, List.of(BUDGET, NOTES), 0);

        OpenFilesResult result = server.listOpenFiles(OpenFilesRequest.of("FS01").withLevel(LEVEL_2));

        assertThat(files(result)).containsExactly(OpenFile.idOnly("FS01", HIGH_ID), OpenFile.idOnly("FS01", 17));
        assertThat(((OpenFilesResult.Success) result).level()).isEqualTo(LEVEL_2);
    }

    @Test
    void withoutFiltersNullsArePassedTheServerSizesTheBufferAndLocalhostIsTheLocalComputer() {
        netapi.answerFiles(LEVEL_3, 0, 0, List.of(), 0);

        assertThat(files(server.listOpenFiles(OpenFilesRequest.of("localhost")))).isEmpty();
        assertThat(netapi.fileCalls()).containsExactly(new ScriptedNetApi.FileCall(null, null, null, 3,
                NetApiStatus.MAX_PREFERRED_LENGTH, 0L));
    }

    @Test
    void aNullStringIsAnAbsentValueNotAnEmptyOne() {
        netapi.answerFiles(LEVEL_3, 0, 0, List.of(new Entry(5, 0, 0, null, null)), 0);

        OpenFile file = files(server.listOpenFiles(OpenFilesRequest.of("FS01"))).getFirst();

        assertThat(file.pathName()).isEmpty();
        assertThat(file.userName()).isEmpty();
        assertThat(file.lockCount()).hasValue(0);
    }

    @Test
    void pagesAreFollowedWithThePointerSizedResumeHandlePassedBackUnchangedAndRepeatsDropped() {
        // PDWORD_PTR: in a 64-bit process the handle has 64 bits; a handle cut to 32 would fail the fake's check
        long second = Native.POINTER_SIZE == 8 ? 0x1_0000_0001L : 0x8000_0001L;
        long third = Native.POINTER_SIZE == 8 ? 0xFFFF_FFFF_FFFF_FFFEL : 0xFFFF_FFFEL;
        netapi.answerFiles(LEVEL_3, 0, MORE_DATA, List.of(BUDGET, NOTES), second)
                .answerFiles(LEVEL_3, second, MORE_DATA, List.of(NOTES, PLAN), third)
                .answerFiles(LEVEL_3, third, 0, List.of(PIPE), 99);

        OpenFilesResult result = server.listOpenFiles(new OpenFilesRequest("FS01", LEVEL_3, null, null, 4096));

        assertThat(files(result)).extracting(OpenFile::id).containsExactly(HIGH_ID, 17L, 18L, 19L);
        assertThat(netapi.fileCalls()).extracting(ScriptedNetApi.FileCall::resumeHandle)
                .containsExactly(0L, second, third);
        assertThat(netapi.fileCalls()).extracting(ScriptedNetApi.FileCall::prefMaxLen).containsOnly(4096);
        assertThat(netapi.allocations()).isEqualTo(3);
    }

    @Test
    void accessDeniedNamesTheGroupsTheAccountNeeds() {
        netapi.failFiles(LEVEL_3, NetApiStatus.ERROR_ACCESS_DENIED);

        OpenFilesResult.Failure failure = failure(server.listOpenFiles(OpenFilesRequest.of("FS01")));

        assertThat(failure.server()).isEqualTo("FS01");
        assertThat(failure.level()).isEqualTo(LEVEL_3);
        assertThat(failure.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(failure.error().code()).isEqualTo(5);
        assertThat(failure.error().message()).isEqualTo("Access denied: your account may not list the open files on"
                + " FS01.");
        assertThat(failure.error().remedy()).contains("Administrators or Server Operators", "FS01");
        assertThat(netapi.allocations()).isZero();
    }

    @Test
    void aBufferReturnedWithAnErrorStatusIsFreedToo() {
        netapi.answerFiles(LEVEL_3, 0, NetApiStatus.ERROR_ACCESS_DENIED, List.of(NOTES), 0);

        assertThat(failure(server.listOpenFiles(OpenFilesRequest.of("FS01"))).error().kind())
                .isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(netapi.allocations()).isEqualTo(1);
    }

    @Test
    void anErrorOnALaterPageFreesTheEarlierMoreDataBufferAndItsOwn() {
        netapi.answerFiles(LEVEL_3, 0, MORE_DATA, List.of(BUDGET), 7)
                .answerFiles(LEVEL_3, 7, NetApiStatus.RPC_S_SERVER_UNAVAILABLE, List.of(NOTES), 0);

        assertThat(failure(server.listOpenFiles(OpenFilesRequest.of("FS01"))).error().kind())
                .isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(netapi.allocations()).isEqualTo(2);
    }

    @Test
    void invalidLevelIsReportedAsSuchAndTheNegotiatorFallsBackToLevel2() {
        netapi.failFiles(LEVEL_3, NetApiStatus.ERROR_INVALID_LEVEL)
                .failFiles(LEVEL_3, NetApiStatus.ERROR_INVALID_LEVEL)
                .answerFiles(LEVEL_2, 0, 0, List.of(NOTES), 0);

        assertThat(failure(server.listOpenFiles(OpenFilesRequest.of("FS01"))).error().kind())
                .isEqualTo(ErrorKind.INVALID_LEVEL);
        OpenFilesResult fallback = new LevelNegotiator(server).listOpenFiles(OpenFilesRequest.of("FS01"));

        assertThat(files(fallback)).containsExactly(OpenFile.idOnly("FS01", 17));
        assertThat(netapi.fileCalls()).extracting(ScriptedNetApi.FileCall::level).containsExactly(3, 3, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {NetApiStatus.ERROR_BAD_NETPATH, NetApiStatus.RPC_S_SERVER_UNAVAILABLE,
            NetApiStatus.ERROR_HOST_UNREACHABLE, NetApiStatus.ERROR_BAD_NET_NAME})
    void anUnreachableServerKeepsTheSharedWording(int status) {
        netapi.failFiles(LEVEL_3, status);

        OpenFilesResult.Failure failure = failure(server.listOpenFiles(OpenFilesRequest.of("FS09")));

        assertThat(failure.error()).isEqualTo(NetApiStatus.toError(status, "FS09"));
        assertThat(failure.error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {NetApiStatus.ERROR_LOGON_FAILURE, NetApiStatus.ERROR_SESSION_CREDENTIAL_CONFLICT,
            NetApiStatus.ERROR_NETWORK_ACCESS_DENIED, NetApiStatus.ERROR_NO_LOGON_SERVERS,
            NetApiStatus.NERR_SERVER_NOT_STARTED})
    void accountAndServiceProblemsAreExplainedForTheSignedInUser(int status) {
        netapi.failFiles(LEVEL_3, status);

        OpenFilesResult.Failure failure = failure(server.listOpenFiles(OpenFilesRequest.of("FS01")));

        assertThat(failure.error()).isEqualTo(NetApiStatus.toError(status, "FS01", CallerAccount.WINDOWS_SIGN_IN));
        assertThat(failure.error().message()).doesNotContain("failed with status");
        assertThat(failure.error().remedyText()).isPresent();
    }

    @Test
    void anUnknownStatusSaysWhatWasBeingDone() {
        netapi.failFiles(LEVEL_3, 1234);

        assertThat(failure(server.listOpenFiles(OpenFilesRequest.of("FS01"))).error().message())
                .isEqualTo("Listing the open files on FS01 failed with status 1234.");
    }

    @Test
    void aUserFilterThatMatchesNothingIsAnEmptyList() {
        netapi.failFiles(LEVEL_3, NetApiStatus.NERR_USER_NOT_FOUND);

        assertThat(files(server.listOpenFiles(new OpenFilesRequest("FS01", LEVEL_3, null, "nobody", -1)))).isEmpty();
    }

    @Test
    void aDecodeErrorMidPageIsAProtocolErrorNamingTheEntryAndEveryBufferIsStillFreed() {
        Entry broken = Entry.of(20, "x".repeat(WideStrings.MAX_CHARS + 1), "eve");
        netapi.answerFiles(LEVEL_3, 0, MORE_DATA, List.of(BUDGET), 5)
                .answerFiles(LEVEL_3, 5, MORE_DATA, List.of(NOTES, broken, PLAN), 6);

        OpenFilesResult.Failure failure = failure(server.listOpenFiles(OpenFilesRequest.of("FS01")));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(failure.error().message()).contains("FS01", "file entry 2 of 3");
        assertThat(netapi.allocations()).isEqualTo(2);
    }

    @Test
    void moreEntriesClaimedThanTheBufferHoldsIsRefusedBeforeAnythingIsReadAndTheBufferIsFreed() {
        netapi.answerFilesClaiming(LEVEL_2, 0, List.of(NOTES), 1000);

        OpenFilesResult.Failure failure = failure(server.listOpenFiles(OpenFilesRequest.of("FS01")
                .withLevel(LEVEL_2)));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(failure.error().message()).contains("1000 entries of 4 bytes", "in a buffer of");
        assertThat(netapi.allocations()).isEqualTo(1);
    }

    @Test
    void aFreeThatFailsIsLoggedAndNeverHidesTheFilesOrTheRealError() {
        netapi.freeReturns(NetApiStatus.ERROR_INVALID_PARAMETER)
                .answerFiles(LEVEL_3, 0, MORE_DATA, List.of(BUDGET), 1)
                .answerFiles(LEVEL_3, 1, 0, List.of(NOTES), 0);

        var captured = CapturedStderr.during(() -> server.listOpenFiles(OpenFilesRequest.of("FS01")));

        assertThat(files(captured.value())).hasSize(2);
        assertThat(captured.log()).contains("NetApiBufferFree returned 87", "FS01");
    }

    @Test
    void aFreeThatThrowsIsLoggedAfterADecodeErrorWhichStaysTheResult() {
        netapi.freeThrows(new IllegalStateException("heap corrupted"))
                .answerFiles(LEVEL_3, 0, 0, List.of(Entry.of(1, "y".repeat(WideStrings.MAX_CHARS + 1), "eve")), 0);

        var captured = CapturedStderr.during(() -> server.listOpenFiles(OpenFilesRequest.of("FS01")));

        assertThat(failure(captured.value()).error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(captured.log()).contains("NetApiBufferFree failed", "heap corrupted");
    }

    @Test
    void aLastErrorExceptionFromJnaBecomesAPlainFailure() {
        netapi.crashFiles(LEVEL_3, new LastErrorException(1722));

        OpenFilesResult.Failure failure = failure(server.listOpenFiles(OpenFilesRequest.of("FS01")));

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(failure.error().message()).isEqualTo("Listing the open files on FS01 failed inside Windows'"
                + " network library.");
    }

    @Test
    void aNulInAFilterIsRefusedBeforeNetapi32IsAsked() {
        OpenFilesResult.Failure failure = failure(server.listOpenFiles(
                new OpenFilesRequest("FS01", LEVEL_3, "D:\\Shares\0\\Finance", null, -1)));

        assertThat(failure.error().message()).contains("path filter", "NUL");
        assertThat(netapi.fileCalls()).isEmpty();
    }
}
