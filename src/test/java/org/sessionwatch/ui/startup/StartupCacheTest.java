package org.sessionwatch.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start-up cache reads from the JVM's options, when it trains, and the three commands it runs. */
class StartupCacheTest {
    private static final List<String> LAUNCHER_OPTIONS = List.of("-Djpackage.app-version=0.1.0",
            "--enable-native-access=javafx.graphics,ALL-UNNAMED", "-Dsun.misc.unsafe.memory.access=allow",
            "-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational",
            "-XX:AOTCache=/home/ann/.cache/sessionwatch/startup-0.1.0.aot", "-Xlog:aot*=off");

    @TempDir
    Path dir;

    @Test
    void readsTheCacheFileFromTheLaunchersOption() {
        assertThat(StartupCache.cachePath(LAUNCHER_OPTIONS))
                .contains(Path.of("/home/ann/.cache/sessionwatch/startup-0.1.0.aot"));
        assertThat(StartupCache.cachePath(List.of("-XX:AOTCache=/a.aot", "-XX:AOTCache=/b.aot")))
                .as("the last one wins, as in the JVM").contains(Path.of("/b.aot"));
    }

    @Test
    void aJvmWithoutAUsableCacheOptionHasNoCache() {
        assertThat(StartupCache.cachePath(List.of("-XX:+UseZGC"))).as("the run command, a plain jar").isEmpty();
        assertThat(StartupCache.cachePath(List.of("-XX:AOTCache=$HOME/.cache/sessionwatch/startup.aot")))
                .as("HOME unset: the launcher leaves the variable as it is").isEmpty();
        assertThat(StartupCache.cachePath(List.of("-XX:AOTCache=startup.aot"))).as("relative").isEmpty();
        assertThat(StartupCache.cachePath(List.of("-XX:AOTCache="))).isEmpty();
        assertThat(StartupCache.cachePath(List.of("-XX:AOTCacheOutput=/x.aot"))).as("another option").isEmpty();
    }

    @Test
    void tellsWhetherTheJvmStartedFromTheCache() throws IOException {
        Path file = dir.resolve("startup.aot");
        assertThat(cache(file, false).state()).isEqualTo(StartupCache.State.MISSING);
        Files.writeString(file, "written for another build of the jar");
        assertThat(cache(file, false).state()).isEqualTo(StartupCache.State.NOT_USED);
        assertThat(cache(file, true).state()).isEqualTo(StartupCache.State.IN_USE);
    }

    @Test
    void trainsWhenTheCacheWasNotUsedUnlessATrainingFailedWithinADay() throws IOException {
        Path file = dir.resolve("startup.aot");
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(cache(file, true).shouldTrain(now)).as("in use").isFalse();
        StartupCache missing = cache(file, false);
        assertThat(missing.shouldTrain(now)).as("first start").isTrue();

        Files.writeString(missing.failureMarker(), "the training window showed no sessions\n");
        Files.setLastModifiedTime(missing.failureMarker(), FileTime.from(now.minus(Duration.ofHours(23))));
        assertThat(missing.shouldTrain(now)).as("failed 23 h ago").isFalse();
        Files.setLastModifiedTime(missing.failureMarker(), FileTime.from(now.minus(Duration.ofHours(25))));
        assertThat(missing.shouldTrain(now)).as("failed 25 h ago").isTrue();
        Files.delete(missing.failureMarker());
        assertThat(missing.shouldTrain(now)).as("marker deleted by the user").isTrue();
    }

    @Test
    void aCacheTrainedForThisBuildThatTheJvmStillRefusedIsNotTrainedAgainAtOnce() throws IOException {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Path jar = Files.writeString(dir.resolve("sessionwatch.jar"), "the app");
        Path file = Files.writeString(dir.resolve("startup.aot"), "refused");
        StartupCache cache = new StartupCache(file, Path.of("/rt/bin/java"), LAUNCHER_OPTIONS, jar.toString(), false);

        Files.setLastModifiedTime(jar, FileTime.from(now.minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofHours(1))));
        assertThat(cache.shouldTrain(now)).as("trained after the jar was built, yet not used").isFalse();
        assertThat(Files.readString(cache.failureMarker())).contains("although it was trained for this build");

