package org.sessionwatch.ui.settings;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.app.PollSources;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.polling.ServerPollResult;

/**
 * Polls one server as the window would, for the settings dialog's Test connection button. Blocking: call it off the
 * FX thread. A failure is a {@link ServerPollResult.Failed} with the reason and remedy, never an exception.
 */
@FunctionalInterface
public interface ConnectionTester {

    /**
     * @param server   the server as typed in the dialog (not saved yet)
     * @param password the password typed in the dialog; empty means the one stored for the server, if any
     */
    ServerPollResult test(ServerConfig server, Optional<String> password);

    /** The real backends with the window's poller; the stored passwords come from {@code saved}. */
    static ConnectionTester real(CredentialStore saved, Duration deadline) {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(deadline, "deadline");
        return (server, password) -> {
            // Only this server's password, typed or stored: the test must not save what the dialog may still cancel.
            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            server.credentialKey().ifPresent(key -> password.map(String::toCharArray).or(() -> saved.password(key))
                    .ifPresent(secret -> credentials.store(key, secret)));
            AppConfig one = AppConfig.builder().servers(List.of(server.withEnabled(true))).serverDeadline(deadline)
                    .build();
            PollerOptions options = PollerOptions.defaults().withServerDeadline(deadline).withMaxConcurrency(1)
                    .withJitter(Duration.ZERO);
            try (PollSource source = PollSources.standard(credentials, Clock.systemUTC()).forConfig(one, options)) {
                return source.poll().results().getFirst();
            } finally {
                credentials.clear();
            }
        };
    }
}
