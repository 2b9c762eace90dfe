package org.sessionwatch.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.testing.SkipOrFail;

/**
 * The whole training with real JVMs: the window's start recorded off screen (headless Monocle here, the desktop's own
 * toolkit in the app image), the cache written by a G1 JVM, checked by a JVM with the launcher's options, and put in
 * place; then a JVM started with that option runs from it. The class path is made of jars, as in the app image (a
 * cache cannot hold classes from a folder). About 20 s.
 */
class StartupCacheTrainingTest {
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dheadless.geometry=1920x1200");
    /** What jpackage/jvm-jdk25.args and linux-startup-cache.args give the app image, and JavaFX's native access. */
    private static final List<String> APP_IMAGE = List.of("-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational",
            "--enable-native-access=ALL-UNNAMED", "-Dsun.misc.unsafe.memory.access=allow", "-Xlog:aot*=off");

    @TempDir
    static Path dir;

    private static Path java;

    @BeforeAll
    static void needsJdk25() throws IOException, InterruptedException {
        java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-XX:+UseShenandoahGC",
                "-XX:ShenandoahGCMode=generational", "-XX:AOTMode=auto", "-version").redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (probe.waitFor() != 0) {
            SkipOrFail.unavailable("start-up cache training test", "the JDK running the tests ("
                    + Runtime.version() + ") has no ahead-of-time cache or no generational Shenandoah, which the"
                    + " app image uses from JDK 25 on: " + output.strip());
        }
    }

    @Test
    void trainsACacheThatTheNextStartUses() throws Exception {
        Path file = dir.resolve("cache").resolve("startup-test.aot");
        List<String> options = new ArrayList<>(HEADLESS);
        options.addAll(APP_IMAGE);
        options.add(StartupCache.CACHE_OPTION + file);
        String classPath = jarsOnly(System.getProperty("java.class.path"), dir.resolve("jars"));
        StartupCache cache = new StartupCache(file, java, options, classPath, false);
        assertThat(cache.state()).isEqualTo(StartupCache.State.MISSING);

        cache.train();

        assertThat(file).as("training log:\n%s", readIfExists(cache.trainingLog())).isRegularFile();
        assertThat(Files.size(file)).isGreaterThan(10_000_000L);
        assertThat(cache.failureMarker()).doesNotExist();
        String log = Files.readString(cache.trainingLog());
        assertThat(log).contains("== record: ", "== create: ", "== check: ", "AOTCache creation is complete");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no work folder left behind")
                    .noneMatch(name -> name.contains(".training-"));
        }

        // A JVM with the app image's options (the cache's among them) starts from it.
        List<String> next = new ArrayList<>(List.of(java.toString()));
        next.addAll(options);
        next.addAll(List.of("-cp", classPath, "-XshowSettings:properties", "-version"));
        Process process = new ProcessBuilder(next).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("java.vm.info = mixed mode, sharing");
        assertThat(output).as("the launcher's quiet option hides nothing else").doesNotContain("[error]", "[warning]");
    }

    /** The class path with each folder (the build's classes) replaced by a jar of it; the tests' own classes left out. */
    private static String jarsOnly(String classPath, Path jars) throws IOException {
        Files.createDirectories(jars);
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                if (path.endsWith("test-classes")) {
                    continue;
                }
                entries.add(jar(path, jars.resolve(path.getFileName() + ".jar")).toString());
            } else if (Files.isRegularFile(path)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path jar(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(String.join("/", Arrays.stream(folder.relativize(path).toString()
                        .split(Pattern.quote(File.separator))).toList())));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }
}
