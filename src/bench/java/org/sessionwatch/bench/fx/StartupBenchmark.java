package org.sessionwatch.bench.fx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;

/**
 * Figure 6: time from launching a JVM with the real application (demo fleet: no configuration, fresh home) to the
 * first table row on screen, headless Monocle; against the same launch of a trivial JavaFX window, alternating, three
 * of each, medians. Launch time is taken in this JVM just before the process starts. Targets (issue 14, on a quiet
 * 2-core machine): the window shown within {@value #WINDOW_TARGET_MS} ms, its first rows within
 * {@value #ROWS_TARGET_MS} ms.
 */
public final class StartupBenchmark {
    static final long WINDOW_TARGET_MS = 1_000;
    static final long ROWS_TARGET_MS = 1_200;
    static final long TIMEOUT_SECONDS = 30;

    /** Launch to the app's window showing (before its rows), per app launch: where the time goes. */
    private static final List<Double> windowShownMillis = new ArrayList<>();

    private StartupBenchmark() {
    }

    public static List<Figure> run(List<String> headlessOptions, String classPath, Path java, int trials)
            throws IOException, InterruptedException {
        List<Double> app = new ArrayList<>();
        List<Double> trivial = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            trivial.add(launch("trivial", headlessOptions, classPath, java));
            app.add(launch("app", headlessOptions, classPath, java));
            FigureOutput.progress("start-up trial %d: trivial %.0f ms, app %.0f ms", i + 1, trivial.getLast(),
                    app.getLast());
        }
        Stats appStats = Stats.of(app);
        Stats trivialStats = Stats.of(trivial);
        Stats window = Stats.of(windowShownMillis);
        return List.of(Figure.lowerIsBetter("startup.window_shown", window.median(), "ms", trivialStats.median(),
                "launch to first pulse of a trivial JavaFX window (one label), same JVM options",
                "<= " + WINDOW_TARGET_MS + " ms", window.median() <= WINDOW_TARGET_MS,
                "launch to the app's main window showing, before it has rows: JVM, JavaFX, configuration, FXML,"
                        + " stylesheets; " + window + " ms; ratio < 1 means slower than the trivial window"),
                Figure.lowerIsBetter("startup.first_rows", appStats.median(), "ms", trivialStats.median(),
                "launch to first pulse of a trivial JavaFX window (one label), same JVM options",
                "<= " + ROWS_TARGET_MS + " ms", appStats.median() <= ROWS_TARGET_MS,
                String.format(Locale.ROOT, "median of %d launches of the real Launcher with no configuration (demo"
                        + " fleet) to the first non-empty table row; app %s ms, trivial %s ms; headless Monocle,"
                        + " software rendering, class path (not the shaded jar); ratio < 1 means slower than the"
                        + " trivial window; the app's window itself was showing after %s ms", trials, appStats,
                        trivialStats, windowShownMillis)));
    }

    private static double launch(String mode, List<String> headlessOptions, String classPath, Path java)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("sessionwatch-bench-home-");
        try {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(headlessOptions);
            command.add("-Duser.home=" + home);
            command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            command.add("-cp");
            command.add(classPath);
            command.add(StartupProbe.class.getName());
            command.add(mode);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            builder.environment().put("XDG_STATE_HOME", home.resolve(".local/state").toString());
            builder.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
            long launchedAt = System.currentTimeMillis();
            Process process = builder.start();
            java.util.concurrent.atomic.AtomicLong doneAt = new java.util.concurrent.atomic.AtomicLong(-1);
            java.util.concurrent.atomic.AtomicLong windowAt = new java.util.concurrent.atomic.AtomicLong(-1);
            StringBuffer other = new StringBuffer();
            Thread reader = Thread.ofPlatform().daemon().name("bench-startup-output").start(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith(StartupProbe.WINDOW)) {
                            windowAt.set(Long.parseLong(line.substring(StartupProbe.WINDOW.length()).trim()));
                        } else if (line.startsWith(StartupProbe.DONE)) {
                            doneAt.set(Long.parseLong(line.substring(StartupProbe.DONE.length()).trim()));
                        } else if (other.length() < 4_000) {
                            other.append("    ").append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    other.append("    (output lost: ").append(e.getMessage()).append(")\n");
                }
            });
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("The " + mode + " start-up probe saw no table row within "
                        + TIMEOUT_SECONDS + " s:\n" + other);
            }
            reader.join(5_000);
            if (doneAt.get() < 0) {
                throw new IllegalStateException("The " + mode + " start-up probe exited with " + process.exitValue()
                        + " before its window was ready:\n" + other);
            }
            if (windowAt.get() > 0) {
                windowShownMillis.add((double) (windowAt.get() - launchedAt));
            }
            return doneAt.get() - launchedAt;
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
