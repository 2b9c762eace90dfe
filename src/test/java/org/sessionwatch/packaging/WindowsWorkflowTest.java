package org.sessionwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The Windows CI workflow cannot run here; this keeps it pointing at what exists: the smoke test it runs, the
 * account variables that test reads, the package profile and the launcher it installs.
 */
class WindowsWorkflowTest {
    private static final Path WORKFLOW = Path.of(".github/workflows/windows.yml");
    private static final Path SMOKE_TEST = Path.of("src/test/java/org/sessionwatch/netapi/windows/WindowsSmokeTest.java");

    @Test
    void theWorkflowRunsTheSmokeTestWithTheAccountItReads() throws IOException {
        String workflow = Files.readString(WORKFLOW);
        String smokeTest = Files.readString(SMOKE_TEST);

        assertThat(smokeTest).contains("SESSIONWATCH_SMOKE_USER", "SESSIONWATCH_SMOKE_PASSWORD", "\\\\\\\\127.0.0.1\\\\IPC$");
        assertThat(workflow).contains("-Dtest=WindowsSmokeTest", "SESSIONWATCH_SMOKE_USER=", "SESSIONWATCH_SMOKE_PASSWORD=",
                "::add-mask::");
    }

    @Test
    void theWorkflowBuildsInstallsAndStartsThePackagedProgram() throws IOException {
        String workflow = Files.readString(WORKFLOW);

        assertThat(workflow).contains("runs-on: windows-", "mvn -B -ntp verify", "-Ppackage package", "msiexec.exe",
                "/qn", "SessionWatch (console).exe", "--version", "jnidispatch.dll",
                "--once --server 127.0.0.1 --backend windows --format json");
        // the launcher's name comes from the app-image arguments
        assertThat(Files.readString(Path.of("jpackage/windows-app-image.args")))
                .contains("--add-launcher \"SessionWatch (console)=");
    }
}
