package org.sessionwatch.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.polling.ServerPollResult;

/** The real tester goes through the real srvsvc backend and poller: a closed port is a failure with its remedy. */
class ConnectionTesterTest {

    @Test
    void aServerThatRefusesTheConnectionIsAFailureWithItsRemedyNotAnException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        InMemoryCredentialStore saved = new InMemoryCredentialStore();
        ServerConfig server = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, closedPort, "helpdesk", "CORP",
                true);
        ServerPollResult result = ConnectionTester.real(saved, Duration.ofSeconds(5)).test(server, Optional.of("pw"));

        assertThat(result).isInstanceOfSatisfying(ServerPollResult.Failed.class, failed -> {
            assertThat(failed.server()).isEqualTo("127.0.0.1");
            assertThat(failed.error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
            assertThat(failed.error().remedy()).isNotBlank();
        });
        assertThat(ConnectionCheck.describe(result)).startsWith("127.0.0.1: ").contains(((ServerPollResult.Failed) result).error().remedy());
        assertThat(saved.password(server.credentialKey().orElseThrow())).as("the typed password is not kept").isEmpty();
    }

    @Test
    void aDemoServerIsNotPolled() {
        ServerDraft draft = ServerDraft.of(ServerConfig.of("FS-DEMO", Backend.DEMO));
        ConnectionCheck check = new ConnectionCheck((server, password) -> {
            throw new AssertionError("a demo server must not be polled");
        }, Runnable::run, Runnable::run);
        check.start(draft);
        assertThat(check.messageProperty().get()).startsWith("Not tested: a demo server is simulated");
        assertThat(check.outcomeProperty().get()).isEqualTo(ConnectionCheck.Outcome.FAILED);
    }
}
