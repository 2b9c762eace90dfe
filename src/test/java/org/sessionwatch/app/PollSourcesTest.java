package org.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.ScriptedServer;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.netapi.srvsvc.SrvsvcFileServer;
import org.sessionwatch.polling.CurrentThreadRuntime;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.PollerOptions;
import org.sessionwatch.polling.PollerRuntime;
import org.sessionwatch.polling.ServerPollResult;

/** The one wiring of backends and demo fleet that the CLI and the window share. */
class PollSourcesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ServerConfig WITH_ACCOUNT =
            new ServerConfig("FS02", Backend.AUTO, true, 445, "helpdesk", "CORP", true);

    private final List<ServerConfig> realCreated = new ArrayList<>();
    private final AtomicInteger fleetsCreated = new AtomicInteger();

    /** Real servers answer with no sessions and are recorded; the fleet has no latency; calls run inline. */
    private PollSources sources() {
        return new PollSources(new InMemoryCredentialStore(), (credentials, deadline) -> server -> {
            realCreated.add(server);
            return ScriptedServer.of(server.name(),
                    request -> new EnumerationResult.Success(request.server(), request.level(), List.of()));
        }, () -> {
            fleetsCreated.incrementAndGet();
            return DemoFleet.withoutLatency(DemoFleet.DEFAULT_SEED, Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        }, new CurrentThreadRuntime(NOW));
    }

    @Test
    void serversWithAnAccountAreAskedOverSrvsvcOnEveryOs() {
        FileServer server = PollSources.realBackends(new InMemoryCredentialStore(), DEADLINE).create(WITH_ACCOUNT);
        try (server) {
            assertThat(server).isInstanceOf(SrvsvcFileServer.class);
            assertThat(server.name()).isEqualTo("FS02");
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsTheWindowsBackendExplainsItself() {
        EnumerationResult result = PollSources.realBackends(new InMemoryCredentialStore(), DEADLINE)
                .create(ServerConfig.of("FS01", Backend.WINDOWS)).listSessions(EnumerationRequest.of("FS01"));
        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class,
                f -> assertThat(f.error().message()).contains("The Windows backend needs Windows"));
    }

    @Test
    void inTeamModeTheWindowReadsTheCollectorAndActsOnTheConfiguredServersDirectly() {
        AppConfig team = AppConfig.builder().teamSource("postgresql://db.corp.example/sessionwatch?user=helpdesk1")
                .servers(List.of(ServerConfig.of("FS01"), WITH_ACCOUNT)).build();
        try (PollSource source = sources().forWindow(team, name -> null, java.time.ZoneOffset.UTC)) {
            assertThat(source).isInstanceOf(org.sessionwatch.team.TeamPollSource.class);
            assertThat(((org.sessionwatch.team.TeamPollSource) source).url().toString())
                    .isEqualTo("postgresql://db.corp.example:5432/sessionwatch as helpdesk1");
            assertThat(source.actions().servers()).as("actions reach the console's servers, not the database")
                    .containsExactly("FS01", "FS02");
        }
        try (PollSource local = sources().forWindow(AppConfig.defaults(), name -> null, java.time.ZoneOffset.UTC)) {
            assertThat(local).isNotInstanceOf(org.sessionwatch.team.TeamPollSource.class);
        }
    }

    @Test
    void anUnusableTeamUrlFailsEachPollWithTheRemedy() {
        AppConfig team = AppConfig.builder().teamSource("mysql://db/sessionwatch").build();
        try (PollSource source = sources().forWindow(team, name -> null, java.time.ZoneOffset.UTC)) {
            assertThatThrownBy(source::poll).hasMessageContaining("cannot be used")
                    .hasMessageContaining("postgresql://").hasMessageContaining("Settings");
        }
    }

    @Test
    void noServersConfiguredPollsTheWholeDemoFleet() {
        PollSources sources = sources();
        try (PollSource source = sources.forConfig(AppConfig.defaults())) {
            PollCycle cycle = source.poll();

            assertThat(cycle.results()).extracting(ServerPollResult::server)
                    .containsExactlyElementsOf(sources.demoServers().stream().map(ServerConfig::name).toList());
            assertThat(cycle.results()).filteredOn(r -> r.server().equals("NAS-SAMBA")).singleElement()
                    .isInstanceOfSatisfying(ServerPollResult.Ok.class, ok -> assertThat(ok.level()).hasToString("1"));
            assertThat(cycle.results()).filteredOn(ServerPollResult.Failed.class::isInstance)
                    .extracting(r -> ((ServerPollResult.Failed) r).error().kind())
                    .containsExactly(ErrorKind.ACCESS_DENIED, ErrorKind.UNREACHABLE);
            assertThat(cycle.sessions().count()).isGreaterThan(500);
        }
        assertThat(realCreated).as("no real backend was created for the demo").isEmpty();
    }

    @Test
    void demoServersGoToTheOneFleetAndTheOthersToTheRealBackends() {
        PollSources sources = sources();
        ServerConfig demoServer = sources.demoServers().getFirst();
        AppConfig config = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01"), demoServer,
                ServerConfig.of("FS03").withEnabled(false)));

        try (PollSource first = sources.forConfig(config); PollSource second = sources.forConfig(config)) {
            PollCycle cycle = first.poll();
            second.poll();

            assertThat(cycle.results()).extracting(ServerPollResult::server)
                    .containsExactly("FS01", demoServer.name());
            assertThat(cycle.results().get(1)).isInstanceOfSatisfying(ServerPollResult.Ok.class,
                    ok -> assertThat(ok.sessions()).isNotEmpty());
        }
        assertThat(realCreated).extracting(ServerConfig::name).containsExactly("FS01", "FS01");
        assertThat(fleetsCreated).as("one demo fleet for every source of one PollSources").hasValue(1);
    }

    @Test
    void theCallersOptionsReachTheServers() {
        List<EnumerationRequest> asked = new ArrayList<>();
        PollSources sources = new PollSources(new InMemoryCredentialStore(), (credentials, deadline) ->
                server -> ScriptedServer.of(server.name(), request -> {
                    asked.add(request);
                    return new EnumerationResult.Success(request.server(), request.level(), List.of());
                }), () -> {
                    throw new AssertionError("no demo fleet expected");
                }, new CurrentThreadRuntime(NOW));
        AppConfig config = AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01")));
        PollerOptions options = PollerOptions.from(config).withRequestedLevel(org.sessionwatch.netapi.InfoLevel.LEVEL_10)
                .withFilters("pc1", "alice");

        try (PollSource source = sources.forConfig(config, options)) {
            source.poll();
        }
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(org.sessionwatch.netapi.InfoLevel.LEVEL_10);
            assertThat(r.client()).contains("pc1");
            assertThat(r.user()).contains("alice");
        });
    }

    /** A hung call with a real deadline on real threads: that is what this test is about, so no fake time here. */
    @Test
    void theSlowDemoServerTimesOutUnderAShortDeadlineWithoutHoldingUpTheOthers() {
        PollSources sources = new PollSources(new InMemoryCredentialStore(), PollSources::realBackends,
                () -> new DemoFleet(1, Clock.systemUTC()), PollerRuntime.system());
        AppConfig config = AppConfig.defaults();
        try (PollSource source = sources.forConfig(config,
                PollerOptions.from(config).withJitter(Duration.ZERO).withServerDeadline(Duration.ofMillis(400)))) {
            PollCycle cycle = source.poll();

            assertThat(cycle.results()).filteredOn(r -> r.server().equals("FS-ARCHIVE")).singleElement()
                    .isInstanceOfSatisfying(ServerPollResult.Failed.class,
                            f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.TIMEOUT));
            assertThat(cycle.results()).filteredOn(r -> r.server().startsWith("FS-HQ")).hasSize(2)
                    .allMatch(ServerPollResult.Ok.class::isInstance);
        }
    }

    @Test
    void credentialsAndDeadlineAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> PollSources.realBackends(null, DEADLINE))
                .withMessage("credentials");
        assertThatNullPointerException()
                .isThrownBy(() -> PollSources.realBackends(new InMemoryCredentialStore(), null))
                .withMessage("deadline");
    }
}
