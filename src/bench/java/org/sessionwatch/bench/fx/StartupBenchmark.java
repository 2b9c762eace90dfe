package org.sessionwatch.bench.fx;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;

/**
 * Figure 6: time from launching a JVM with the real application (demo fleet: no configuration, fresh home) to the
 * first table row on screen, headless Monocle, against the same launch of a trivial JavaFX window, alternating, three
 * of each, medians. Launch time is taken in this JVM just before the process starts.
 *
 * <p>The app is launched as the Linux app image starts it: the shaded jar (plus Monocle and the probe) with the app
 * image's JVM options, among them its start-up cache ({@code -XX:AOTCache}, {@code org.sessionwatch.ui.startup}).
 * The cache is trained first the way the app trains it: the real window started once with the option naming a
 * missing file, which writes the cache in the background (without the usual delay) and is stopped once the file is
 * there. Then, per trial: the trivial window, the app's first start (the option names a missing file, as on a user's
 * first start), the app with its cache (each such run must report that it used it) and the README's run command
 * (the build's class folders, which no cache can hold, and the run command's collector). Targets (issue 14, on a
 * quiet 2-core machine): the window shown within {@value #WINDOW_TARGET_MS} ms, its first rows within
 * {@value #ROWS_TARGET_MS} ms, with the cache.
 */
public final class StartupBenchmark {
    static final long WINDOW_TARGET_MS = 1_000;
    static final long ROWS_TARGET_MS = 1_200;
    static final long TIMEOUT_SECONDS = 30;
    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(4);
    /** As the app image's launcher has it (jpackage/linux-startup-cache.args): quiet while the file is missing. */
    static final String QUIET_CACHE = "-Xlog:aot*=off";
    /** What the app image names; the class path here holds JavaFX as classes, not as the module of that name. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private StartupBenchmark() {
    }

    /** One way of launching the app: its JVM options and class path, and whether it must start from a cache. */
    private record Launch(String name, List<String> options, String classPath, Boolean cached) {
    }

    /** What one launch took: to the window and to the first rows. */
    private record Timing(double windowMillis, double rowsMillis) {
    }

