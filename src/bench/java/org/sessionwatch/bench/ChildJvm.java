package org.sessionwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one benchmark in a JVM of its own, with this JVM's class path.
 *
 * <p>Each figure gets a fresh JVM so that threads one leaves behind (the fan-out benchmark hangs servers on
 * purpose), the JavaFX toolkit, or garbage from another cannot disturb it, and so the heap a memory figure reports
 * holds nothing else.
 */
final class ChildJvm {

    /**
     * The system properties surefire sets for the GUI tests (headless Monocle, software rendering), and a virtual
     * screen larger than Monocle's 1280x800 default, which the window's 1360x840 would overflow.
     */
    static final List<String> HEADLESS_FX = List.of("-Dheadless.geometry=1920x1200",
            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
            "-Djava.awt.headless=true", "-Dtestfx.headless=true");

    /**
     * The JVM options the app image starts with, so a benchmark of the window runs under the same garbage collector
     * as the app: {@code app.jvm.*} in pom.xml, handed over by the bench profile as {@code bench.appJvmOptions}, and
     * the collector of the app image built by this JDK, read from the {@code --java-options} of its args file
     * ({@code jpackage/jvm-jdk25.args} from JDK 25 on, handed over as {@code bench.appImageGcArgs}; before, the
     * {@code bench.fallbackGc} of the run command), and on Linux the options linked into its runtime
     * ({@link #runtimeOptions}).
     */
    static final List<String> APP_OPTIONS = java.util.stream.Stream.of(
            appOptions(System.getProperty("bench.appJvmOptions", "")),
            collector(Runtime.version().feature(), System.getProperty("bench.appImageGcArgs", ""),
                    System.getProperty("bench.fallbackGc", "")),
            runtimeOptions(System.getProperty("os.name", ""), System.getProperty("bench.appImageRuntimeArgs", "")))
            .flatMap(List::stream).toList();

    /**
     * The README's run command's JVM ({@code mvn compile exec:exec}): {@link #HEADLESS_FX}, {@code app.jvm.*} and the
     * run command's own collector, {@code bench.fallbackGc} (ZGC, which every JDK 21+ has).
     */
    static final List<String> RUN_COMMAND = java.util.stream.Stream.of(HEADLESS_FX,
            appOptions(System.getProperty("bench.appJvmOptions", "")),
            appOptions(System.getProperty("bench.fallbackGc", ""))).flatMap(List::stream).toList();

    /** A window's JVM: {@link #HEADLESS_FX} plus {@link #APP_OPTIONS}. */
    static final List<String> WINDOW = java.util.stream.Stream.concat(HEADLESS_FX.stream(), APP_OPTIONS.stream())
            .toList();

    private ChildJvm() {
    }

    static List<String> appOptions(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** The {@code --java-options} of {@code argsFile} on JDK 25 and later; {@code fallback}'s options before. */
    static List<String> collector(int jdkFeature, String argsFile, String fallback) {
        if (jdkFeature < 25 || argsFile.isBlank()) {
            return appOptions(fallback);
        }
        return optionValues(argsFile, "--java-options");
    }

    /**
     * On Linux, the JVM options jlink links into the app image's runtime: the {@code --add-options} of
     * {@code argsFile} ({@code jpackage/linux-jlink.args}, handed over as {@code bench.appImageRuntimeArgs}).
     */
    static List<String> runtimeOptions(String osName, String argsFile) {
        if (!osName.startsWith("Linux") || argsFile.isBlank()) {
            return List.of();
        }
        return optionValues(argsFile, "--add-options").stream().flatMap(value -> appOptions(value).stream())
                .toList();
    }

    /** The values of {@code option} in a jpackage or jlink argument file: one per line, {@code option value}. */
    private static List<String> optionValues(String argsFile, String option) {
        try {
            List<String> values = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(Path.of(argsFile))) {
                String trimmed = line.trim();
                if (trimmed.startsWith(option + " ")) {
                    values.add(trimmed.substring(option.length()).trim().replace("\"", ""));
                }
            }
            return values;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + option + " from " + argsFile, e);
        }
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The command line for {@code mainClass} with the given JVM options and arguments. */
    static List<String> command(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Runs the benchmark and returns the figures it printed. Its other output is passed through, indented.
     *
     * @throws IllegalStateException when it fails, prints no figure or outlives {@code timeout}
     */
    static List<Figure> run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass.getName(), jvmOptions, args))
                .redirectErrorStream(true);
        Process process = builder.start();
        List<Figure> figures = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().name("bench-child-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Figure figure = FigureOutput.parse(line);
                    if (figure != null) {
                        synchronized (figures) {
                            figures.add(figure);
                        }
                    } else {
                        System.out.println("    " + line);
                    }
                }
            } catch (IOException e) {
                System.out.println("    (output of " + mainClass.getSimpleName() + " lost: " + e.getMessage() + ")");
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(mainClass.getSimpleName() + " did not finish within " + timeout);
        }
        reader.join(5_000);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainClass.getSimpleName() + " failed with exit code "
                    + process.exitValue());
        }
        synchronized (figures) {
            if (figures.isEmpty()) {
                throw new IllegalStateException(mainClass.getSimpleName() + " printed no figure");
            }
            return List.copyOf(figures);
        }
    }
}
