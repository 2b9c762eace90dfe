package org.sessionwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects every test or test class that did not run because of its environment — disabled by a condition (an OS,
 * Samba or root missing) or aborted by an assumption — with the reason, and appends them to the file named by the
 * {@code sessionwatch.skipReport} property (set by the build); the build prints them as one line after the tests.
 * Registered for every JUnit run through {@code META-INF/services}; without the property it only collects.
 */
public final class SkippedTestsReport implements TestExecutionListener {
    static final String FILE_PROPERTY = "sessionwatch.skipReport";

    private final List<String> skipped = new ArrayList<>();
    private final Optional<Path> file;

    public SkippedTestsReport() {
        this(Optional.ofNullable(System.getProperty(FILE_PROPERTY)).filter(p -> !p.isBlank()).map(Path::of));
    }

    SkippedTestsReport(Optional<Path> file) {
        this.file = file;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(name(test) + ": " + oneLine(reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.add(name(test) + ": " + oneLine(result.getThrowable().map(Throwable::getMessage).orElse(null)));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (file.isEmpty() || skipped.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.get().toAbsolutePath().getParent());
            Files.write(file.get(), skipped, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the list of skipped tests to " + file.get(), e);
        }
    }

    /** What was skipped so far, one "name: reason" per entry. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    private static String name(TestIdentifier test) {
        return test.getSource().map(source -> {
            if (source instanceof MethodSource method) {
                return simple(method.getClassName()) + "." + method.getMethodName();
            }
            if (source instanceof ClassSource type) {
                return simple(type.getClassName());
            }
            return test.getDisplayName();
        }).orElse(test.getDisplayName());
    }

    private static String simple(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    private static String oneLine(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason.strip().replaceAll("\\s+", " ");
    }
}
