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
import org.sessionwatch.servers.Backend;
import org.sessionwatch.servers.ServerConfig;

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

        EnumerationResult result = enumerator(ADMIN).enumerate(request(InfoLevel.LEVEL_1));

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

    private SmbTestClient client(String source, SambaAccounts.TestAccount account, int files) throws IOException {
        SmbTestClient client = SmbTestClient.connect(source, source.contains(":") ? "::1" : "127.0.0.1", SAMBA.port(),
                account == null ? null : account.name(), account == null ? null : account.password(), files);
        cleanup.add(client);
        return client;
    }

    private SrvsvcSessionEnumerator enumerator(SambaAccounts.TestAccount account) {
        ServerConfig server = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, SAMBA.port(),
                account == null ? null : account.name(), null, true);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        if (account != null) {
            store.store(server.credentialKey().orElseThrow(), account.password().toCharArray());
        }
        SrvsvcSessionEnumerator enumerator = new SrvsvcSessionEnumerator(server, store, DEADLINE);
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
