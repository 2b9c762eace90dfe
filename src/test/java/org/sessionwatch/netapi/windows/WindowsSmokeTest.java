package org.sessionwatch.netapi.windows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
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
 * SESSIONWATCH_SMOKE_PASSWORD, the alternate-credentials path and the denied chain. For open files it holds a file
 * of its own open through the administrative share ({@code \\127.0.0.1\C$\...}), finds it with NetFileEnum at
 * level 3, closes it with NetFileClose, and checks that a second close and ending a session of a client that is not
 * connected are "already gone". Off CI a missing prerequisite
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

    @Test
    void aFileHeldOpenOverSmbIsListedClosedAndThenAlreadyGone() throws IOException {
        Path local = Files.createTempFile("sessionwatch-smoke", ".txt").toRealPath();
        Files.writeString(local, "held open by WindowsSmokeTest");
        String drive = local.getRoot().toString().substring(0, 1);
        Path remote = Path.of("\\\\127.0.0.1\\" + drive + "$\\" + local.getRoot().relativize(local));
        WindowsFileServer server = new WindowsFileServer("127.0.0.1", Netapi32Native::shared, CallIdentity.SIGNED_IN);
        InputStream held = openAsAdministrator(remote);
        try {
            assertThat(held.read()).isEqualTo('h');
            OpenFile ours = ownOpenFile(server.listOpenFiles(OpenFilesRequest.of("127.0.0.1")), local);

            assertThat(ours.level()).isEqualTo(FileInfoLevel.LEVEL_3);
            assertThat(ours.userName()).hasValueSatisfying(u -> assertThat(u)
                    .containsIgnoringCase(System.getProperty("user.name")));
            assertThat(server.closeFile(ours.id())).isEqualTo(new ActionResult.Done());
            assertThat(server.closeFile(ours.id())).isInstanceOf(ActionResult.AlreadyGone.class);
            assertThat(server.listOpenFiles(OpenFilesRequest.of("127.0.0.1")))
                    .isInstanceOfSatisfying(OpenFilesResult.Success.class, after -> assertThat(after.files())
                            .extracting(OpenFile::id).doesNotContain(ours.id()));
        } finally {
            try {
                held.close();
            } catch (IOException expected) {
                System.out.println("closing the force-closed handle: " + expected); // the server closed it first
            }
            Files.deleteIfExists(local);
        }
        assertThat(server.endSession("192.0.2.1", null)).isInstanceOf(ActionResult.AlreadyGone.class);
    }

    /** Opens {@code remote} through the administrative share, which only an elevated administrator may. */
    private static InputStream openAsAdministrator(Path remote) throws IOException {
        try {
            return Files.newInputStream(remote);
        } catch (java.nio.file.AccessDeniedException e) {
            prerequisite("opening " + remote + " needs an elevated (administrator) prompt");
            throw e;
        }
    }

    private static OpenFile ownOpenFile(OpenFilesResult result, Path local) {
        if (result instanceof OpenFilesResult.Failure failure) {
            if (failure.error().kind() == ErrorKind.ACCESS_DENIED) {
                prerequisite("NetFileEnum needs an elevated (administrator) prompt: " + failure.error().describe());
            }
            fail("listing the open files of 127.0.0.1 failed: " + failure.error().describe());
        }
        List<OpenFile> files = ((OpenFilesResult.Success) result).files();
        String name = local.getFileName().toString().toLowerCase(Locale.ROOT);
        return files.stream().filter(f -> f.pathName().map(p -> p.toLowerCase(Locale.ROOT).endsWith(name))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no open file ending in " + name + ": " + files));
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
