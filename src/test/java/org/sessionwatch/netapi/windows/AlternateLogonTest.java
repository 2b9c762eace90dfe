package org.sessionwatch.netapi.windows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.CallerAccount;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionwatch.netapi.InfoLevel.LEVEL_502;

/**
 * A server with a user name is polled through netapi32 as that account (runas /netonly): every path of the logon,
 * impersonation and call, against scripted advapi32/kernel32 and netapi32 stand-ins that record the order of calls.
 */
class AlternateLogonTest {

    private static final ServerConfig FS02 =
            new ServerConfig("FS02", Backend.AUTO, true, 445, "helpdesk", "CORP", true);

    private final List<String> events = new ArrayList<>();
    private final ScriptedLogon advapi32 = new ScriptedLogon(events);
    private final ScriptedNetApi netapi = new ScriptedNetApi();
    private final InMemoryCredentialStore store = new InMemoryCredentialStore();

    /** Records each NetSessionEnum into the shared event list, with whether it ran impersonated. */
    private final NetApiNative recordingNetapi = new ObservedNetApi(netapi, (server, level) ->
            events.add("NetSessionEnum " + server + (advapi32.impersonating() ? " as helpdesk" : " as self")));

    private WindowsFileServer enumerator() {
        return new WindowsFileServer("FS", () -> recordingNetapi,
                WindowsIdentities.forServer(FS02, store, () -> advapi32));
    }

    private EnumerationResult poll() {
        return enumerator().listSessions(EnumerationRequest.of("FS02"));
    }

    @Test
    void theCallRunsImpersonatedAndIsRevertedAndTheTokenClosedAfterwards() {
        store.store("CORP\\helpdesk@fs02", "s3cret".toCharArray());
        netapi.answer(LEVEL_502, 0, 0, List.of(SessionBuffer.Entry.of("\\\\10.1.2.3", "alice", 1)), 0);

        EnumerationResult result = poll();

        assertThat(result).isInstanceOf(EnumerationResult.Success.class);
        assertThat(events).containsExactly("LogonUser CORP\\helpdesk password=s3cret", "Impersonate token1",
                "NetSessionEnum \\\\FS02 as helpdesk", "RevertToSelf", "CloseHandle token1");
        assertThat(advapi32.passwordArray()).containsOnly('\0');
        assertThat(advapi32.impersonating()).isFalse();
        netapi.assertEveryBufferFreedOnce();
    }

    @Test
    void everyPollLogsOnAfreshSoAChangedPasswordIsUsedAtOnce() {
        store.store("CORP\\helpdesk@fs02", "old".toCharArray());
        netapi.answer(LEVEL_502, 0, 0, List.of(), 0).answer(LEVEL_502, 0, 0, List.of(), 0);
        WindowsFileServer enumerator = enumerator();

        enumerator.listSessions(EnumerationRequest.of("FS02"));
        store.store("CORP\\helpdesk@fs02", "new".toCharArray());
        enumerator.listSessions(EnumerationRequest.of("FS02"));

        assertThat(events).filteredOn(e -> e.startsWith("LogonUser"))
                .containsExactly("LogonUser CORP\\helpdesk password=old", "LogonUser CORP\\helpdesk password=new");
        assertThat(events).filteredOn(e -> e.startsWith("CloseHandle"))
                .containsExactly("CloseHandle token1", "CloseHandle token2");
    }

    @Test
    void withoutAStoredPasswordNothingIsCalledAndThePersonIsToldWhereToEnterIt() {
        EnumerationResult.Failure failure = failure(poll());

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(failure.error().message()).contains("No password is stored for CORP\\helpdesk", "FS02");
        assertThat(failure.error().remedy()).contains("server settings", store.description());
        assertThat(events).isEmpty();
    }

    @Test
    void aRefusedLogonIsExplainedForTheConfiguredAccountAndNothingElseRuns() {
        store.store("CORP\\helpdesk@fs02", "x".toCharArray());
        advapi32.failLogon(NetApiStatus.ERROR_LOGON_FAILURE);

        EnumerationResult.Failure failure = failure(poll());

        assertThat(failure.error()).isEqualTo(
                NetApiStatus.toError(NetApiStatus.ERROR_LOGON_FAILURE, "FS02", CallerAccount.WINDOWS_CONFIGURED));
        assertThat(events).containsExactly("LogonUser CORP\\helpdesk password=x");
        assertThat(advapi32.passwordArray()).containsOnly('\0');
    }

