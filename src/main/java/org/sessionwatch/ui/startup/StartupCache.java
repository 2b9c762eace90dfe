package org.sessionwatch.ui.startup;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sessionwatch.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's start-up cache: a JDK 25 ahead-of-time cache (JEPs 483, 514, 515) of the classes, linked lambdas and
 * method profiles of the window's start, written on the user's machine into the user's cache folder. It cuts the time
 * to the first rows by 29–47 % (BENCHMARKS.md, start-up). The app image's launcher names the file with
 * {@code -XX:AOTCache=} (and keeps the JVM quiet about it while it does not exist yet, {@code -Xlog:aot*=off}); this
 * class reads that option back from the running JVM. When the JVM did not use the file (the first start, or a cache
 * of another build of the jar), it trains a new one in the background, at low priority, some seconds after the
 * window appeared: a {@link StartupTraining} JVM records the window's start, a second JVM writes the cache from that
 * recording, a third checks that a JVM with the launcher's options accepts it, and only then does it replace the old
 * file (atomically). A run from the build or from a plain jar has no such option: nothing happens.
 *
 * <p>What cannot be trained (no display, a JDK without the feature) leaves a marker beside the cache with the reason,
 * so that every start does not try again; it is retried a day later, or at once when the marker is deleted.
 */
public final class StartupCache {
    private static final Logger LOG = LoggerFactory.getLogger(StartupCache.class);

    /** Whether the running JVM mapped the file named by {@code -XX:AOTCache}. */
    public enum State {
        /** The JVM started from the cache. */
        IN_USE,
        /** No cache yet: this is the first start of this version. */
        MISSING,
        /** A cache exists but the JVM refused it (another build of the jar, another JDK, a damaged file). */
        NOT_USED
    }

    static final String CACHE_OPTION = "-XX:AOTCache=";
    /** After a failed training the next attempt waits this long (or until the marker is deleted). */
    static final Duration RETRY_AFTER = Duration.ofDays(1);
    static final Duration RECORD_TIMEOUT = StartupTraining.GIVE_UP.plusSeconds(30);
    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
    static final Duration CHECK_TIMEOUT = Duration.ofMinutes(1);
    /** How long the cache of another version (an upgrade's predecessor) is kept after it was last written. */
    static final Duration KEEP_OTHER_VERSIONS = Duration.ofDays(30);

