package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.SessionEnumerator;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

class BackendSelectorTest {

    private final List<String> windowsCreated = new ArrayList<>();
    private final List<String> srvsvcCreated = new ArrayList<>();
    private final Function<ServerConfig, SessionEnumerator> windows = provider("windows", windowsCreated);
    private final Function<ServerConfig, SessionEnumerator> srvsvc = provider("srvsvc", srvsvcCreated);
    private final DemoFleet demo = DemoFleet.withoutLatency(1, Clock.systemUTC());

    private static final ServerConfig PLAIN = ServerConfig.of("FS01");
    private static final ServerConfig WITH_CREDENTIALS =
            new ServerConfig("FS02", Backend.AUTO, true, 445, "helpdesk", "CORP", true);

    @Test
    void autoUsesNetapiOnWindowsWithoutExplicitCredentials() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, demo, true);

        assertThat(selector.resolve(PLAIN)).isEqualTo(Backend.WINDOWS);
        assertThat(answer(selector.create(PLAIN), "FS01")).isEqualTo("windows");
        assertThat(windowsCreated).containsExactly("FS01");
    }

    @Test
    void autoOnWindowsUsesNetapiAlsoWithExplicitCredentialsWhichItLogsOnWith() {
        BackendSelector onWindows = new BackendSelector(windows, srvsvc, demo, true);

        assertThat(onWindows.resolve(WITH_CREDENTIALS)).isEqualTo(Backend.WINDOWS);
        assertThat(answer(onWindows.create(WITH_CREDENTIALS), "FS02")).isEqualTo("windows");
        assertThat(windowsCreated).containsExactly("FS02");
        assertThat(srvsvcCreated).isEmpty();
    }

    @Test
    void autoOffWindowsUsesSrvsvc() {
        BackendSelector onLinux = new BackendSelector(null, srvsvc, demo, false);

        assertThat(onLinux.resolve(PLAIN)).isEqualTo(Backend.SRVSVC);
        assertThat(onLinux.resolve(WITH_CREDENTIALS)).isEqualTo(Backend.SRVSVC);
        assertThat(answer(onLinux.create(PLAIN), "FS01")).isEqualTo("srvsvc");
        assertThat(windowsCreated).isEmpty();
    }

    @Test
    void explicitBackendsAreHonoured() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, demo, true);

        assertThat(answer(selector.create(ServerConfig.of("FS01", Backend.SRVSVC)), "FS01")).isEqualTo("srvsvc");
        assertThat(answer(selector.create(ServerConfig.of("FS01", Backend.WINDOWS)), "FS01")).isEqualTo("windows");
    }

    @Test
    void windowsBackendOffWindowsIsAClearFailureNotAnException() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, demo, false);

        EnumerationResult result = selector.create(ServerConfig.of("FS01", Backend.WINDOWS))
                .enumerate(EnumerationRequest.of("FS01"));

        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, f -> {
            assertThat(f.error().kind()).isEqualTo(ErrorKind.OTHER);
            assertThat(f.error().message()).contains("The Windows backend needs Windows; use the srvsvc backend");
            assertThat(f.server()).isEqualTo("FS01");
        });
        assertThat(windowsCreated).isEmpty();
    }

    @Test
    void missingProvidersAreClearFailures() {
        BackendSelector selector = new BackendSelector(null, null, null, true);

        assertThat(message(selector.create(ServerConfig.of("FS01", Backend.WINDOWS)))).contains("Windows backend");
        assertThat(message(selector.create(ServerConfig.of("FS01", Backend.SRVSVC)))).contains("srvsvc backend");
        assertThat(message(selector.create(ServerConfig.of("FS01", Backend.DEMO)))).contains("demo");
    }

    @Test
    void autoWithANonDefaultPortUsesSrvsvcWhichHonoursThePortOnWindowsToo() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, demo, true);
        ServerConfig onPort4455 = new ServerConfig("fs02.corp.example", Backend.AUTO, true, 4455, null, null, true);

        assertThat(selector.resolve(onPort4455)).isEqualTo(Backend.SRVSVC);
        assertThat(answer(selector.create(onPort4455), "fs02.corp.example")).isEqualTo("srvsvc");
        assertThat(windowsCreated).isEmpty();
    }

    @Test
    void theWindowsBackendWithANonDefaultPortIsRefusedWithTheReason() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, demo, true);
        ServerConfig onPort4455 = new ServerConfig("FS02", Backend.WINDOWS, true, 4455, null, null, true);

        EnumerationResult result = selector.create(onPort4455).enumerate(EnumerationRequest.of("FS02"));

        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, f -> {
            assertThat(f.error().message()).contains("always connects to TCP port 445", "FS02", "port 4455");
            assertThat(f.error().remedyText()).hasValueSatisfying(r -> assertThat(r).contains("srvsvc"));
        });
        assertThat(windowsCreated).isEmpty();
    }

    @Test
    void theReachabilityCheckAndTheCallUseTheSamePort() throws java.io.IOException {
        // The pre-check connects to the configured port; the backend that then asks must be one that uses it.
        List<Integer> portsAsked = new ArrayList<>();
        Function<ServerConfig, SessionEnumerator> recordingSrvsvc = config -> {
            portsAsked.add(config.port());
            return request -> new EnumerationResult.Success(request.server(), request.level(), List.of());
        };
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress());
             Poller poller = new Poller(new BackendSelector(windows, recordingSrvsvc, demo, true),
                     PollerOptions.defaults().withJitter(java.time.Duration.ZERO).withReachabilityCheck(true))) {
            ServerConfig server = new ServerConfig("127.0.0.1", Backend.AUTO, true, listening.getLocalPort(), null,
                    null, true);

            PollCycle cycle = poller.poll(List.of(server));

            assertThat(cycle.results()).singleElement().isInstanceOf(ServerPollResult.Ok.class);
            assertThat(portsAsked).containsExactly(listening.getLocalPort());
            assertThat(windowsCreated).isEmpty();
        }
    }

    @Test
    void demoServersAreAnsweredByTheFleet() {
        BackendSelector selector = new BackendSelector(null, null, demo, false);

        SessionEnumerator enumerator = selector.create(demo.servers().getFirst());

        assertThat(enumerator.enumerate(EnumerationRequest.of(demo.servers().getFirst().name())))
                .isInstanceOf(EnumerationResult.Success.class);
        enumerator.close();
        assertThat(demo.enumerate(EnumerationRequest.of(demo.servers().getFirst().name())))
                .isInstanceOf(EnumerationResult.Success.class);
    }

    @Test
    void thePollerPollsTheWholeDemoFleetThroughTheSelector() {
        try (Poller poller = new Poller(new BackendSelector(null, null, demo, false),
                PollerOptions.defaults().withJitter(java.time.Duration.ZERO))) {
            PollCycle cycle = poller.poll(demo.servers());

            assertThat(cycle.results()).hasSize(demo.servers().size());
            assertThat(cycle.failedCount()).isEqualTo(2);
            assertThat(cycle.results()).filteredOn(r -> r.server().equals("NAS-SAMBA")).singleElement()
                    .isInstanceOfSatisfying(ServerPollResult.Ok.class,
                            ok -> assertThat(ok.level()).hasToString("1"));
            assertThat(cycle.results()).filteredOn(ServerPollResult.Failed.class::isInstance)
                    .extracting(r -> ((ServerPollResult.Failed) r).error().kind())
                    .containsExactly(ErrorKind.ACCESS_DENIED, ErrorKind.UNREACHABLE);
            assertThat(cycle.sessions().count()).isGreaterThan(500);
        }
    }

    @Test
    void theSlowDemoServerTimesOutUnderAShortDeadlineWithoutHoldingUpTheOthers() {
        DemoFleet realLatency = new DemoFleet(1, Clock.systemUTC());
        try (Poller poller = new Poller(new BackendSelector(null, null, realLatency, false),
                PollerOptions.defaults().withJitter(java.time.Duration.ZERO)
                        .withServerDeadline(java.time.Duration.ofMillis(400)))) {
            long start = System.nanoTime();
            PollCycle cycle = poller.poll(realLatency.servers());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).isLessThan(1400);
            assertThat(cycle.results()).filteredOn(r -> r.server().equals("FS-ARCHIVE")).singleElement()
                    .isInstanceOfSatisfying(ServerPollResult.Failed.class,
                            f -> assertThat(f.error().kind()).isEqualTo(ErrorKind.TIMEOUT));
            assertThat(cycle.results()).filteredOn(r -> r.server().startsWith("FS-HQ")).hasSize(2)
                    .allMatch(ServerPollResult.Ok.class::isInstance);
        }
    }

    private static Function<ServerConfig, SessionEnumerator> provider(String name, List<String> created) {
        return config -> {
            created.add(config.name());
            return request -> new EnumerationResult.Failure(request.server(), request.level(),
                    new org.sessionwatch.netapi.NetApiError(ErrorKind.OTHER, 0, name, null));
        };
    }

    private static String answer(SessionEnumerator enumerator, String server) {
        return message(enumerator, server);
    }

    private static String message(SessionEnumerator enumerator) {
        return message(enumerator, "FS01");
    }

    private static String message(SessionEnumerator enumerator, String server) {
        EnumerationResult result = enumerator.enumerate(EnumerationRequest.of(server));
        assertThat(result).isInstanceOf(EnumerationResult.Failure.class);
        return ((EnumerationResult.Failure) result).error().message();
    }
}