    /**
     * @param windowOptions the JVM options of a window in the benchmarks (headless Monocle, the app image's collector)
     * @param runCommand    the same for the README's run command (its own collector)
     * @param classPath     the benchmarks' class path (the build's folders and the dependencies' jars)
     * @param appJar        the shaded jar, {@code target/sessionwatch.jar}
     */
    public static List<Figure> run(List<String> windowOptions, List<String> runCommand, String classPath, Path appJar,
            Path java, int trials) throws IOException, InterruptedException {
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException("No shaded jar at " + appJar + ": the start-up figure launches the app as"
                    + " it is packaged; run it through mvn -Pbench verify, which builds the jar first");
        }
        // the cache (about 50 MB), the probe's jar and the launches' homes; deleted afterwards
        Path work = Files.createTempDirectory("sessionwatch-bench-startup-");
        try {
            return run(windowOptions, runCommand, classPath, appJar, java, trials, work);
        } finally {
            deleteTree(work);
        }
    }

    private static List<Figure> run(List<String> windowOptions, List<String> runCommand, String classPath,
            Path appJar, Path java, int trials, Path work) throws IOException, InterruptedException {
        String installedClassPath = String.join(File.pathSeparator, appJar.toString(),
                monocleJar(classPath), probeJar(work.resolve("startup-probe.jar")).toString());
        Path cache = work.resolve("cache").resolve("startup.aot");
        deleteTree(cache.getParent());
        List<String> installed = new ArrayList<>(windowOptions);
        installed.add(NATIVE_ACCESS);
        installed.add("-XX:AOTCache=" + cache);
        installed.add(QUIET_CACHE);
        List<String> firstStart = new ArrayList<>(windowOptions);
        firstStart.add(NATIVE_ACCESS);
        firstStart.add("-XX:AOTCache=" + work.resolve("cache").resolve("never-written.aot"));
        firstStart.add(QUIET_CACHE);
        List<String> plain = new ArrayList<>(windowOptions);
        plain.add(NATIVE_ACCESS);
        List<String> build = new ArrayList<>(runCommand);
        build.add(NATIVE_ACCESS);

        long trainingMillis = train(installed, installedClassPath, java, cache);
        FigureOutput.progress("start-up cache trained by the app in %.1f s: %.1f MB", trainingMillis / 1000.0,
                Files.size(cache) / 1e6);

        Launch trivial = new Launch("trivial", plain, classPath, null);
        Launch withCache = new Launch("app", installed, installedClassPath, true);
        Launch withoutCache = new Launch("app", firstStart, installedClassPath, false);
        Launch fromBuild = new Launch("app", build, classPath, null);
        List<Timing> trivialRuns = new ArrayList<>();
        List<Timing> cachedRuns = new ArrayList<>();
        List<Timing> firstRuns = new ArrayList<>();
        List<Timing> buildRuns = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            trivialRuns.add(launch(trivial, java, work));
            cachedRuns.add(launch(withCache, java, work));
            firstRuns.add(launch(withoutCache, java, work));
            buildRuns.add(launch(fromBuild, java, work));
            FigureOutput.progress("start-up trial %d: trivial %.0f ms; app with its cache %.0f ms (window %.0f),"
                    + " first start %.0f ms (window %.0f), from the build's folders %.0f ms", i + 1,
                    trivialRuns.getLast().rowsMillis(), cachedRuns.getLast().rowsMillis(),
                    cachedRuns.getLast().windowMillis(), firstRuns.getLast().rowsMillis(),
                    firstRuns.getLast().windowMillis(), buildRuns.getLast().rowsMillis());
        }
        double baseline = Stats.of(rows(trivialRuns)).median();
        String baselineText = "launch to first pulse of a trivial JavaFX window (one label), same collector";
        Stats cachedWindow = Stats.of(windows(cachedRuns));
        Stats cachedRows = Stats.of(rows(cachedRuns));
        Stats firstWindow = Stats.of(windows(firstRuns));
        Stats firstRows = Stats.of(rows(firstRuns));
        Stats buildRows = Stats.of(rows(buildRuns));
        String how = String.format(Locale.ROOT, "median of %d launches; the shaded jar with the app image's JVM"
                + " options, headless Monocle, software rendering; the cache (%.1f MB) trained by the app itself in"
                + " %.1f s before the trials; ratio < 1 means slower than the trivial window (%s ms)", trials,
                Files.size(cache) / 1e6, trainingMillis / 1000.0, Stats.of(rows(trivialRuns)));
        return List.of(
                Figure.lowerIsBetter("startup.window_shown", cachedWindow.median(), "ms", baseline, baselineText,
                        "<= " + WINDOW_TARGET_MS + " ms", cachedWindow.median() <= WINDOW_TARGET_MS,
                        "launch to the app's main window showing, before it has rows, with the start-up cache: "
                                + cachedWindow + " ms; " + how),
                Figure.lowerIsBetter("startup.first_rows", cachedRows.median(), "ms", baseline, baselineText,
                        "<= " + ROWS_TARGET_MS + " ms", cachedRows.median() <= ROWS_TARGET_MS,
                        "launch to the first non-empty table row (demo fleet), with the start-up cache: "
                                + cachedRows + " ms; " + how),
                Figure.lowerIsBetter("startup.first_start_window_shown", firstWindow.median(), "ms", baseline,
                        baselineText, null, null, "the same before the cache exists (a user's first start of a"
                                + " version; the app trains the cache afterwards): " + firstWindow + " ms"),
                Figure.lowerIsBetter("startup.first_start_first_rows", firstRows.median(), "ms", baseline,
                        baselineText, null, null, "the same before the cache exists: " + firstRows + " ms"),
                Figure.lowerIsBetter("startup.from_build_first_rows", buildRows.median(), "ms", baseline,
                        baselineText, null, null, "the README's run command's way: the build's class folders and"
                                + " the dependencies' jars, its collector (" + String.join(" ", runCommand.stream()
                                        .filter(option -> option.matches("-XX:[+]Use\\w+GC")).toList())
                                + "), no cache (a class"
                                + " path with folders cannot have one): "
                                + buildRows + " ms"));
    }

    private static List<Double> rows(List<Timing> timings) {
        return timings.stream().map(Timing::rowsMillis).toList();
    }

    private static List<Double> windows(List<Timing> timings) {
        return timings.stream().map(Timing::windowMillis).toList();
    }

    /**
     * Starts the real window as the app image would on a first start, with the training delay at zero, and waits
     * until the app has written the cache: what the app does, not a copy of it. Returns how long that took.
     */
    private static long train(List<String> options, String classPath, Path java, Path cache)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("sessionwatch-bench-training-");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add("-Dsessionwatch.startupCache.delaySeconds=0");
        command.add("-Duser.home=" + home);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-cp");
        command.add(classPath);
        command.add(org.sessionwatch.Launcher.class.getName());
        Path output = cache.resolveSibling("bench-training.out");
        Files.createDirectories(cache.getParent());
        ProcessBuilder builder = homeEnvironment(new ProcessBuilder(command), home).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = started + TRAINING_TIMEOUT.toNanos();
            while (!Files.exists(cache)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The app wrote no start-up cache at " + cache + " ("
                            + (process.isAlive() ? "timed out" : "exited with " + process.exitValue()) + "); its"
                            + " output:\n" + Files.readString(output) + "\ntraining log:\n"
                            + readIfExists(cache.resolveSibling(cache.getFileName() + ".log")));
                }
                Thread.sleep(200);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            deleteTree(home);
        }
    }

    private static Timing launch(Launch launch, Path java, Path work) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(work, "home-");
        try {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(launch.options());
            command.add("-Duser.home=" + home);
            command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            command.add("-cp");
            command.add(launch.classPath());
            command.add(StartupProbe.class.getName());
            command.add(launch.name());
            ProcessBuilder builder = homeEnvironment(new ProcessBuilder(command), home).redirectErrorStream(true);
            long launchedAt = System.currentTimeMillis();
            Process process = builder.start();
            AtomicLong doneAt = new AtomicLong(-1);
            AtomicLong windowAt = new AtomicLong(-1);
            StringBuffer vmInfo = new StringBuffer();
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
                        } else if (line.startsWith(StartupProbe.VM)) {
                            vmInfo.append(line.substring(StartupProbe.VM.length()).trim());
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
                throw new IllegalStateException("The " + launch.name() + " start-up probe saw no table row within "
                        + TIMEOUT_SECONDS + " s:\n" + other);
            }
            reader.join(5_000);
            if (doneAt.get() < 0) {
                throw new IllegalStateException("The " + launch.name() + " start-up probe exited with "
                        + process.exitValue() + " before its window was ready:\n" + other);
            }
            boolean sharing = vmInfo.toString().contains("sharing");
            if (launch.cached() != null && launch.cached() != sharing) {
                throw new IllegalStateException("A launch " + (launch.cached() ? "with" : "without")
                        + " the start-up cache reported java.vm.info '" + vmInfo + "': the figure would measure"
                        + " something else. Its output:\n" + other);
            }
            double rows = doneAt.get() - launchedAt;
            return new Timing(windowAt.get() > 0 ? windowAt.get() - launchedAt : rows, rows);
        } finally {
            deleteTree(home);
        }
    }

    private static ProcessBuilder homeEnvironment(ProcessBuilder builder, Path home) {
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        return builder;
    }

    /** The Monocle jar of the benchmarks' class path: headless JavaFX for the launches of the shaded jar. */
    private static String monocleJar(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> entry.contains("openjfx-monocle") && entry.endsWith(".jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No openjfx-monocle jar on the class path"));
    }

    /** The probe's classes as a jar: a class-data cache accepts jars on the class path, not folders. */
    private static Path probeJar(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String folder = StartupProbe.class.getPackageName().replace('.', '/');
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> entries = Files.list(classes.resolve(folder))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith("StartupProbe")).toList()) {
                out.putNextEntry(new JarEntry(folder + "/" + entry.getFileName()));
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
