package org.sessionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listing whose output cannot be written (a full disk) says so and exits 1, instead of leaving an incomplete file
 * and exit code 0: a real process writing to Linux's {@code /dev/full}, which fails every write as a full disk does.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "/dev/full, the always-full device, exists on Linux only")
class CliOutputTest {
    @TempDir
    Path home;

    @Test
    void aListingThatCannotBeWrittenSaysSoAndExitsOne() throws Exception {
        Process child = start(new File("/dev/full"), "--once", "--server", "FS-HQ-01", "--backend", "demo",
                "--format", "csv");

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(stderr).isEqualTo(ExitCodes.SOFTWARE);
        assertThat(stderr).contains("sessionwatch: the output could not be written (No space left on device); what was"
                + " printed is incomplete.");
    }

    @Test
    void theSameListingWrittenToAFileExitsZeroWithNothingOnStderr() throws Exception {
        Path csv = home.resolve("sessions.csv");
        Process child = start(csv.toFile(), "--once", "--server", "FS-HQ-01", "--backend", "demo", "--format", "csv");

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("could not be written");
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(100).first().asString().startsWith("polledAt,server,");
    }

    private Process start(File output, String... args) throws Exception {
        return CliProcess.builder(home, args).redirectOutput(output).start();
    }
}