    /** Options of the running JVM a training JVM must not inherit: the cache's own, a debugger's, a profiler's. */
    private static final Pattern NOT_INHERITED = Pattern.compile(
            "-XX:[+-]?AOT.*|-XX:[+-]?AutoCreateSharedArchive.*|-XX:SharedArchiveFile=.*"
                    + "|-XX:ArchiveClassesAtExit=.*|-Xshare:.*|-Xlog:(aot|cds).*|-Xlog:.*file=.*|-Duser\\.home=.*"
                    + "|-agentlib:.*|-agentpath:.*|-javaagent:.*|-XX:[+-]?StartFlightRecording.*|-Xrunjdwp.*|-Xdebug");
    /** The garbage collector and its settings: the JVM that writes the cache runs G1, the one collector that can. */
    private static final Pattern COLLECTOR =
            Pattern.compile("-XX:[+-]Use\\w+GC|-XX:[+-]?(Shenandoah|Z)\\w*(=.*)?");
    /**
     * Environment variables a child JVM must not see: the JVM options of the user's environment (the running JVM's
     * are already among its input arguments, and a debugger's or profiler's agent among them is left out on purpose),
     * and the session bus, so that the training never asks the user's keyring (a locked one would prompt for its
     * password from an invisible window): it keeps passwords in memory, as it has none.
     */
    private static final List<String> NOT_PASSED_ON = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS",
            "_JAVA_OPTIONS", "DBUS_SESSION_BUS_ADDRESS");

    /** Guards {@link #RUNNING} and {@link #closing}: no step starts once the app is exiting. */
    private static final Object PROCESSES = new Object();
    /** Training processes still running, destroyed when the app exits so that none outlives it. */
    private static final Set<Process> RUNNING = new HashSet<>();
    private static boolean closing;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(StartupCache::stopTraining,
                "sessionwatch-startup-cache-cleanup"));
    }

    private final Path cache;
    private final Path java;
    private final List<String> jvmOptions;
    private final String classPath;
    private final boolean mapped;

    /** The app is exiting: stop the running step and start no other; what it leaves is removed by the next one. */
    private static void stopTraining() {
        List<Process> processes;
        synchronized (PROCESSES) {
            closing = true;
            processes = List.copyOf(RUNNING);
        }
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static boolean closing() {
        synchronized (PROCESSES) {
            return closing;
        }
    }

    StartupCache(Path cache, Path java, List<String> jvmOptions, String classPath, boolean mapped) {
        this.cache = cache;
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classPath = classPath;
        this.mapped = mapped;
    }

    /**
     * The cache of the running JVM: empty when it was started without {@code -XX:AOTCache} (from the build, from a
     * plain jar), with a path that is not absolute (an unset {@code $HOME} left unexpanded in the launcher's
     * configuration) or without a {@code java} command beside its runtime.
     */
    public static Optional<StartupCache> ofThisJvm() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        return cachePath(options).filter(path -> Files.isExecutable(java)).map(path -> new StartupCache(path, java,
                options, System.getProperty("java.class.path", ""),
                System.getProperty("java.vm.info", "").contains("sharing")));
    }

    /** The last {@code -XX:AOTCache=} value, if it is an absolute path without an unexpanded variable. */
    static Optional<Path> cachePath(List<String> jvmOptions) {
        String value = null;
        for (String option : jvmOptions) {
            if (option.startsWith(CACHE_OPTION)) {
                value = option.substring(CACHE_OPTION.length());
            }
        }
        if (value == null || value.isBlank() || value.contains("$") || value.contains("%")) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }

    /**
     * Trains the cache on a background thread {@code delay} after the call when this JVM did not start from it, so
     * that the next start does. The window calls it once it is on screen; returns at once.
     */
    public static void trainLaterIfUnused(Duration delay) {
        Thread.ofPlatform().daemon().name("sessionwatch-startup-cache").start(() -> {
            try {
                Thread.sleep(delay);
                Optional<StartupCache> cache = ofThisJvm();
                if (cache.isPresent() && cache.get().shouldTrain(Instant.now())) {
                    cache.get().train();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (FileSystemException e) {
                // a cache folder that cannot be written (HOME="" gives /.cache; a folder left by a run as root)
                LOG.info("No start-up cache: {} cannot be written ({})", e.getFile(), e.getReason());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot prepare the start-up cache", e);
            }
        });
    }

    /**
     * {@code mapped} comes from {@code java.vm.info} saying "sharing", which holds only for this cache because the
     * app image's runtime carries no class-data archive of its own.
     */
    public State state() {
        if (mapped) {
            return State.IN_USE;
        }
        return Files.exists(cache) ? State.NOT_USED : State.MISSING;
    }

    /**
     * Whether to train now: the JVM did not use the cache, and no training failed within {@link #RETRY_AFTER}. A
     * cache newer than every jar of the class path was trained for this build and still refused (the launcher's
     * options changed since, say): that counts as a failed training, so that not every start trains again.
     */
    boolean shouldTrain(Instant now) throws IOException {
        State state = state();
        if (state == State.IN_USE) {
            return false;
        }
        if (state == State.NOT_USED && trainedForThisBuild()) {
            AtomicFiles.write(failureMarker(), out -> out.write(("the JVM did not use " + cache.getFileName()
                    + ", although it was trained for this build\n").getBytes(StandardCharsets.UTF_8)));
            LOG.warn("The JVM did not use the start-up cache {}, although it was trained for this build; it is"
                    + " trained again in a day, or once {} is deleted", cache, failureMarker());
            return false;
        }
        try {
            Path marker = failureMarker();
            return !Files.exists(marker)
                    || Files.getLastModifiedTime(marker).toInstant().plus(RETRY_AFTER).isBefore(now);
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether the cache was written after every jar of the class path (a new build's jar is newer than it). */
    private boolean trainedForThisBuild() throws IOException {
        Instant written = Files.getLastModifiedTime(cache).toInstant();
        boolean anyJar = false;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (Files.isRegularFile(jar)) {
                anyJar = true;
                if (!Files.getLastModifiedTime(jar).toInstant().isBefore(written)) {
                    return false;
                }
            }
        }
        return anyJar;
    }

    /** Beside the cache: why the last training failed, so that not every start tries again. */
    Path failureMarker() {
        return cache.resolveSibling(cache.getFileName() + ".failed");
    }

    Path trainingLog() {
        return cache.resolveSibling(cache.getFileName() + ".log");
    }

    /** What trained the cache is the running JVM's options less those of {@link #NOT_INHERITED}. */
    List<String> inheritedOptions() {
        return jvmOptions.stream().filter(option -> !NOT_INHERITED.matcher(option).matches()).toList();
    }

    /** Step 1: the window's start, recorded ({@link StartupTraining}, with {@code home} as its user folder). */
    List<String> recordCommand(Path configuration, Path home) {
        return command(true, inheritedOptions(), List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration,
                "-Duser.home=" + home), StartupTraining.class.getName());
    }

    /** Step 2: the cache written from the recording, by a JVM running G1 (which can store the linked lambdas). */
    List<String> createCommand(Path configuration, Path output) {
        List<String> options = inheritedOptions().stream().filter(option -> !COLLECTOR.matcher(option).matches())
                .toList();
        return command(true, options, List.of("-XX:+UseG1GC", "-XX:AOTMode=create",
                "-XX:AOTConfiguration=" + configuration, CACHE_OPTION + output));
    }

    /** Step 3: a JVM with the launcher's options that must start from {@code candidate} or fail. */
    List<String> checkCommand(Path candidate) {
        return command(false, inheritedOptions(), List.of("-XX:AOTMode=on", CACHE_OPTION + candidate), "-version");
    }

    /** {@code java} (at low priority or not) with {@code options}, the step's own, the class path and {@code tail}. */
    private List<String> command(boolean nice, List<String> options, List<String> step, String... tail) {
        List<String> command = new ArrayList<>(nice ? lowPriority() : List.of());
        command.add(java.toString());
        command.addAll(options);
        command.addAll(step);
        command.add("-cp");
        command.add(classPath);
        command.addAll(List.of(tail));
        return command;
    }

    /**
     * Trains a new cache and puts it in place; blocks for the three JVMs (about 10 s of CPU). Does nothing while
     * another SessionWatch trains the same cache. A failure leaves the old file alone, writes {@link #failureMarker}
     * and is logged with the training log's path.
     */
    public void train() throws IOException, InterruptedException {
        Path folder = cache.getParent();
        AtomicFiles.createDirectories(folder);
        Path lockFile = cache.resolveSibling(cache.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                LOG.info("Another SessionWatch is preparing the start-up cache {}", cache);
                return;
            }
            if (writtenSince(ProcessHandle.current().info().startInstant().orElse(Instant.MAX))) {
                LOG.info("Another SessionWatch prepared the start-up cache {} since this one started", cache);
                return;
            }
            deleteLeftovers();
            Path work = Files.createTempDirectory(folder, cache.getFileName() + ".training-");
            try {
                Optional<String> failure = trainIn(work);
                if (failure.isPresent() && closing()) {
                    LOG.info("Start-up cache training stopped: SessionWatch is closing");
                } else if (failure.isPresent()) {
                    AtomicFiles.write(failureMarker(),
                            out -> out.write((failure.get() + "\n").getBytes(StandardCharsets.UTF_8)));
                    LOG.warn("The start-up cache {} could not be prepared: {} (details in {}); the window starts"
                            + " without it, and the next try is in a day or once {} is deleted", cache,
                            failure.get(), trainingLog(), failureMarker());
                } else {
                    Files.deleteIfExists(failureMarker());
                    LOG.info("Start-up cache ready for the next start: {}", cache);
                    deleteOldCaches(Instant.now());
                }
            } finally {
                deleteTree(work);
            }
        }
    }

    /** Whether the cache file was written after {@code instant}. */
    private boolean writtenSince(Instant instant) {
        try {
            return Files.exists(cache) && Files.getLastModifiedTime(cache).toInstant().isAfter(instant);
        } catch (IOException e) {
            return false;
        }
    }

    /** Work folders of trainings that an exit cut short; only called while holding the lock, so none is in use. */
    private void deleteLeftovers() throws IOException {
        String prefix = cache.getFileName() + ".training-";
        try (Stream<Path> siblings = Files.list(cache.getParent())) {
            siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .forEach(StartupCache::deleteTree);
        }
    }

    /** The three steps in {@code work}; the reason of the first that failed, or empty once the cache is in place. */
    private Optional<String> trainIn(Path work) throws IOException, InterruptedException {
        Path configuration = work.resolve("startup.aotconf");
        Path candidate = work.resolve("startup.aot");
        Path home = Files.createDirectories(work.resolve("home"));
        Files.deleteIfExists(trainingLog());
        Map<String, String> scratch = Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "XDG_STATE_HOME", home.resolve(".local/state").toString(),
                "XDG_DATA_HOME", home.resolve(".local/share").toString(),
                "XDG_CACHE_HOME", home.resolve(".cache").toString());
        int status = run("record", recordCommand(configuration, home), scratch, RECORD_TIMEOUT);
        if (status != 0 || !Files.exists(configuration)) {
            return Optional.of(status == StartupTraining.NO_ROWS
                    ? "the training window did not show sessions and quit within " + StartupTraining.GIVE_UP.toSeconds()
                            + " s"
                    : "the training run exited with " + status);
        }
        status = run("create", createCommand(configuration, candidate), Map.of(), CREATE_TIMEOUT);
        if (status != 0 || !Files.exists(candidate)) {
            return Optional.of("writing the cache exited with " + status);
        }
        status = run("check", checkCommand(candidate), Map.of(), CHECK_TIMEOUT);
        if (status != 0) {
            return Optional.of("a JVM with the launcher's options refused the new cache (exit " + status + ")");
        }
        Files.move(candidate, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now()));
        return Optional.empty();
    }

    /**
     * Deletes the caches of other versions beside this one (and their logs and markers) that were last written more
     * than {@link #KEEP_OTHER_VERSIONS} ago: about 50 MB each, left behind by upgrades.
     */
    void deleteOldCaches(Instant now) throws IOException {
        // startup-<version>.aot, as jpackage/linux-startup-cache.args names it; versions may hold dashes themselves
        String name = cache.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash < 0 || !name.endsWith(".aot")) {
            return;
        }
        String prefix = name.substring(0, dash + 1);
        try (Stream<Path> siblings = Files.list(cache.getParent())) {
            for (Path other : siblings.toList()) {
                String otherName = other.getFileName().toString();
                if (otherName.startsWith(prefix) && otherName.endsWith(".aot") && !other.equals(cache)
                        && Files.getLastModifiedTime(other).toInstant().plus(KEEP_OTHER_VERSIONS).isBefore(now)) {
                    for (String suffix : List.of("", ".log", ".failed", ".lock")) {
                        Files.deleteIfExists(other.resolveSibling(otherName + suffix));
                    }
                }
            }
        }
    }

    /** Runs one step with its output appended to {@link #trainingLog}; its exit code, or -1 after its timeout. */
    private int run(String step, List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Files.writeString(trainingLog(), "== " + step + ": " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(trainingLog().toFile()));
        NOT_PASSED_ON.forEach(builder.environment().keySet()::remove);
        builder.environment().putAll(environment);
        Process process;
        synchronized (PROCESSES) {
            if (closing) {
                return -1;
            }
            process = builder.start();
            RUNNING.add(process);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return -1;
            }
            return process.exitValue();
        } finally {
            synchronized (PROCESSES) {
                RUNNING.remove(process);
            }
        }
    }

    /** {@code nice -n 19} where there is one: the training must not slow the window the user is looking at. */
    private static List<String> lowPriority() {
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (Files.isExecutable(Path.of(nice))) {
                return List.of(nice, "-n", "19");
            }
        }
        return List.of();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("Cannot delete {}", path, e);
                }
            });
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", root, e);
        }
    }
}
