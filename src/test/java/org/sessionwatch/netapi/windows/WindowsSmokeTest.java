package org.sessionwatch.netapi.windows;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.netapi.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real netapi32.dll (and advapi32.dll) on the machine the tests run on, as the Windows CI workflow
 * (.github/workflows/windows.yml) runs it and as anyone can run it on a Windows machine:
 * {@code mvn test -Dtest=WindowsSmokeTest -Dsurefire.failIfNoSpecifiedTests=false} from an elevated prompt.
 *
 * <p>It opens {@code IPC$} on 127.0.0.1, localhost and the computer's name so the local Server service has sessions
 * of our own to report (a clean machine has none, and an empty list proves nothing), then checks decoding, the
 * {@code \\name} path, paging and, with a local non-administrator account given in SESSIONWATCH_SMOKE_USER and
 * SESSIONWATCH_SMOKE_PASSWORD, the alternate-credentials path and the denied chain. Off CI a missing prerequisite
 * (not elevated, no such account) skips the test that needs it, saying what to do; with {@code CI=true} it fails.
 */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "needs netapi32.dll; NativeLoadingTest covers other systems")
class WindowsSmokeTest {

    /** Three names of this computer: the redirector keeps one connection, so one session, per name. */
    private static final String[] SHARES = {"\\\\127.0.0.1\\IPC$", "\\\\localhost\\IPC$",
            "\\\\" + System.getenv().getOrDefault("COMPUTERNAME", "localhost") + "\\IPC$"};
    private static final List<String> opened = new ArrayList<>();
    private static final int PAGED_LENGTH = 256;

    @BeforeAll
    static void openOwnSessions() throws Exception {
        for (String share : SHARES) {
            int exit = net("use", share);
            if (exit == 0) {
                opened.add(share);
            }
        }
        assertThat(opened).as("net use of %s", String.join(" and ", SHARES)).isNotEmpty();
    }

    @AfterAll
    static void closeOwnSessions() throws Exception {
        for (String share : opened) {
            net("use", share, "/delete", "/y");
        }
    }

    @Test
    void isSupportedAndTheLibrariesLoad() {
        assertThat(WindowsFileServer.isSupported()).isTrue();
        assertThatCode(Netapi32Native::shared).doesNotThrowAnyException();
        assertThatCode(Advapi32Native::shared).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = InfoLevel.class, names = {"LEVEL_10", "LEVEL_502"})
    void theLocalComputerAnswersWithSessionsOrAccessDenied(InfoLevel level) {
        try (WindowsFileServer enumerator = new WindowsFileServer("FS01")) {
            EnumerationResult result = enumerator.listSessions(EnumerationRequest.of("localhost").withLevel(level));

            assertThat(result.server()).isEqualTo("localhost");
            assertThat(result.level()).isEqualTo(level);
            if (result instanceof EnumerationResult.Failure failure) {
                assertThat(failure.error().kind()).as(failure.error().describe()).isEqualTo(ErrorKind.ACCESS_DENIED);
            } else {
                for (Session session : ((EnumerationResult.Success) result).sessions()) {
                    assertThat(session.level()).isEqualTo(level);
                    assertThat(session.clientName()).hasValueSatisfying(c -> assertThat(c).doesNotStartWith("\\"));
                }
            }
        }
    }

    @Test
    void ownSessionOverLoopbackIsListedAtLevel502WithItsTransport() {
        List<Session> sessions = sessionsAsAdministrator(new CountingNetApi(), -1);

        String me = System.getProperty("user.name");
        assertThat(sessions).as("sessions on 127.0.0.1: %s", sessions)
                .anySatisfy(session -> {
                    assertThat(session.level()).isEqualTo(InfoLevel.LEVEL_502);
                    assertThat(session.userName()).hasValueSatisfying(u -> assertThat(u).isEqualToIgnoringCase(me));
                    assertThat(session.clientName()).hasValueSatisfying(c -> assertThat(c).doesNotStartWith("\\"));
                    assertThat(session.transport()).hasValueSatisfying(t -> assertThat(t).isNotBlank());
                    assertThat(session.activeSeconds()).isPresent();
                });
    }

