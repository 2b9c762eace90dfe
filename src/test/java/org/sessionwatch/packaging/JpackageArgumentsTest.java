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
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the jpackage and jlink argument files in jpackage/ that no build on this OS runs: only the Linux ones are
 * exercised by .ci/app-image-check, so a typo in the Windows or macOS files would otherwise surface on a release
 * machine.
 */
class JpackageArgumentsTest {
    private static final Path JPACKAGE = Path.of("jpackage");
    private static final FileSystem JRT = FileSystems.getFileSystem(URI.create("jrt:/"));

    static Stream<Path> argumentFiles() throws IOException {
        try (Stream<Path> files = Files.list(JPACKAGE)) {
            return files.filter(file -> file.toString().endsWith(".args")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("argumentFiles")
    void platformOptionsAppearOnlyInTheirPlatformsFiles(Path file) throws IOException {
        // jpackage rejects another platform's options outright, so a --win- option in linux.args breaks the build.
        String name = file.getFileName().toString();
        for (String token : ArgumentFile.read(file)) {
            for (String platform : List.of("win", "linux", "mac")) {
                if (token.startsWith("--" + platform + "-")) {
                    assertThat(name).as("%s in %s", token, name).startsWith(platform.equals("win") ? "windows" : platform);
                }
            }
        }
    }

    @Test
    void iconsPointToTheRenderedFileForEachPlatform() throws IOException {
        assertThat(value("linux-app-image.args", "--icon")).isEqualTo("icons/png/sessionwatch-256.png");
        assertThat(value("windows-app-image.args", "--icon")).isEqualTo("icons/sessionwatch.ico");
        assertThat(value("mac-app-image.args", "--icon")).isEqualTo("icons/sessionwatch.icns");
        for (String file : List.of("linux-app-image.args", "windows-app-image.args", "mac-app-image.args")) {
            assertThat(Path.of(value(file, "--icon"))).as("icon of %s", file).isRegularFile();
        }
    }

    @Test
    void windowsUpgradeCodeNeverChanges() throws IOException {
        // A new upgrade code makes Windows install a second copy next to the old one instead of upgrading it.
        String upgradeCode = value("windows.args", "--win-upgrade-uuid");
        assertThat(UUID.fromString(upgradeCode)).hasToString(upgradeCode);
        assertThat(upgradeCode).isEqualTo("949af624-c031-449d-a34e-a554c2d5f454");
    }

    @Test
    void consoleLauncherHasItsPropertiesFileAndAConsole() throws IOException {
        String launcher = value("windows-app-image.args", "--add-launcher");
        assertThat(launcher).startsWith("SessionWatch (console)=target/jpackage/args/");
        // The build copies jpackage/ to target/jpackage/args/, so the source sits at the same relative place.
        Path properties = JPACKAGE.resolve(launcher.substring(launcher.indexOf("/args/") + "/args/".length()));
        assertThat(Files.readAllLines(properties)).contains("win-console=true");
    }

    @Test
    void windowsAppImageLoadsJnasDispatchLibraryFromTheAppFolderAndNeverUnpacksIt() throws IOException {
        List<String> javaOptions = values("windows-app-image.args", "--java-options");
        assertThat(javaOptions).contains("-Djna.boot.library.path=$APPDIR", "-Djna.nounpack=true");
        // the property names are the ones this JNA version reads (its Native class holds them as constants)
        String nativeClass = new String(resourceBytes("/com/sun/jna/Native.class"), StandardCharsets.ISO_8859_1);
        assertThat(nativeClass).contains("jna.boot.library.path", "jna.nounpack");
        // the console launcher inherits those options: it must not replace them with its own
        assertThat(Files.readAllLines(JPACKAGE.resolve("windows/console-launcher.properties")))
                .noneMatch(line -> line.startsWith("java-options"));
    }

    @Test
    void thePackageProfileCopiesTheDispatchLibraryOfEachWindowsArchitectureIntoTheAppFolder() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<include name=\"com/sun/jna/${jna.windows.arch}/jnidispatch.dll\"/>",
                "value=\"win32-x86-64\"", "value=\"win32-aarch64\"", "dest=\"${work}/input\"");
        // the shaded jar the build unpacks it from has it, because the JNA jar does
        for (String arch : List.of("win32-x86-64", "win32-aarch64")) {
            assertThat(resourceBytes("/com/sun/jna/" + arch + "/jnidispatch.dll")).as(arch).isNotEmpty();
        }
    }

    @Test
    void aPerUserInstallOffersNoFolderChoiceThatCouldPointAtProgramFiles() throws IOException {
        List<String> tokens = ArgumentFile.read(JPACKAGE.resolve("windows.args"));
        assertThat(tokens).contains("--win-per-user-install").doesNotContain("--win-dir-chooser");
    }

    @Test
    void extraRuntimeModulesExistInTheJdk() throws IOException {
        // jlink fails on an unknown module only at packaging time; catch a misspelt name in the normal test run. The
        // build passes jlink.args and the build OS's <os>-jlink.args, so each OS needs its file even when empty.
        assertThat(values("jlink.args", "--add-modules")).isNotEmpty();
        for (String file : List.of("jlink.args", "linux-jlink.args", "windows-jlink.args", "mac-jlink.args")) {
            assertThat(JPACKAGE.resolve(file)).isRegularFile();
            for (String modules : values(file, "--add-modules")) {
                for (String module : modules.split(",")) {
                    assertThat(ModuleFinder.ofSystem().find(module)).as("module %s of %s", module, file).isPresent();
                }
            }
        }
    }

    @Test
    void theRuntimeCompressesEveryModuleButJavaFxAndTheClassesOfJavaBaseThatXzShrinksMost() throws IOException {
        // jlink's compress filter names what is compressed; what it leaves out is stored as it is, so that the .deb's
        // xz can shrink it (jlink.args says why). Resource names are always separated by "/", so they are matched in the
        // jrt file system (the default one would turn them into Windows paths there).
        String option = ArgumentFile.read(JPACKAGE.resolve("jlink.args")).stream()
                .filter(token -> token.startsWith("--compress="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("jlink.args has no --compress option"));
        assertThat(option).startsWith("--compress=zip-9:filter=");
        List<PathMatcher> compressed = Arrays.stream(
                        option.substring("--compress=zip-9:filter=".length()).split(","))
                .map(pattern -> JRT.getPathMatcher(pattern.startsWith("regex:") ? pattern : "glob:" + pattern))
                .toList();
        Predicate<String> isCompressed =
                name -> compressed.stream().anyMatch(matcher -> matcher.matches(JRT.getPath(name)));
        assertThat(List.of("/java.base/java/lang/Object.class", "/java.base/sun/security/provider/SHA.class",
                "/java.desktop/java/beans/Introspector.class", "/java.xml/javax/xml/stream/XMLInputFactory.class",
                "/jdk.naming.dns/com/sun/jndi/dns/DnsClient.class")).allMatch(isCompressed);
        assertThat(List.of("/javafx.graphics/javafx/scene/Node.class", "/javafx.base/javafx/beans/Observable.class",
                "/javafx.controls/javafx/scene/control/TableView.class", "/javafx.fxml/javafx/fxml/FXMLLoader.class",
                "/java.base/sun/nio/cs/UTF_8.class", "/java.base/java/nio/ByteBuffer.class",
                "/java.base/sun/security/ssl/SSLSocketImpl.class", "/java.base/java/util/stream/Stream.class",
                "/java.base/com/sun/crypto/provider/AESCrypt.class", "/java.base/java/util/HashMap.class"))
                .noneMatch(isCompressed);
        assertThat(List.of("/java.base/java/util/concurrent/ConcurrentHashMap.class",
                "/java.base/sun/security/util/DerValue.class", "/java.base/java/lang/String.class")).allMatch(isCompressed);
    }

    @Test
    void desktopEntryNamesTheWindowClassOfTheJavaFxApplication() throws IOException, ClassNotFoundException {
        // GTK names the window after the Application subclass; a rename must follow here or docks lose the icon.
        String windowClass = Files.readAllLines(JPACKAGE.resolve("linux/SessionWatch.desktop")).stream()
                .filter(line -> line.startsWith("StartupWMClass="))
                .map(line -> line.substring("StartupWMClass=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("jpackage/linux/SessionWatch.desktop has no StartupWMClass"));
        Class<?> application = Class.forName(windowClass, false, getClass().getClassLoader());
        assertThat(application.getSuperclass().getName()).isEqualTo("javafx.application.Application");
    }

    @Test
    void everyJvmOptionOfTheWindowReachesTheAppImageTheRunCommandAndTheBenchmarksOneOptionEach() throws IOException {
        // The app image, the README's run command (exec:exec) and the window benchmarks start the same JVM; an
        // option added to one only (say a JIT or GC flag) would make the benchmarks measure something users lack.
        // The collector is the one difference, by JDK: the run command's (app.jvm.gc) is also that of an app image
        // linked from JDK 21-24 (jvm-jdk21.args); from JDK 25 on the app image and the benchmarks read jvm-jdk25.args.
        String pom = Files.readString(Path.of("pom.xml"));
        java.util.regex.Matcher property = java.util.regex.Pattern.compile("<(app\\.jvm\\.[\\w.]+)>([^<]*)</")
                .matcher(pom);
        List<String> javaOptions = values("app-image.args", "--java-options");
        int found = 0;
        while (property.find()) {
            String name = property.group(1);
            found++;
            // exec:exec passes each <argument> as one word, jpackage each --java-options as one option
            assertThat(property.group(2).trim()).as("value of %s", name).doesNotContainAnyWhitespaces();
            String file = name.equals("app.jvm.gc") ? "jvm-jdk21.args" : "app-image.args";
            assertThat(values(file, "--java-options")).as("--java-options of %s", file).contains("${" + name + "}");
            assertThat(pom).as("run command argument").contains("<argument>${" + name + "}</argument>");
        }
        assertThat(found).as("app.jvm.* properties in pom.xml").isGreaterThanOrEqualTo(3);
        assertThat(javaOptions).as("the collector comes from jvm-jdk25.args or jvm-jdk21.args")
                .doesNotContain("${app.jvm.gc}");
        assertThat(values("jvm-jdk25.args", "--java-options")).as("one option each, all -XX: flags").isNotEmpty()
                .allSatisfy(option -> assertThat(option).startsWith("-XX:").doesNotContainAnyWhitespaces());
        String bench = pom.substring(pom.indexOf("<id>run-benchmarks</id>"));
        bench = bench.substring(0, bench.indexOf("</arguments>"));
        // the class path has no JavaFX module to name, so native access is the one option the benchmarks leave out
        assertThat(bench).contains("-Dbench.appJvmOptions=${app.jvm.unsafeMemory}",
                "-Dbench.appImageGcArgs=${project.basedir}/jpackage/jvm-jdk25.args",
                "-Dbench.fallbackGc=${app.jvm.gc}");
    }

    @Test
    void theLinuxAppImageNamesAPerUserStartupCacheAndKeepsTheJvmQuietWhileItIsMissing() throws IOException {
        List<String> options = values("linux-startup-cache.args", "--java-options");
        assertThat(options).containsExactly("-XX:AOTCache=$HOME/.cache/sessionwatch/startup-${project.version}.aot",
                "-Xlog:aot*=off");
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<arg value=\"@target/jpackage/args/linux-startup-cache.args\" if:set=\"startup.cache\"/>",
                "<arg value=\"@target/jpackage/args/jvm-${jvm.args}.args\"/>");
    }

    @Test
    void theLinuxRuntimeRunsTheJitBelowTheWindowAndTheBenchmarksDoToo() throws IOException {
        // Linked into the runtime, where the JVM neither warns about ThreadPriorityPolicy nor needs root for it.
        assertThat(values("linux-jlink.args", "--add-options"))
                .containsExactly("-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=5");
        for (String file : List.of("jlink.args", "windows-jlink.args", "mac-jlink.args")) {
            assertThat(values(file, "--add-options")).as("%s: nice values are Linux's", file).isEmpty();
        }
        for (String file : List.of("app-image.args", "linux-app-image.args", "jvm-jdk25.args", "jvm-jdk21.args",
                "linux-startup-cache.args")) {
            assertThat(String.join(" ", values(file, "--java-options"))).as("%s: on the launcher's command line the "
                    + "JVM warns users without root", file).doesNotContain("ThreadPriority");
        }
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<argument>-Dbench.appImageRuntimeArgs=${project.basedir}/jpackage/linux-jlink.args</argument>");
    }

    @Test
    void argumentFileSplitterHandlesQuotesAndComments() {
        assertThat(ArgumentFile.split("--name \"Session Watch\" --x y # --z", Path.of("t.args")))
                .isEqualTo(Arrays.asList("--name", "Session Watch", "--x", "y"));
    }

    private static List<String> values(String file, String option) throws IOException {
        List<String> tokens = ArgumentFile.read(JPACKAGE.resolve(file));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (tokens.get(i).equals(option)) {
                values.add(tokens.get(i + 1));
            }
        }
        return values;
    }

    private static byte[] resourceBytes(String name) throws IOException {
        try (var in = com.sun.jna.Native.class.getResourceAsStream(name)) {
            assertThat(in).as("resource %s on the class path", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String value(String file, String option) throws IOException {
        List<String> tokens = ArgumentFile.read(JPACKAGE.resolve(file));
        int at = tokens.indexOf(option);
        assertThat(at).as("%s in %s", option, file).isNotNegative().isLessThan(tokens.size() - 1);
        return tokens.get(at + 1);
    }

    /** Splits an argument file the way jlink and jpackage do: blanks separate, quotes group, '#' comments. */
    static final class ArgumentFile {
        static List<String> read(Path file) throws IOException {
            List<String> tokens = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                tokens.addAll(split(line, file));
            }
            return tokens;
        }

        private static List<String> split(String line, Path file) {
            List<String> tokens = new ArrayList<>();
            StringBuilder token = null;
            char quote = 0;
            for (char c : line.toCharArray()) {
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        token.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    token = token == null ? new StringBuilder() : token;
                } else if (c == '#') {
                    break;
                } else if (Character.isWhitespace(c)) {
                    if (token != null) {
                        tokens.add(token.toString());
                        token = null;
                    }
                } else {
                    token = token == null ? new StringBuilder() : token;
                    token.append(c);
                }
            }
            if (quote != 0) {
                throw new IllegalArgumentException(file + ": unbalanced " + quote + " in line: " + line);
            }
            if (token != null) {
                tokens.add(token.toString());
            }
            return tokens;
        }

        private ArgumentFile() {
        }
    }
}
