package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.netapi.ScriptedServer;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

class BackendSelectorTest {

    private final List<String> windowsCreated = new ArrayList<>();
    private final List<String> srvsvcCreated = new ArrayList<>();
    private final Function<ServerConfig, FileServer> windows = provider("windows", windowsCreated);
    private final Function<ServerConfig, FileServer> srvsvc = provider("srvsvc", srvsvcCreated);

    private static final ServerConfig PLAIN = ServerConfig.of("FS01");
    private static final ServerConfig WITH_CREDENTIALS =
            new ServerConfig("FS02", Backend.AUTO, true, 445, "helpdesk", "CORP", true);

    @Test
    void autoUsesNetapiOnWindowsWithoutExplicitCredentials() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, true);

        assertThat(selector.resolve(PLAIN)).isEqualTo(Backend.WINDOWS);
        assertThat(answer(selector.create(PLAIN), "FS01")).isEqualTo("windows");
        assertThat(windowsCreated).containsExactly("FS01");
    }

    @Test
    void autoOnWindowsUsesNetapiAlsoWithExplicitCredentialsWhichItLogsOnWith() {
        BackendSelector onWindows = new BackendSelector(windows, srvsvc, true);

        assertThat(onWindows.resolve(WITH_CREDENTIALS)).isEqualTo(Backend.WINDOWS);
        assertThat(answer(onWindows.create(WITH_CREDENTIALS), "FS02")).isEqualTo("windows");
        assertThat(windowsCreated).containsExactly("FS02");
        assertThat(srvsvcCreated).isEmpty();
    }

    @Test
    void autoOffWindowsUsesSrvsvc() {
        BackendSelector onLinux = new BackendSelector(null, srvsvc, false);

        assertThat(onLinux.resolve(PLAIN)).isEqualTo(Backend.SRVSVC);
        assertThat(onLinux.resolve(WITH_CREDENTIALS)).isEqualTo(Backend.SRVSVC);
        assertThat(answer(onLinux.create(PLAIN), "FS01")).isEqualTo("srvsvc");
        assertThat(windowsCreated).isEmpty();
    }

    @Test
    void autoWithANonDefaultPortUsesSrvsvcWhichHonoursThePortOnWindowsToo() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, true);
        ServerConfig onPort4455 = new ServerConfig("fs02.corp.example", Backend.AUTO, true, 4455, null, null, true);

        assertThat(selector.resolve(onPort4455)).isEqualTo(Backend.SRVSVC);
        assertThat(answer(selector.create(onPort4455), "fs02.corp.example")).isEqualTo("srvsvc");
        assertThat(windowsCreated).isEmpty();
    }

    @Test
    void theWindowsBackendWithANonDefaultPortIsRefusedWithTheReason() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, true);
        ServerConfig onPort4455 = new ServerConfig("FS02", Backend.WINDOWS, true, 4455, null, null, true);

        EnumerationResult result = selector.create(onPort4455).listSessions(EnumerationRequest.of("FS02"));

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
        Function<ServerConfig, FileServer> recordingSrvsvc = config -> {
            portsAsked.add(config.port());
            return ScriptedServer.of(config.name(),
                    request -> new EnumerationResult.Success(request.server(), request.level(), List.of()));
        };
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress());
             Poller poller = new Poller(new BackendSelector(windows, recordingSrvsvc, true),
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
    void explicitBackendsAreHonoured() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, true);

        assertThat(answer(selector.create(ServerConfig.of("FS01", Backend.SRVSVC)), "FS01")).isEqualTo("srvsvc");
        assertThat(answer(selector.create(ServerConfig.of("FS01", Backend.WINDOWS)), "FS01")).isEqualTo("windows");
    }

    @Test
    void windowsBackendOffWindowsIsAClearFailureNotAnException() {
        BackendSelector selector = new BackendSelector(windows, srvsvc, false);

        EnumerationResult result = selector.create(ServerConfig.of("FS01", Backend.WINDOWS))
                .listSessions(EnumerationRequest.of("FS01"));

        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, f -> {
            assertThat(f.error().kind()).isEqualTo(ErrorKind.OTHER);
            assertThat(f.error().message()).contains("The Windows backend needs Windows; use the srvsvc backend");
            assertThat(f.server()).isEqualTo("FS01");
        });
        assertThat(windowsCreated).isEmpty();
    }

    @Test
    void missingProvidersAreClearFailures() {
        BackendSelector selector = new BackendSelector(null, null, true);

        assertThat(message(selector.create(ServerConfig.of("FS01", Backend.WINDOWS)))).contains("Windows backend");
        assertThat(message(selector.create(ServerConfig.of("FS01", Backend.SRVSVC)))).contains("srvsvc backend");
        // demo servers are the demo fleet's (app.PollSources routes them there); here they are explained, not lost
        assertThat(message(selector.create(ServerConfig.of("FS01", Backend.DEMO)))).contains("demo fleet");
    }

    @Test
    void anUnavailableBackendCanDoNothingAndSaysWhyForEachCapability() {
        FileServer server = new BackendSelector(windows, srvsvc, false).create(ServerConfig.of("FS01", Backend.WINDOWS));

        assertThat(server.name()).isEqualTo("FS01");
        assertThat(server.capabilities().supported()).isEmpty();
        for (Capability capability : Capability.values()) {
            assertThat(server.capabilities().reason(capability)).get().asString()
                    .contains("The Windows backend needs Windows");
        }
        assertThat(server.listOpenFiles(OpenFilesRequest.of("FS01")))
                .isInstanceOfSatisfying(OpenFilesResult.Unsupported.class,
                        u -> assertThat(u.reason()).contains("needs Windows"));
        assertThat(server.closeFile(1)).isInstanceOf(ActionResult.Unsupported.class);
        assertThat(server.endSession("pc1", "alice")).isInstanceOf(ActionResult.Unsupported.class);
    }

    private static Function<ServerConfig, FileServer> provider(String name, List<String> created) {
        return config -> {
            created.add(config.name());
            return ScriptedServer.of(config.name(), request -> new EnumerationResult.Failure(request.server(),
                    request.level(), new org.sessionwatch.netapi.NetApiError(ErrorKind.OTHER, 0, name, null)));
        };
    }

    private static String answer(FileServer server, String name) {
        return message(server, name);
    }

    private static String message(FileServer server) {
        return message(server, "FS01");
    }

    private static String message(FileServer server, String name) {
        EnumerationResult result = server.listSessions(EnumerationRequest.of(name));
        assertThat(result).isInstanceOf(EnumerationResult.Failure.class);
        return ((EnumerationResult.Failure) result).error().message();
    }
}
