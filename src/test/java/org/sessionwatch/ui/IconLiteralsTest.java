package org.sessionwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.IkonHandler;
import org.kordamp.ikonli.material2.Material2ALIkonHandler;
import org.kordamp.ikonli.material2.Material2MZIkonHandler;

/**
 * The shaded jars keep only the filled Material 2 icons (pom.xml, the shade filter on ikonli-material2-pack), and this
 * project's META-INF/services files register only their handlers, so that Ikonli loads two fonts at start-up, not
 * eight. Every icon the window names must therefore be one of those: an outlined, round or sharp one would be missing
 * from the installed app while it still showed when run from the build.
 */
class IconLiteralsTest {
    private static final Path MAIN = Path.of("src/main");
    /** An icon literal in Java: "mdal-info", also a prefix "mdal-" completed at run time. */
    private static final Pattern IN_JAVA = Pattern.compile("\"(md[a-z0-9]*-[a-z0-9_]*)\"");
    private static final Pattern IN_FXML = Pattern.compile("iconLiteral=\"([^\"]+)\"");
    private static final List<IkonHandler> KEPT = List.of(new Material2ALIkonHandler(), new Material2MZIkonHandler());

    @Test
    void everyIconTheWindowNamesIsAFilledMaterial2Icon() throws IOException {
        Set<String> literals = new TreeSet<>();
        literals.addAll(find(MAIN.resolve("resources"), ".fxml", IN_FXML));
        literals.addAll(find(MAIN.resolve("java"), ".java", IN_JAVA));
        assertThat(literals).as("icon literals found in the sources").hasSizeGreaterThan(30);

        for (String literal : literals) {
            if (literal.endsWith("-")) {
                assertThat(literal).as("icon prefix").isIn("mdal-", "mdmz-");
                continue;
            }
            IkonHandler handler = KEPT.stream().filter(h -> h.supports(literal)).findFirst().orElse(null);
            assertThat(handler).as("%s: only mdal- and mdmz- icons are in the installed app", literal).isNotNull();
            assertThat(handler.resolve(literal)).as(literal).isNotNull();
        }
    }

    @Test
    void theProjectRegistersExactlyTheKeptHandlers() throws IOException {
        assertThat(services("org.kordamp.ikonli.IkonHandler")).containsExactlyInAnyOrder(
                Material2ALIkonHandler.class.getName(), Material2MZIkonHandler.class.getName());
        assertThat(services("org.kordamp.ikonli.IkonProvider")).containsExactlyInAnyOrder(
                "org.kordamp.ikonli.material2.Material2ALIkonProvider",
                "org.kordamp.ikonli.material2.Material2MZIkonProvider");
    }

    private static List<String> services(String service) throws IOException {
        return Files.readAllLines(MAIN.resolve("resources/META-INF/services").resolve(service)).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static Set<String> find(Path root, String extension, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