    @Test
    void aSmallPreferredLengthPagesAndReturnsTheSameSessions() {
        CountingNetApi unpagedCalls = new CountingNetApi();
        List<Session> unpagedSessions = sessionsAsAdministrator(unpagedCalls, -1);
        assertThat(unpagedSessions).as("connections under several names were opened, so several sessions")
                .hasSizeGreaterThan(1);
        List<String> unpaged = keys(unpagedSessions);

        CountingNetApi pagedCalls = new CountingNetApi();
        // room for one SESSION_INFO_502 entry with its strings (48 bytes plus four names), not for two: the server has
        // to page, and every page can hold an entry (a buffer too small for any would stall the loop instead)
        List<String> paged = keys(sessionsAsAdministrator(pagedCalls, PAGED_LENGTH));

        assertThat(unpagedCalls.calls()).isEqualTo(1);
        assertThat(pagedCalls.calls()).as("NetSessionEnum calls with prefmaxlen %d", PAGED_LENGTH).isGreaterThan(1);
        assertThat(paged).containsAll(unpaged.stream().filter(k -> k.contains(System.getProperty("user.name")
                .toLowerCase(Locale.ROOT))).toList());
    }

    @Test
    void aLocalNonAdministratorIsDeniedAlongTheWholeChainAndThenBacksOff() {
        String user = System.getenv("SESSIONWATCH_SMOKE_USER");
        String password = System.getenv("SESSIONWATCH_SMOKE_PASSWORD");
        if (user == null || password == null) {
            prerequisite("set SESSIONWATCH_SMOKE_USER and SESSIONWATCH_SMOKE_PASSWORD to a local account that is not"
                    + " an administrator (net user swsmoke <password> /add)");
        }
        ServerConfig server = new ServerConfig("127.0.0.1", Backend.WINDOWS, true, 445, user,
                System.getenv("COMPUTERNAME"), true);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store(server.credentialKey().orElseThrow(), password.toCharArray());
        CountingNetApi netapi = new CountingNetApi();
        LevelNegotiator negotiator = new LevelNegotiator(
                new WindowsFileServer("127.0.0.1", () -> netapi.api, WindowsIdentities.forServer(server, store)), 20);

        EnumerationResult first = negotiator.listSessions(EnumerationRequest.of("127.0.0.1"));
        EnumerationResult second = negotiator.listSessions(EnumerationRequest.of("127.0.0.1"));

        assertThat(first).isInstanceOfSatisfying(EnumerationResult.Failure.class, f -> assertThat(f.error().kind())
                .as(f.error().describe()).isEqualTo(ErrorKind.ACCESS_DENIED));
        assertThat(netapi.levels).as("levels asked as %s", user).containsExactly(502, 10, 0);
        assertThat(second).isInstanceOf(EnumerationResult.Failure.class);
        assertThat(netapi.levels).as("the second poll is answered from memory").hasSize(3);
    }

    private static List<Session> sessionsAsAdministrator(CountingNetApi netapi, int preferredMaxLength) {
        WindowsFileServer enumerator = new WindowsFileServer("127.0.0.1", () -> netapi.api, CallIdentity.SIGNED_IN);
        EnumerationResult result = enumerator.listSessions(
                new EnumerationRequest("127.0.0.1", InfoLevel.LEVEL_502, null, null, preferredMaxLength));
        if (result instanceof EnumerationResult.Failure failure) {
            if (failure.error().kind() == ErrorKind.ACCESS_DENIED) {
                prerequisite("level 502 needs an elevated (administrator) prompt: " + failure.error().describe());
            }
            fail("enumerating 127.0.0.1 failed: " + failure.error().describe());
        }
        return ((EnumerationResult.Success) result).sessions();
    }

    private static List<String> keys(List<Session> sessions) {
        return sessions.stream().map(s -> (s.clientName().orElse("?") + " " + s.userName().orElse("?"))
                .toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    /** Skips off CI with the reason; on CI a missing prerequisite is a broken runner and fails. */
    private static void prerequisite(String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so the Windows smoke test may not be skipped: " + what);
        }
        Assumptions.abort(what);
    }

    private static int net(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("net"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), Charset.defaultCharset());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        System.out.println(String.join(" ", command) + " -> " + process.exitValue() + ": " + output.strip());
        return process.exitValue();
    }

    /** The real netapi32, counting the NetSessionEnum calls and their levels. */
    private static final class CountingNetApi {
        final List<Integer> levels = new ArrayList<>();
        final NetApiNative api;

        CountingNetApi() {
            try {
                api = new ObservedNetApi(Netapi32Native.shared(), (server, level) -> levels.add(level));
            } catch (org.sessionwatch.netapi.NetApiException e) {
                throw new AssertionError(e.error().describe(), e);
            }
        }

        int calls() {
            return levels.size();
        }
    }
}
