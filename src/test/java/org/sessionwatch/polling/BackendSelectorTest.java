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
    void autoUsesSrvsvcWithExplicitCredentialsOrOffWindows() {
        BackendSelector onWindows = new BackendSelector(windows, srvsvc, true);
        BackendSelector onLinux = new BackendSelector(null, srvsvc, false);

        assertThat(onWindows.resolve(WITH_CREDENTIALS)).isEqualTo(Backend.SRVSVC);
        assertThat(onLinux.resolve(PLAIN)).isEqualTo(Backend.SRVSVC);
        assertThat(answer(onWindows.create(WITH_CREDENTIALS), "FS02")).isEqualTo("srvsvc");
        assertThat(answer(onLinux.create(PLAIN), "FS01")).isEqualTo("srvsvc");
        assertThat(windowsCreated).isEmpty();
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
