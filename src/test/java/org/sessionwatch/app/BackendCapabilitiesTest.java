package org.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.netapi.windows.WindowsFileServer;

/**
 * A backend that lists sessions but has no open files and actions yet answers those calls with the typed
 * "unsupported" value its capabilities announce: never an exception, never an empty list, and without touching the
 * network or netapi32. The srvsvc backend and the demo fleet do all of it (see {@code SrvsvcFilesSambaTest} and
 * {@code DemoFleetFilesTest}).
 */
class BackendCapabilitiesTest {

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("the Windows backend", new WindowsFileServer("FS01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void saysWhatItCannotDoYetAndAnswersThoseCallsWithThatReason(String backend, FileServer server) {
        try (server) {
            assertThat(server.name()).isEqualTo("FS01");
            assertThat(server.capabilities().supported()).containsExactly(Capability.LIST_SESSIONS);
            assertThat(server.capabilities().reason(Capability.LIST_OPEN_FILES))
                    .contains("Listing open files is not supported by " + backend + " yet.");

            assertThat(server.listOpenFiles(OpenFilesRequest.of("FS01"))).isEqualTo(new OpenFilesResult.Unsupported(
                    "FS01", "Listing open files is not supported by " + backend + " yet."));
            assertThat(server.closeFile(4_026_531_841L)).isEqualTo(new ActionResult.Unsupported(
                    "Closing files is not supported by " + backend + " yet."));
            assertThat(server.endSession("pc1", "alice")).isEqualTo(new ActionResult.Unsupported(
                    "Ending sessions is not supported by " + backend + " yet."));
        }
    }
}
