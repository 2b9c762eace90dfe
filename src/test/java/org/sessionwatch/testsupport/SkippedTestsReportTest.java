package org.sessionwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.opentest4j.TestAbortedException;

/** A real JUnit run of the nested example classes: what the report lists for a disabled class and an assumption. */
class SkippedTestsReportTest {
    @TempDir
    Path dir;

    @Test
    void listsDisabledClassesAndAbortedTestsWithTheirReasonsInTheFile() throws Exception {
        Path file = dir.resolve("skipped.txt");
        SkippedTestsReport report = new SkippedTestsReport(Optional.of(file));
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).addTestExecutionListeners(report).build());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(NoSamba.class), DiscoverySelectors.selectClass(Posix.class))
                .build();
        launcher.execute(request);

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "NoSamba: smbd not found: install samba",
                "Posix.needsPosix: not a POSIX file system");
        assertThat(report.skipped()).hasSize(2);
    }

    @Test
    void writesNothingWhenNothingWasSkipped() {
        Path file = dir.resolve("skipped.txt");
        SkippedTestsReport report = new SkippedTestsReport(Optional.of(file));
        report.testPlanExecutionFinished(null);
        assertThat(file).doesNotExist();
    }

    static final class NoSambaCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return ConditionEvaluationResult.disabled("smbd not found:\n install samba");
        }
    }

    @ExtendWith(NoSambaCondition.class)
    static class NoSamba {
        @Test
        void needsSamba() {
            throw new AssertionError("must not run");
        }
    }

    static class Posix {
        @Test
        void needsPosix() {
            throw new TestAbortedException("not a POSIX file system");
        }

        @Test
        void runsAnywhere() {
            assertThat(1 + 1).isEqualTo(2);
        }
    }
}