        Files.delete(cache.failureMarker());
        Files.setLastModifiedTime(jar, FileTime.from(now.minus(Duration.ofMinutes(10))));
        assertThat(cache.shouldTrain(now)).as("a new build of the jar: the cache is stale").isTrue();
    }

    @Test
    void theTrainingJvmsInheritTheLaunchersOptionsButNotTheCachesOrADebuggers() {
        StartupCache cache = new StartupCache(Path.of("/c/startup.aot"), Path.of("/rt/bin/java"),
                concat(LAUNCHER_OPTIONS, List.of("-agentlib:jdwp=transport=dt_socket", "-Duser.home=/home/ann",
                        "-XX:StartFlightRecording=filename=x.jfr", "-Xshare:auto", "-XX:+AOTClassLinking",
                        "-Xlog:gc:file=/home/ann/gc.log")), "/app/sessionwatch.jar", false);

        assertThat(cache.inheritedOptions()).containsExactly("-Djpackage.app-version=0.1.0",
                "--enable-native-access=javafx.graphics,ALL-UNNAMED", "-Dsun.misc.unsafe.memory.access=allow",
                "-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational");

        Path conf = Path.of("/c/work/startup.aotconf");
        List<String> record = cache.recordCommand(conf, Path.of("/c/work/home"));
        assertThat(javaAndAfter(record)).containsSubsequence("/rt/bin/java", "-XX:+UseShenandoahGC",
                "-XX:AOTMode=record", "-XX:AOTConfiguration=/c/work/startup.aotconf", "-Duser.home=/c/work/home",
                "-cp", "/app/sessionwatch.jar", StartupTraining.class.getName());

        List<String> create = cache.createCommand(conf, Path.of("/c/work/startup.aot"));
        assertThat(javaAndAfter(create)).as("G1 writes the cache: the one collector that can store its objects")
                .contains("-XX:+UseG1GC", "-XX:AOTMode=create", "-XX:AOTCache=/c/work/startup.aot",
                        "--enable-native-access=javafx.graphics,ALL-UNNAMED")
                .doesNotContain("-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational")
                .containsSubsequence("-cp", "/app/sessionwatch.jar");

        List<String> check = cache.checkCommand(Path.of("/c/work/startup.aot"));
        assertThat(check).as("the launcher's own options, and the JVM must start from the new file or fail")
                .containsExactly("/rt/bin/java", "-Djpackage.app-version=0.1.0",
                        "--enable-native-access=javafx.graphics,ALL-UNNAMED", "-Dsun.misc.unsafe.memory.access=allow",
                        "-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational", "-XX:AOTMode=on",
                        "-XX:AOTCache=/c/work/startup.aot", "-cp", "/app/sessionwatch.jar", "-version");
    }

    @Test
    void theTrainingRunsAtLowPriorityWhereTheSystemHasNice() {
        StartupCache cache = cache(Path.of("/c/startup.aot"), false);
        List<String> record = cache.recordCommand(Path.of("/c/conf"), Path.of("/c/home"));
        if (Files.isExecutable(Path.of("/usr/bin/nice")) || Files.isExecutable(Path.of("/bin/nice"))) {
            assertThat(record.subList(1, 3)).containsExactly("-n", "19");
            assertThat(record.get(0)).endsWith("/nice");
        } else {
            assertThat(record.get(0)).isEqualTo("/rt/bin/java");
        }
    }

    @Test
    void doesNothingWhileAnotherSessionWatchTrainsTheSameCache() throws Exception {
        Path file = dir.resolve("startup.aot");
        StartupCache cache = cache(file, false);
        // Another process holds the training lock, as a second SessionWatch training the same cache does.
        Path holder = Files.writeString(dir.resolve("HoldLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE); var lock = c.lock()) {
                            System.out.println("locked");
                            System.in.read();
                        }
                    }
                }
                """);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), file.resolveSibling("startup.aot.lock").toString()).redirectErrorStream(true)
                .start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine())
                    .isEqualTo("locked");

            cache.train();

            assertThat(file).doesNotExist();
            assertThat(cache.trainingLog()).as("no training started").doesNotExist();
        } finally {
            other.getOutputStream().close();
            other.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            other.destroyForcibly();
        }
    }

    @Test
    void aFailedTrainingKeepsTheOldCacheAndSaysWhyBesideIt() throws Exception {
        Path file = dir.resolve("startup.aot");
        Files.writeString(file, "the old cache");
        // written by an earlier version, before this JVM started
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // A class path without SessionWatch: the training JVM cannot even find its main class.
        StartupCache cache = new StartupCache(file, java, List.of(), dir.resolve("nothing.jar").toString(), false);

        cache.train();

        assertThat(Files.readString(file)).isEqualTo("the old cache");
        assertThat(Files.readString(cache.failureMarker())).startsWith("the training run exited with 1");
        assertThat(Files.readString(cache.trainingLog())).contains("== record: ")
                .contains(StartupTraining.class.getName());
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .as("the training's work folder is gone").noneMatch(name -> name.contains(".training-"));
        }
        assertThat(cache.shouldTrain(Instant.now())).as("not again at the next start").isFalse();
    }

    @Test
    void deletesOtherVersionsCachesNotWrittenForAMonth() throws IOException {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Path current = Files.writeString(dir.resolve("startup-0.2.0-SNAPSHOT.aot"), "this version");
        Path old = Files.writeString(dir.resolve("startup-0.1.0.aot"), "an upgrade ago");
        Path oldLog = Files.writeString(dir.resolve("startup-0.1.0.aot.log"), "its training log");
        Path recent = Files.writeString(dir.resolve("startup-0.1.1.aot"), "another version, written last week");
        Path unrelated = Files.writeString(dir.resolve("notes.aot"), "not ours");
        for (Path file : List.of(current, old, oldLog, unrelated)) {
            Files.setLastModifiedTime(file, FileTime.from(now.minus(Duration.ofDays(40))));
        }
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(7))));

        new StartupCache(current, Path.of("/rt/bin/java"), LAUNCHER_OPTIONS, "/app/sessionwatch.jar", false)
                .deleteOldCaches(now);

        assertThat(old).doesNotExist();
        assertThat(oldLog).doesNotExist();
        assertThat(current).exists();
        assertThat(recent).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void doesNothingWhenAnotherSessionWatchWroteTheCacheSinceThisOneStarted() throws Exception {
        Path file = Files.writeString(dir.resolve("startup.aot"), "written a moment ago by another SessionWatch");
        StartupCache cache = new StartupCache(file, Path.of("/rt/bin/java"), LAUNCHER_OPTIONS, "/app/x.jar", false);

        cache.train();

        assertThat(Files.readString(file)).startsWith("written a moment ago");
        assertThat(cache.trainingLog()).as("no training started").doesNotExist();
    }

    @Test
    void theRunningTestJvmHasNoCache() {
        // Surefire starts the tests without -XX:AOTCache: as the run command and a plain jar, nothing to train.
        assertThat(StartupCache.ofThisJvm()).isEqualTo(Optional.empty());
    }

    private static StartupCache cache(Path file, boolean mapped) {
        return new StartupCache(file, Path.of("/rt/bin/java"), LAUNCHER_OPTIONS, "/app/sessionwatch.jar", mapped);
    }

    private static List<String> javaAndAfter(List<String> command) {
        return command.subList(command.indexOf(command.stream().filter(s -> s.endsWith("/java")).findFirst()
                .orElseThrow()), command.size());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
