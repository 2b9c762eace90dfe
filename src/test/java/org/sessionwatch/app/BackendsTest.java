package org.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.SessionEnumerator;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.netapi.srvsvc.SrvsvcSessionEnumerator;
import org.sessionwatch.polling.BackendSelector;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/** The one wiring of the real backends that the CLI and the GUI share. */
class BackendsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final ServerConfig WITH_ACCOUNT =
            new ServerConfig("FS02", Backend.AUTO, true, 445, "helpdesk", "CORP", true);

    private final DemoFleet demo = DemoFleet.withoutLatency(1, Clock.systemUTC());

    @Test
    void serversWithAnAccountAreAskedOverSrvsvcOnEveryOs() {
        BackendSelector selector = Backends.create(new InMemoryCredentialStore(), DEADLINE, demo);

        assertThat(selector.resolve(WITH_ACCOUNT)).isEqualTo(Backend.SRVSVC);
        try (SessionEnumerator enumerator = selector.create(WITH_ACCOUNT)) {
            assertThat(enumerator).isInstanceOf(SrvsvcSessionEnumerator.class);
        }
        try (SessionEnumerator enumerator = selector.create(ServerConfig.of("FS01", Backend.SRVSVC))) {
            assertThat(enumerator).isInstanceOf(SrvsvcSessionEnumerator.class);
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsAutoMeansSrvsvcAndTheWindowsBackendExplainsItself() {
        BackendSelector selector = Backends.create(new InMemoryCredentialStore(), DEADLINE, demo);

        assertThat(selector.resolve(ServerConfig.of("FS01"))).isEqualTo(Backend.SRVSVC);
        EnumerationResult result = selector.create(ServerConfig.of("FS01", Backend.WINDOWS))
                .enumerate(EnumerationRequest.of("FS01"));
        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class,
                f -> assertThat(f.error().message()).contains("The Windows backend needs Windows"));
    }

    @Test
    void demoServersAreAnsweredByTheGivenFleetOrExplainedWithoutOne() {
        ServerConfig demoServer = demo.servers().getFirst();

        EnumerationResult withFleet = Backends.create(new InMemoryCredentialStore(), DEADLINE, demo)
                .create(demoServer).enumerate(EnumerationRequest.of(demoServer.name()));
        EnumerationResult withoutFleet = Backends.create(new InMemoryCredentialStore(), DEADLINE, null)
                .create(demoServer).enumerate(EnumerationRequest.of(demoServer.name()));

        assertThat(withFleet).isInstanceOf(EnumerationResult.Success.class);
        assertThat(withoutFleet).isInstanceOfSatisfying(EnumerationResult.Failure.class,
                f -> assertThat(f.error().message()).contains("demo fleet is not available"));
    }

    @Test
    void credentialsAndDeadlineAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> Backends.create(null, DEADLINE, demo))
                .withMessage("credentials");
        assertThatNullPointerException()
                .isThrownBy(() -> Backends.create(new InMemoryCredentialStore(), null, demo))
                .withMessage("deadline");
    }
}
