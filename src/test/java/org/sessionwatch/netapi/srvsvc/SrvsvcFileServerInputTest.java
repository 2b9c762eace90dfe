package org.sessionwatch.netapi.srvsvc;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the wire cannot carry is refused as the person's mistake before anything is sent: the server here is a
 * name that would not even resolve, so any attempt to connect would give another answer.
 */
class SrvsvcFileServerInputTest {

    private final SrvsvcFileServer server = new SrvsvcFileServer(
            ServerConfig.of("never-contacted.invalid", Backend.SRVSVC), new InMemoryCredentialStore(),
            Duration.ofSeconds(1));

    @Test
    void aFileIdThatIsNoUnsigned32BitValueIsRefused() {
        ActionResult result = server.closeFile(-1);

        assertThat(result).isInstanceOfSatisfying(ActionResult.Refused.class, r -> {
            assertThat(r.error().kind()).isEqualTo(ErrorKind.OTHER);
            assertThat(r.error().message()).contains("-1 is not an unsigned 32-bit value");
            assertThat(r.error().remedy()).isEqualTo("Correct the file id.");
        });
    }

    @Test
    void endingASessionNeedsAClientOrAUser() {
        ActionResult result = server.endSession(null, null);

        assertThat(result).isInstanceOfSatisfying(ActionResult.Refused.class,
                r -> assertThat(r.error().message()).contains("client, a user or both"));
    }

    @Test
    void aNulInAFilterIsRefused() {
        OpenFilesResult result = server.listOpenFiles(
                new OpenFilesRequest("never-contacted.invalid", FileInfoLevel.LEVEL_3, null, "bo\0b", -1));

        assertThat(result).isInstanceOfSatisfying(OpenFilesResult.Failure.class, f -> {
            assertThat(f.error().message()).contains("UserName", "NUL");
            assertThat(f.error().remedy()).isEqualTo("Correct the path or user filter.");
        });
    }
}
