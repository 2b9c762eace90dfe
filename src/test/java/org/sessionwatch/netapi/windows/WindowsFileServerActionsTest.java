package org.sessionwatch.netapi.windows;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.LastErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.CallerAccount;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileApiStatus;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code NetFileClose} and {@code NetSessionDel} against the scripted netapi32: the arguments as Windows wants them,
 * every status as an outcome with explanation and remedy, input refused before anything is sent, and the calls made
 * as the configured account like every other call.
 */
class WindowsFileServerActionsTest {

    private static final String CLOSE = "NetFileClose";
    private static final String DEL = "NetSessionDel";

    private final ScriptedNetApi netapi = new ScriptedNetApi();
    private final WindowsFileServer server = new WindowsFileServer("FS01", netapi);

    @AfterEach
    void everythingScriptedWasUsed() {
        netapi.assertAllStepsUsed();
        netapi.assertEveryBufferFreedOnce();
    }

    private static ActionResult.Refused refused(ActionResult result) {
        assertThat(result).isInstanceOf(ActionResult.Refused.class);
        return (ActionResult.Refused) result;
    }

    @Test
    void closingAFileWithAnIdAbove2To31PassesTheSameBitsAndIsDone() {
        netapi.answerAction(CLOSE, 0);

        assertThat(server.closeFile(0xF000_0001L)).isEqualTo(new ActionResult.Done());
        assertThat(netapi.actionCalls()).containsExactly(
                new ScriptedNetApi.ActionCall(CLOSE, "\\\\FS01", 0xF000_0001, null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {FileApiStatus.ERROR_FILE_NOT_FOUND, FileApiStatus.NERR_FILE_ID_NOT_FOUND})
    void aFileNoLongerOpenIsAlreadyGoneWithItsUnsignedId(int status) {
        netapi.answerAction(CLOSE, status);

        assertThat(server.closeFile(4_026_531_841L))
                .isEqualTo(new ActionResult.AlreadyGone("File 4026531841 is no longer open on FS01."));
    }

    @Test
    void aDeniedCloseNamesTheGroupsTheAccountNeeds() {
        netapi.answerAction(CLOSE, NetApiStatus.ERROR_ACCESS_DENIED);

        ActionResult.Refused refused = refused(server.closeFile(7));

        assertThat(refused.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(refused.error().message()).isEqualTo("Access denied: your account may not close files on FS01.");
        assertThat(refused.error().remedy()).contains("Administrators or Server Operators", "FS01");
    }

    @ParameterizedTest
    @ValueSource(ints = {NetApiStatus.ERROR_BAD_NETPATH, NetApiStatus.RPC_S_SERVER_UNAVAILABLE})
    void anUnreachableServerRefusesTheCloseWithTheSharedWording(int status) {
        netapi.answerAction(CLOSE, status);

        assertThat(refused(server.closeFile(7)).error()).isEqualTo(NetApiStatus.toError(status, "FS01"));
    }

    @Test
    void aLogonFailureOnCloseIsExplainedForTheSignedInUser() {
        netapi.answerAction(CLOSE, NetApiStatus.ERROR_LOGON_FAILURE);

        assertThat(refused(server.closeFile(7)).error()).isEqualTo(
                NetApiStatus.toError(NetApiStatus.ERROR_LOGON_FAILURE, "FS01", CallerAccount.WINDOWS_SIGN_IN));
    }

    @Test
    void anIdThatIsNoDwordIsRefusedWithoutAskingTheServer() {
        assertThat(refused(server.closeFile(-1)).error().message()).contains("-1 is not a file id", "4294967295");
        assertThat(refused(server.closeFile(1L << 32)).error().remedy()).isEqualTo("Correct the file id.");
        assertThat(netapi.actionCalls()).isEmpty();
    }

    @Test
    void aCrashInNetFileCloseIsARefusalInPlainWords() {
        netapi.crashAction(CLOSE, new LastErrorException(6));

        ActionResult.Refused refused = refused(server.closeFile(7));

        assertThat(refused.error().kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(refused.error().message()).isEqualTo("Closing file 7 on FS01 failed inside Windows' network"
                + " library.");
    }

    @Test
    void endingASessionPassesTheClientAsUncAndTheUser() {
        netapi.answerAction(DEL, 0).answerAction(DEL, 0).answerAction(DEL, 0);

        assertThat(server.endSession("10.0.0.5", "bob")).isEqualTo(new ActionResult.Done());
        assertThat(server.endSession("\\\\PC7", null)).isEqualTo(new ActionResult.Done());
        assertThat(server.endSession(" ", "carol")).isEqualTo(new ActionResult.Done());

        assertThat(netapi.actionCalls()).containsExactly(
                new ScriptedNetApi.ActionCall(DEL, "\\\\FS01", null, "\\\\10.0.0.5", "bob"),
                new ScriptedNetApi.ActionCall(DEL, "\\\\FS01", null, "\\\\PC7", null),
                new ScriptedNetApi.ActionCall(DEL, "\\\\FS01", null, null, "carol"));
    }

    @Test
    void noSuchClientOrUserIsAlreadyGone() {
        netapi.answerAction(DEL, NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND)
                .answerAction(DEL, NetApiStatus.NERR_USER_NOT_FOUND);

        assertThat(server.endSession("\\\\10.0.0.5", null))
                .isEqualTo(new ActionResult.AlreadyGone("There is no session from client 10.0.0.5 on FS01 any more."));
        assertThat(server.endSession(null, "bob"))
                .isEqualTo(new ActionResult.AlreadyGone("There is no session of user bob on FS01 any more."));
    }

    @Test
    void aDeniedSessionDeleteNamesTheGroups() {
        netapi.answerAction(DEL, NetApiStatus.ERROR_ACCESS_DENIED);

        ActionResult.Refused refused = refused(server.endSession("PC7", "bob"));

        assertThat(refused.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(refused.error().message()).contains("may not end sessions on FS01");
        assertThat(refused.error().remedy()).contains("Administrators or Server Operators");
    }

    @Test
    void anUnreachableServerRefusesTheSessionDelete() {
        netapi.answerAction(DEL, NetApiStatus.ERROR_BAD_NETPATH);

        assertThat(refused(server.endSession("PC7", null)).error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
    }

    @Test
    void neitherClientNorUserIsRefusedWithoutAskingBecauseItWouldEndEverySession() {
        ActionResult.Refused refused = refused(server.endSession(null, "  "));

        assertThat(refused.error().message()).contains("every session on FS01");
        assertThat(netapi.actionCalls()).isEmpty();
    }

    @Test
    void aNulInANameIsRefusedBeforeWindowsCouldCutItShort() {
        assertThat(refused(server.endSession("PC7", "bo\0b")).error().message()).contains("user", "NUL");
        assertThat(netapi.actionCalls()).isEmpty();
    }

    @Test
    void everyCallRunsAsTheConfiguredAccountAndIsExplainedForIt() {
        ServerConfig fs02 = new ServerConfig("FS02", Backend.AUTO, true, 445, "helpdesk", "CORP", true);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store("CORP\\helpdesk@fs02", "s3cret".toCharArray());
        List<String> events = new ArrayList<>();
        ScriptedLogon advapi32 = new ScriptedLogon(events);
        NetApiNative observed = new ObservedNetApi(netapi, (s, level) -> events.add("NetSessionEnum"),
                (function, name) -> events.add(function + " " + name
                        + (advapi32.impersonating() ? " as helpdesk" : " as self")));
        WindowsFileServer fs = new WindowsFileServer("FS02", () -> observed,
                WindowsIdentities.forServer(fs02, store, () -> advapi32));
        netapi.answerFiles(FileInfoLevel.LEVEL_3, 0, 0, List.of(FileBuffer.Entry.of(1, "D:\\a.txt", "bob")), 0)
                .answerAction(CLOSE, NetApiStatus.ERROR_LOGON_FAILURE)
                .answerAction(DEL, 0);

        assertThat(fs.listOpenFiles(OpenFilesRequest.of("FS02"))).isInstanceOf(OpenFilesResult.Success.class);
        ActionResult close = fs.closeFile(1);
        assertThat(fs.endSession("PC7", "bob")).isEqualTo(new ActionResult.Done());

        assertThat(events).filteredOn(e -> e.startsWith("Net")).containsExactly("NetFileEnum \\\\FS02 as helpdesk",
                "NetFileClose \\\\FS02 as helpdesk", "NetSessionDel \\\\FS02 as helpdesk");
        assertThat(events).filteredOn(e -> e.startsWith("RevertToSelf")).hasSize(3);
        assertThat(events).filteredOn(e -> e.startsWith("CloseHandle")).hasSize(3);
        assertThat(refused(close).error()).isEqualTo(NetApiStatus.toError(NetApiStatus.ERROR_LOGON_FAILURE, "FS02",
                CallerAccount.WINDOWS_CONFIGURED));
        assertThat(advapi32.impersonating()).isFalse();
    }

    @Test
    void withoutAStoredPasswordNoActionIsSentAndThePersonIsToldWhereToEnterIt() {
        ServerConfig fs02 = new ServerConfig("FS02", Backend.AUTO, true, 445, "helpdesk", "CORP", true);
        WindowsFileServer fs = new WindowsFileServer("FS02", () -> netapi,
                WindowsIdentities.forServer(fs02, new InMemoryCredentialStore(), () -> new ScriptedLogon(
                        new ArrayList<>())));

        ActionResult.Refused refused = refused(fs.endSession("PC7", null));

        assertThat(refused.error().kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(refused.error().message()).contains("No password is stored");
        assertThat(netapi.actionCalls()).isEmpty();
    }
}
