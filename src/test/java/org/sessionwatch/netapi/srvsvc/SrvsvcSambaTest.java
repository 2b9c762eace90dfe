package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * The srvsvc backend against a real Samba smbd on loopback (see {@link SambaServer}). Samba 4.17 answers NetSessEnum
 * only at levels 0 and 1 and only to members of BUILTIN\Administrators; it reports idle time 0, ignores the filters
 * and lists the caller's own session too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SrvsvcSambaTest {

    private static final SambaAccounts.TestAccount ADMIN = new SambaAccounts.TestAccount("swtest_admin", "Adm1n-pw!", true);
    private static final SambaAccounts.TestAccount USER = new SambaAccounts.TestAccount("swtest_user", "Us3r-pw!", false);
    private static final SambaAccounts.TestAccount USER2 = new SambaAccounts.TestAccount("swtest_user2", "Us3r2-pw!", false);
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @RegisterExtension
    static final SambaServer SAMBA = new SambaServer(ADMIN, USER, USER2);

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    @Test
    @Order(1)
    void listsTheSessionsOfSeveralUsersFromSeveralAddressesWithTheirOpenFiles() throws IOException {
        client("127.0.0.2", USER, 2);
        client("127.0.0.3", USER2, 3);
        client("::1", ADMIN, 1);

        EnumerationResult result = enumerator(ADMIN).listSessions(request(InfoLevel.LEVEL_1));

        List<Session> sessions = sessions(result);
        assertThat(session(sessions, "127.0.0.2")).hasValueSatisfying(s -> {
            assertThat(s.userName()).hasValue("swtest_user");
            assertThat(s.openCount()).hasValue(2);
            assertThat(s.isGuest()).isFalse();
        });
        assertThat(session(sessions, "127.0.0.3")).hasValueSatisfying(s -> {
            assertThat(s.userName()).hasValue("swtest_user2");
            assertThat(s.openCount()).hasValue(3);
        });
        assertThat(session(sessions, "::1")).hasValueSatisfying(s -> {
            assertThat(s.userName()).hasValue("swtest_admin");
            assertThat(s.openCount()).hasValue(1);
        });
        assertThat(sessions).allSatisfy(s -> {
            assertThat(s.server()).isEqualTo("127.0.0.1");
            assertThat(s.level()).isEqualTo(InfoLevel.LEVEL_1);
        });
    }

    @Test
    @Order(2)
    void flagsAGuestSession() throws IOException {
        SmbTestClient guest = client("127.0.0.4", null, 1);
        assertThat(guest.isGuest()).as("Samba mapped the unknown user to guest").isTrue();

        List<Session> sessions = sessions(enumerator(ADMIN).listSessions(request(InfoLevel.LEVEL_1)));

        assertThat(session(sessions, "127.0.0.4")).hasValueSatisfying(s -> {
            assertThat(s.isGuest()).isTrue();
            assertThat(s.openCount()).hasValue(1);
        });
        assertThat(sessions).filteredOn(s -> s.userName().filter("swtest_admin"::equals).isPresent())
                .as("our own session").isNotEmpty().allSatisfy(s -> assertThat(s.isGuest()).isFalse());
    }

    @Test
    @Order(3)
    void asksLevel502AndReportsTheLevel1SambaAnswers() {
        SrvsvcFileServer enumerator = enumerator(ADMIN);
        assertThat(error(enumerator.listSessions(request(InfoLevel.LEVEL_502))))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_LEVEL))
                .satisfies(e -> assertThat(e.code()).isEqualTo(124));

        LevelNegotiator negotiator = new LevelNegotiator(enumerator);
        EnumerationResult result = negotiator.listSessions(EnumerationRequest.of("127.0.0.1"));

        assertThat(result.level()).isEqualTo(InfoLevel.LEVEL_1);
        assertThat(sessions(result)).isNotEmpty().allSatisfy(s -> assertThat(s.level()).isEqualTo(InfoLevel.LEVEL_1));
        assertThat(negotiator.rememberedLevel("127.0.0.1")).hasValue(InfoLevel.LEVEL_1);
    }

    @Test
    @Order(4)
    void aUserWhoIsNoAdministratorIsDeniedWithTheRemedy() {
        NetApiError error = error(enumerator(USER).listSessions(request(InfoLevel.LEVEL_1)));

        assertThat(error.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(error.code()).isEqualTo(5);
        assertThat(error.message()).contains("127.0.0.1");
        assertThat(error.remedyText()).hasValueSatisfying(r -> assertThat(r).contains("Administrators"));
    }

    @Test
    @Order(5)
    void anAnonymousCallerIsToldToConfigureAUser() {
        NetApiError error = error(enumerator(null).listSessions(request(InfoLevel.LEVEL_1)));

        assertThat(error.kind()).as(error.describe()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(error.message()).isEqualTo(
                "127.0.0.1 refuses to list sessions to anonymous or guest callers; configure a user.");
    }

    @Test
    @Order(6)
    void aWrongPasswordFailsAuthenticationWithTheNtStatusAndWithoutThePassword() {
        SambaAccounts.TestAccount wrong = new SambaAccounts.TestAccount(ADMIN.name(), "Not-the-pw-42", true);

        NetApiError error = error(enumerator(wrong).listSessions(request(InfoLevel.LEVEL_1)));

        assertThat(error.kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(error.code()).isEqualTo(0xC000006DL); // STATUS_LOGON_FAILURE
        assertThat(error.describe()).contains("127.0.0.1").doesNotContain(wrong.password())
                .doesNotContain(ADMIN.password());
    }

    @Test
    @Order(7)
    void anUnknownUserThatSambaWouldMapToGuestIsRefusedBecauseSigningIsRequired() {
        SambaAccounts.TestAccount unknown = new SambaAccounts.TestAccount("swtest_nosuchuser", "whatever-1", false);

        NetApiError error = error(enumerator(unknown).listSessions(request(InfoLevel.LEVEL_1)));

        assertThat(error.kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(error.message()).contains("only as guest");
    }

    @Test
    @Order(8)
    void worksWithSigningRelaxed() {
        ServerConfig relaxed = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, SAMBA.port(), ADMIN.name(), null,
                false);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store(relaxed.credentialKey().orElseThrow(), ADMIN.password().toCharArray());
        SrvsvcFileServer enumerator = new SrvsvcFileServer(relaxed, store, DEADLINE);
        cleanup.add(enumerator);

        assertThat(sessions(enumerator.listSessions(request(InfoLevel.LEVEL_1)))).isNotEmpty();
    }

    @Test
    @Order(9)
    void aClosedPortIsUnreachable() throws IOException {
        int port = SambaServer.freePort();
        ServerConfig closed = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, port, ADMIN.name(), null, true);
        SrvsvcFileServer enumerator = new SrvsvcFileServer(closed, storeFor(closed, ADMIN), DEADLINE);
        cleanup.add(enumerator);

        NetApiError error = error(enumerator.listSessions(request(InfoLevel.LEVEL_1)));

        assertThat(error.kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(error.message()).contains("127.0.0.1");
        // the port this server is configured with, not the SMB default the Windows API would use
        assertThat(error.remedyText()).hasValueSatisfying(r -> assertThat(r).contains("TCP port " + port + " "));
    }

    @Test
    @Order(10)
    // A guard against a hang (twenty times the deadline), not a speed claim: the result must be a timeout.
    @org.junit.jupiter.api.Timeout(30)
    void aServerThatAcceptsButNeverAnswersTimesOut() throws IOException {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            ServerConfig mute = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, silent.getLocalPort(),
                    ADMIN.name(), null, true);
            Duration deadline = Duration.ofMillis(1500);
            SrvsvcFileServer enumerator = new SrvsvcFileServer(mute, storeFor(mute, ADMIN), deadline);
            cleanup.add(enumerator);

            NetApiError error = error(enumerator.listSessions(request(InfoLevel.LEVEL_1)));

            assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @Test
    @Order(11)
    void keepsOneConnectionAcrossPollsAndCloseEndsIt() throws InterruptedException {
        SrvsvcFileServer watched = enumerator(ADMIN);
        SrvsvcFileServer observer = enumerator(ADMIN);
        assertThat(sessions(watched.listSessions(request(InfoLevel.LEVEL_1)))).isNotEmpty();
        assertThat(sessions(watched.listSessions(request(InfoLevel.LEVEL_1)))).isNotEmpty();
        // Sessions of earlier tests' closed enumerators may take a moment to disappear, hence the waiting.
        assertThat(awaitAdminSessionsFromLoopback(observer, 2))
                .as("one kept session each for the watched enumerator and the observer").isEqualTo(2);

        watched.close();

        assertThat(awaitAdminSessionsFromLoopback(observer, 1)).isEqualTo(1);
        assertThat(error(watched.listSessions(request(InfoLevel.LEVEL_1))).message()).contains("stopped");
    }

    /** Polls until {@code expected} admin sessions from 127.0.0.1 are listed (at most 3 s); returns the last count. */
    private static long awaitAdminSessionsFromLoopback(SrvsvcFileServer observer, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (true) {
            long count = sessions(observer.listSessions(request(InfoLevel.LEVEL_1))).stream()
                    .filter(s -> s.clientName().filter("127.0.0.1"::equals).isPresent())
                    .filter(s -> s.userName().filter(ADMIN.name()::equals).isPresent())
                    .count();
            if (count == expected || System.nanoTime() > deadline) {
                return count;
            }
            Thread.sleep(50);
        }
    }

    @Test
    @Order(12)
    void reachesAServerConfiguredByItsIpv6Address() {
        ServerConfig server = new ServerConfig("::1", Backend.SRVSVC, true, SAMBA.port(), ADMIN.name(), null, true);
        SrvsvcFileServer enumerator = new SrvsvcFileServer(server, storeFor(server, ADMIN), DEADLINE);
        cleanup.add(enumerator);

        List<Session> sessions = sessions(enumerator.listSessions(EnumerationRequest.of("::1").withLevel(InfoLevel.LEVEL_1)));

        assertThat(session(sessions, "::1")).hasValueSatisfying(s -> {
            assertThat(s.userName()).hasValue(ADMIN.name());
            assertThat(s.server()).isEqualTo("::1");
        });
    }

    @Test
    @Order(20)
    void reconnectsTransparentlyAfterTheServerRestartedBetweenPolls() throws IOException {
        SrvsvcFileServer enumerator = enumerator(ADMIN);
        assertThat(sessions(enumerator.listSessions(request(InfoLevel.LEVEL_1)))).isNotEmpty();

        SAMBA.stop(true);
        SAMBA.start();

        assertThat(sessions(enumerator.listSessions(request(InfoLevel.LEVEL_1))))
                .as("the same enumerator, its kept connection broken by the restart").isNotEmpty();
    }

    @Test
    @Order(21)
    void aServerKilledBetweenPollsIsAnErrorAndTheFirstPollAfterItsRestartSucceeds() throws IOException {
        SrvsvcFileServer enumerator = enumerator(ADMIN);
        assertThat(sessions(enumerator.listSessions(request(InfoLevel.LEVEL_1)))).isNotEmpty();

        SAMBA.stop(true);
        NetApiError down = error(enumerator.listSessions(request(InfoLevel.LEVEL_1)));
        assertThat(down.kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(down.message()).contains("127.0.0.1");

        SAMBA.start();
        assertThat(sessions(enumerator.listSessions(request(InfoLevel.LEVEL_1)))).isNotEmpty();
    }

    private static InMemoryCredentialStore storeFor(ServerConfig server, SambaAccounts.TestAccount account) {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store(server.credentialKey().orElseThrow(), account.password().toCharArray());
        return store;
    }

    private SmbTestClient client(String source, SambaAccounts.TestAccount account, int files) throws IOException {
        SmbTestClient client = SmbTestClient.connect(source, source.contains(":") ? "::1" : "127.0.0.1", SAMBA.port(),
                account == null ? null : account.name(), account == null ? null : account.password(), files);
        cleanup.add(client);
        return client;
    }

    private SrvsvcFileServer enumerator(SambaAccounts.TestAccount account) {
        ServerConfig server = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, SAMBA.port(),
                account == null ? null : account.name(), null, true);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        if (account != null) {
            store.store(server.credentialKey().orElseThrow(), account.password().toCharArray());
        }
        SrvsvcFileServer enumerator = new SrvsvcFileServer(server, store, DEADLINE);
        cleanup.add(enumerator);
        return enumerator;
    }

    private static EnumerationRequest request(InfoLevel level) {
        return EnumerationRequest.of("127.0.0.1").withLevel(level);
    }

    private static List<Session> sessions(EnumerationResult result) {
        if (result instanceof EnumerationResult.Failure failure) {
            throw new AssertionError("Expected sessions, got " + failure.error().describe() + "\n" + SAMBA.log());
        }
        return ((EnumerationResult.Success) result).sessions();
    }

    private static NetApiError error(EnumerationResult result) {
        assertThat(result).isInstanceOf(EnumerationResult.Failure.class);
        return ((EnumerationResult.Failure) result).error();
    }

    private static Optional<Session> session(List<Session> sessions, String client) {
        return sessions.stream().filter(s -> s.clientName().filter(client::equals).isPresent()).findFirst()
                .or(() -> {
                    throw new AssertionError("No session from " + client + " in " + sessions);
                });
    }
}