    @Test
    void anUnexplainedLogonErrorStillNamesTheAccount() {
        store.store("CORP\\helpdesk@fs02", "x".toCharArray());
        advapi32.failLogon(NetApiStatus.ERROR_INVALID_PARAMETER);

        EnumerationResult.Failure failure = failure(poll());

        assertThat(failure.error().kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(failure.error().code()).isEqualTo(NetApiStatus.ERROR_INVALID_PARAMETER);
        assertThat(failure.error().message()).contains("could not log on as CORP\\helpdesk for FS02");
    }

    @Test
    void aFailedImpersonationStillRevertsAndClosesAndNeverCallsTheServer() {
        store.store("CORP\\helpdesk@fs02", "x".toCharArray());
        advapi32.failImpersonation(1346); // ERROR_BAD_IMPERSONATION_LEVEL

        EnumerationResult.Failure failure = failure(poll());

        assertThat(failure.error().code()).isEqualTo(1346);
        assertThat(failure.error().message()).contains("act as CORP\\helpdesk for FS02");
        assertThat(events).containsExactly("LogonUser CORP\\helpdesk password=x", "Impersonate token1",
                "RevertToSelf", "CloseHandle token1");
    }

    @Test
    void anImpersonationThatThrowsInJnaIsAPlainFailureAndStillReverts() {
        store.store("CORP\\helpdesk@fs02", "x".toCharArray());
        advapi32.throwOnImpersonation(new IllegalStateException("invalid memory access"));

        EnumerationResult.Failure failure = failure(poll());

        assertThat(failure.error().message()).contains("FS02").doesNotContain("invalid memory access");
        assertThat(events).endsWith("RevertToSelf", "CloseHandle token1");
    }

    @Test
    void aFailingServerCallIsExplainedForTheConfiguredAccountAndStillReverts() {
        store.store("CORP\\helpdesk@fs02", "wrong".toCharArray());
        netapi.fail(LEVEL_502, NetApiStatus.ERROR_LOGON_FAILURE);

        EnumerationResult.Failure failure = failure(poll());

        assertThat(failure.error().message()).contains("configured for FS02");
        assertThat(failure.error().remedy()).contains("Check the user name, domain and password configured for FS02");
        assertThat(events).endsWith("RevertToSelf", "CloseHandle token1");
    }

    @Test
    void aServerCallThatThrowsStillRevertsAndCloses() {
        store.store("CORP\\helpdesk@fs02", "x".toCharArray());
        netapi.crash(LEVEL_502, new IllegalStateException("boom"));

        assertThat(failure(poll()).error().kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(events).endsWith("RevertToSelf", "CloseHandle token1");
        assertThat(advapi32.impersonating()).isFalse();
    }

    @Test
    void aThreadThatCannotRevertIsEndedRatherThanReusedAndTheTokenIsStillClosed() {
        store.store("CORP\\helpdesk@fs02", "x".toCharArray());
        netapi.answer(LEVEL_502, 0, 0, List.of(), 0);
        advapi32.failRevert(6); // ERROR_INVALID_HANDLE

        var captured = CapturedStderr.during(() -> {
            assertThatThrownBy(this::poll).isInstanceOf(AlternateLogon.ImpersonationNotRevertedError.class);
            return null;
        });

        assertThat(events).endsWith("RevertToSelf", "CloseHandle token1");
        assertThat(captured.log()).contains("RevertToSelf returned error 6", "FS02");
    }

    @Test
    void aFailingCloseIsLoggedAndTheSessionsStillArrive() {
        store.store("CORP\\helpdesk@fs02", "x".toCharArray());
        netapi.answer(LEVEL_502, 0, 0, List.of(SessionBuffer.Entry.of("\\\\10.1.2.3", "alice", 1)), 0);
        advapi32.failClose(6);

        var captured = CapturedStderr.during(this::poll);

        assertThat(captured.value()).isInstanceOf(EnumerationResult.Success.class);
        assertThat(captured.log()).contains("CloseHandle returned 6", "FS02");
    }

    @Test
    void aDomainQualifiedUserNameWithoutADomainIsSplitForLogonUser() {
        ServerConfig server = new ServerConfig("FS03", Backend.WINDOWS, true, 445, "CORP\\helpdesk", null, true);
        store.store(server.credentialKey().orElseThrow(), "x".toCharArray());
        netapi.answer(LEVEL_502, 0, 0, List.of(), 0);

        new WindowsFileServer("FS", () -> recordingNetapi, WindowsIdentities.forServer(server, store, () -> advapi32))
                .listSessions(EnumerationRequest.of("FS03"));

        assertThat(events.getFirst()).isEqualTo("LogonUser CORP\\helpdesk password=x");
    }

    @Test
    void aServerWithoutAUserNameUsesTheSignedInUserAndNeverLogsOn() {
        CallIdentity identity = WindowsIdentities.forServer(ServerConfig.of("FS01"), store, () -> {
            throw new AssertionError("advapi32 must not be loaded for the signed-in user");
        });

        assertThat(identity).isSameAs(CallIdentity.SIGNED_IN);
        assertThat(identity.account()).isEqualTo(CallerAccount.WINDOWS_SIGN_IN);
        assertThat(WindowsIdentities.forServer(FS02, store, () -> advapi32).account())
                .isEqualTo(CallerAccount.WINDOWS_CONFIGURED);
    }

    private static EnumerationResult.Failure failure(EnumerationResult result) {
        assertThat(result).isInstanceOf(EnumerationResult.Failure.class);
        return (EnumerationResult.Failure) result;
    }
}
