package org.sessionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code --watch} stopped by SIGTERM (a service manager, {@code kill}) ends with the exit code of its last complete
 * poll, as the README promises, not with the JVM's 143 for the signal: a real process, since only a real JVM shuts
 * down on a signal. Ctrl+C (SIGINT) takes the same path in the shutdown hook; a test runner's child may ignore
 * SIGINT, so SIGTERM is what is sent here.
 */
@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "SIGTERM is how Process.destroy() ends a process only on POSIX")
class CliSignalTest {
    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}: exit {1}")
    @CsvSource({"FS-HQ-01, 0", "NOT-IN-THE-FLEET, 4"})
    void aWatchStoppedBySigtermEndsWithItsLastPollsExitCode(String server, int expected) throws Exception {
        ProcessBuilder builder = CliProcess.builder(home, "--watch", "--server", server, "--backend", "demo",
                "--interval", "1").redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        StringBuilder stderr = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            // "Watching …" comes before the first poll; two more intervals give at least one complete poll.
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith("Watching ")) {
                stderr.append(line).append('\n');
            }
            assertThat(line).as("the watch started; stderr so far:\n%s", stderr).isNotNull();
            Thread.sleep(2_500);
            child.destroy();
            // (destroy() also closes this side of the child's streams: what it printed afterwards is not read)
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("ended within 30 s of SIGTERM").isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(child.exitValue()).as("exit code; stderr:\n%s", stderr).isEqualTo(expected);
        assertThat(Files.exists(home.resolve("data"))).as("the demo backend's sessions are never recorded").isFalse();
    }
}
