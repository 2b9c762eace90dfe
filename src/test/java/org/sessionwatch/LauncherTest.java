package org.sessionwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Start-up failures of the window end with one message naming the missing piece and its remedy, exit code 1 and the
 * CLI pointed out; JavaFX's own failures are injected through the launcher's window seam, as JavaFX throws them.
 */
class LauncherTest {
    private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger started = new AtomicInteger();

    private int start(Launcher.Window window, Map<String, String> environment, String os, String glassPlatform) {
        return Launcher.startWindow(() -> {
            started.incrementAndGet();
            window.start();
        }, environment, os, glassPlatform, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWindowThatOpensAndClosesExitsWithZeroAndSaysNothing() {
        assertThat(start(() -> { }, X11, "Linux", null)).isZero();
        assertThat(started).hasValue(1);
        assertThat(err()).isEmpty();
    }

    @Test
    void noDisplayOnLinuxIsReportedBeforeJavaFxIsTouched() {
        assertThat(start(() -> { }, Map.of(), "Linux", null)).isEqualTo(1);
        assertThat(started).as("JavaFX was not started").hasValue(0);
        assertThat(err()).contains("no display", "DISPLAY", "sessionwatch --once").hasLineCount(2);
    }

    @Test
    void waylandAloneCountsAsADisplayAndWindowsAndMacNeedNoVariable() {
        assertThat(start(() -> { }, Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isZero();
        assertThat(start(() -> { }, Map.of(), "Windows 11", null)).isZero();
        assertThat(start(() -> { }, Map.of(), "Mac OS X", null)).isZero();
        assertThat(start(() -> { }, Map.of(), "Linux", "Monocle")).as("headless Monocle needs no display").isZero();
        assertThat(started).hasValue(4);
    }

    @Test
    void aDisplayThatCannotBeOpenedIsTheSameMessage() {
        int status = start(() -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        }, X11, "Linux", null);
        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("no display").contains("sessionwatch --once");
    }

    @Test
    void missingGtkNamesThePackageToInstall() {
        int status = start(() -> {
            throw new RuntimeException("Application launch exception",
                    new UnsupportedOperationException("Unable to load glass GTK library."));
        }, X11, "Linux", null);
        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("GTK 3", "sudo apt-get install libgtk-3-0", "sessionwatch --once")
                .doesNotContain("\tat ").hasLineCount(2);
    }

    @Test
    void noGraphicsPipelineNamesOpenGl() {
        int status = start(() -> {
            throw new RuntimeException("No toolkit found");
        }, X11, "Linux", null);
        assertThat(status).isEqualTo(1);
        assertThat(err()).contains("OpenGL", "sudo apt-get install libgl1", "libgtk-3-0");
    }

    @Test
    void javaFxThatCannotLoadPointsToTheWaysThatBringIt() {
        assertThat(start(() -> {
            throw new NoClassDefFoundError("javafx/application/Application");
        }, X11, "Linux", null)).isEqualTo(1);
        assertThat(err()).contains("JavaFX runtime cannot be used", "NoClassDefFoundError", "mvn compile exec:exec");

        err.reset();
        assertThat(start(() -> {
            throw new UnsatisfiedLinkError("no prism_es2 in java.library.path");
        }, Map.of(), "Windows 11", null)).isEqualTo(1);
        assertThat(err()).contains("JavaFX runtime cannot be used", "prism_es2");
    }

    @Test
    void anyOtherFailureIsADefectAndKeepsItsStackTrace() {
        IllegalStateException bug = new IllegalStateException("controller not initialised");
        assertThatThrownBy(() -> start(() -> {
            throw bug;
        }, X11, "Linux", null)).isSameAs(bug);
        assertThat(err()).isEmpty();
    }
}
