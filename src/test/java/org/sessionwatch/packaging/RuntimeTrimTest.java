package org.sessionwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jpackage/RuntimeTrim.java as the packaging build runs it (the JDK's own {@code java} on the source file), against
 * this JDK's java.desktop: what its jlink option leaves out and keeps, matched against resource names as jlink sees
 * them, and the check that stops the build when a class refers to something left out. .ci/app-image-check then runs
 * the packaged window, the CLI and java.beans and javax.sound in the trimmed runtime.
 */
class RuntimeTrimTest {
    private static final Path TOOL = Path.of("jpackage", "RuntimeTrim.java");
    private static final List<String> TRIMMED = List.of("javax.swing", "sun.swing", "com.sun.java.swing",
            "com.sun.swing", "sun.java2d", "sun.font", "javax.print", "sun.print", "javax.imageio", "com.sun.imageio");

    @TempDir
    static Path dir;

    private static List<String> patterns;

    @BeforeAll
    static void runOnAJarThatUsesOnlyWhatStays() throws Exception {
        Path jar = jarOf("UsesBeans", """
                public class UsesBeans {
                    public static void main(String[] args) throws Exception {
                        System.out.println(java.beans.Introspector.getBeanInfo(UsesBeans.class));
                        System.out.println(javax.sound.sampled.AudioSystem.getMixerInfo().length);
                    }
                }
                """);
        Path out = dir.resolve("exclude.args");
        Result result = run(out.toString(), "--trim-desktop", "--check", jar.toString());
        assertThat(result.exit).as("exit of RuntimeTrim.java; output:%n%s", result.output).isZero();
        assertThat(result.output).contains("no class of 1 checked (UsesBeans.jar, and the rest of java.desktop)");
        List<String> lines = Files.readAllLines(out).stream().filter(line -> !line.startsWith("#")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("--exclude-resources=").doesNotContain(" ", "\"", "'", "#");
        patterns = Arrays.asList(lines.get(0).substring("--exclude-resources=".length()).split(","));
    }

    @Test
    void leavesOutSwingJava2dFontsPrintingAndImageIoButKeepsWhatStaysUsable() {
        Predicate<String> excluded = excludedBy(patterns);
        assertThat(List.of("/java.desktop/javax/swing/JButton.class", "/java.desktop/javax/swing/text/html/HTML.class",
                "/java.desktop/sun/java2d/SunGraphics2D.class", "/java.desktop/sun/font/FontManager.class",
                "/java.desktop/javax/print/PrintService.class", "/java.desktop/javax/imageio/ImageIO.class",
                "/java.desktop/javax/swing/plaf/metal/icons/ocean/warning.png", "/javafx.graphics/libprism_es2.so",
                "/javafx.graphics/glass.dll")).allMatch(excluded);
        assertThat(List.of("/java.desktop/javax/swing/SwingContainer.class",
                "/java.desktop/java/beans/Introspector.class", "/java.desktop/java/awt/Color.class",
                "/java.desktop/javax/sound/sampled/AudioSystem.class",
                "/java.desktop/com/sun/media/sound/WaveFileReader.class",
                "/java.desktop/sun/print/PSStreamPrinterFactory.class", "/java.base/java/lang/Object.class",
                "/javafx.graphics/javafx/scene/Node.class")).noneMatch(excluded);
    }

    @Test
    void keepsOneFileOfEveryPackageItTrimsOrItsServiceProviders() throws IOException {
        // jlink refuses a module whose descriptor lists a package that it no longer holds.
        Predicate<String> excluded = excludedBy(patterns);
        Set<String> packages = ModuleFinder.ofSystem().find("java.desktop").orElseThrow().descriptor().packages();
        Path module = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules/java.desktop");
        Map<String, List<String>> keptByPackage = new TreeMap<>();
        int removed = 0;
        try (Stream<Path> files = Files.walk(module)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = module.relativize(file).toString();
                String pkg = name.contains("/") ? name.substring(0, name.lastIndexOf('/')).replace('/', '.') : "";
                String resource = "/java.desktop/" + name;
                if (excluded.test(resource)) {
                    removed++;
                    assertThat(TRIMMED).as("the trimmed packages, for %s", name).anyMatch(pkg::startsWith);
                } else {
                    keptByPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(name);
                }
            }
        }
        assertThat(removed).as("files left out of java.desktop").isGreaterThan(3_000);
        assertThat(keptByPackage.keySet()).containsAll(packages);
        // One file of each trimmed package, or more where the descriptor names service providers in it.
        Set<String> providers = ModuleFinder.ofSystem().find("java.desktop").orElseThrow().descriptor().provides()
                .stream().flatMap(p -> p.providers().stream()).map(n -> n.replace('.', '/') + ".class")
                .collect(Collectors.toSet());
        int trimmedPackages = 0;
        for (Map.Entry<String, List<String>> kept : keptByPackage.entrySet()) {
            if (TRIMMED.stream().anyMatch(kept.getKey()::startsWith)) {
                trimmedPackages++;
                assertThat(kept.getValue().size() == 1 || providers.containsAll(kept.getValue()))
                        .as("kept of %s: %s", kept.getKey(), kept.getValue()).isTrue();
            }
        }
        assertThat(trimmedPackages).as("trimmed packages").isGreaterThan(50);
        assertThat(keptByPackage.get("sun.print")).as("the printing service providers the descriptor names")
                .contains("sun/print/PSStreamPrinterFactory.class", "sun/print/PrintServiceLookupProvider.class");
        assertThat(keptByPackage.get("javax.swing")).containsExactly("javax/swing/SwingContainer.class");
        assertThat(keptByPackage.get("java.beans")).hasSizeGreaterThan(50);
    }

    @Test
    void stopsTheBuildWhenAClassRefersToWhatItLeavesOut() throws Exception {
        Path jar = jarOf("UsesSwing", """
                public class UsesSwing {
                    static void icon(int size, javax.swing.Icon icon) { }
                    public static void main(String[] args) throws Exception {
                        new javax.swing.JButton("x");
                        Class.forName("javax.imageio.ImageIO");
                    }
                }
                """);
        Path out = dir.resolve("never-written.args");
        Result result = run(out.toString(), "--trim-desktop", "--check", jar.toString());
        assertThat(result.exit).as("exit; output:%n%s", result.output).isNotZero();
        assertThat(result.output).contains("1 class(es) refer to classes that jpackage/RuntimeTrim.java leaves out",
                "UsesSwing.jar!UsesSwing.class -> javax/imageio/ImageIO, javax/swing/Icon, javax/swing/JButton");
        assertThat(out).doesNotExist();
    }

    @Test
    void anAllowedReferrerMayNameOnlyWhatItIsAllowedTo() throws Exception {
        // PlatformImpl may ask for javax.swing.JComponent by name (Platform.isSupported(SWING)), and nothing else.
        Path jar = jarOf("com.sun.javafx.application.PlatformImpl", """
                package com.sun.javafx.application;
                public class PlatformImpl {
                    public static void main(String[] args) throws Exception {
                        Class.forName("javax.swing.JComponent");
                        new javax.swing.JButton("x");
                    }
                }
                """);
        Result result = run(dir.resolve("never-written-2.args").toString(), "--trim-desktop", "--check",
                jar.toString());
        assertThat(result.exit).as("exit; output:%n%s", result.output).isNotZero();
        assertThat(result.output).contains(
                "PlatformImpl.jar!com/sun/javafx/application/PlatformImpl.class -> javax/swing/JButton\n");
    }

    @Test
    void withoutTrimmingOnlyJavaFxsNativeLibrariesAreLeftOut() throws Exception {
        // Windows and macOS builds: java.desktop stays whole there (its trimming is proven on Linux only).
        Path out = dir.resolve("other-os.args");
        Result result = run(out.toString());
        assertThat(result.exit).as("exit; output:%n%s", result.output).isZero();
        assertThat(Files.readString(out)).contains(
                "--exclude-resources=glob:/javafx.*/*.so,glob:/javafx.*/*.dll,glob:/javafx.*/*.dylib\n");
    }

    @Test
    void rejectsAnUnknownArgumentByName() throws Exception {
        Result result = run(dir.resolve("x.args").toString(), "--trim-dekstop");
        assertThat(result.exit).isNotZero();
        assertThat(result.output).contains("Unknown argument '--trim-dekstop'");
    }

    /**
     * Whether jlink leaves a resource out: its names are always separated by "/", so they are matched in the jrt file
     * system (the default one would turn them into Windows paths there).
     */
    private static Predicate<String> excludedBy(List<String> patterns) {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<PathMatcher> matchers = patterns.stream().map(jrt::getPathMatcher).toList();
        return name -> matchers.stream().anyMatch(m -> m.matches(jrt.getPath(name)));
    }

    /** A jar holding the one class {@code qualifiedName}, compiled from {@code source}. */
    private static Path jarOf(String qualifiedName, String source) throws IOException {
        String entry = qualifiedName.replace('.', '/') + ".class";
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        Path src = dir.resolve(qualifiedName + "-src");
        Path classes = dir.resolve(qualifiedName + "-classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        Path file = Files.writeString(src.resolve(simpleName + ".java"), source);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                file.toString());
        assertThat(compiled).as("javac of %s", qualifiedName).isZero();
        Path jar = dir.resolve(simpleName + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(classes.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), TOOL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("RuntimeTrim.java ended").isTrue();
        return new Result(process.exitValue(), output.lines().filter(l -> !l.startsWith("\tat "))
                .collect(Collectors.joining("\n")));
    }
}
