import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the jlink option that leaves resources out of the packaged runtime ({@code --exclude-resources}, which jlink
 * takes once: the last one given wins), and checks that what it leaves out is never reached. Run by the packaging
 * build (pom.xml, profile {@code package}) with the toolchain JDK's {@code java}, whose own classes are the ones jlink
 * links, so the lists below are read from the JDK being packaged and never written by hand.
 *
 * <p>Always left out: JavaFX's native libraries inside its modules. The build copies them next to the runtime's own,
 * which is where JavaFX looks first; inside the modules they would be unpacked on every user's first start.
 *
 * <p>With {@code --trim-desktop} (the Linux build): the parts of {@code java.desktop} that cannot run in this runtime.
 * The runtime needs that module because JavaFX refers to it ({@code javafx.base} reads {@code java.beans}), but the
 * window draws with JavaFX's own libraries, and jpackage/jlink.args already leaves out AWT's, Java2D's and the font
 * manager's native libraries: without them AWT cannot start, and with it go Swing, Java2D, fonts, printing and image
 * I/O (whose images are AWT images). Leaving those packages out took 5.9 MB off the app image and 5.6 MB off the
 * {@code .deb} (BENCHMARKS.md, install size). What stays of the module: {@code java.beans}, sound
 * (the window's alert chime), accessibility and the AWT classes themselves, which {@code java.beans} and JNA name.
 *
 * <p>jlink refuses a module that lacks a package its descriptor lists, so one file of each such package stays: the
 * smallest, or a class that a part that stays reads ({@code java.beans.BeanDescriptor} looks for the annotation
 * {@code javax.swing.SwingContainer}) or that the descriptor names as a service provider.
 *
 * <p>The checks, each of which fails the build with the classes that break it: no class of the application's jar or
 * of JavaFX ({@code --check}, jars or folders of classes) and no class of the parts of {@code java.desktop} that stay
 * usable names a class left out (as a class, in a signature, or as a string for {@code Class.forName}), except the
 * referrers listed in {@link #ALLOWED_REFERRERS} with the reason they may. A dependency update that starts using Swing
 * or image I/O therefore stops the packaging build instead of failing on a user's machine.
 *
 * <p>Usage: {@code java RuntimeTrim.java <args file to write> [--trim-desktop] [--check <jar or folder>]...}, where a
 * folder is searched for class files and jars.
 */
public final class RuntimeTrim {

    private static final List<String> JAVAFX_NATIVES =
            List.of("glob:/javafx.*/*.so", "glob:/javafx.*/*.dll", "glob:/javafx.*/*.dylib");

    /** Packages of java.desktop (and all below them) that need AWT's native libraries to do anything. */
    private static final List<String> TRIMMED_PREFIXES = List.of(
            "javax/swing/", "sun/swing/", "com/sun/java/swing/", "com/sun/swing/", // Swing and its look and feels
            "sun/java2d/", "sun/font/", // Java2D rendering and AWT's fonts
            "javax/print/", "sun/print/", // printing through AWT
            "javax/imageio/", "com/sun/imageio/"); // image I/O, whose images are AWT's BufferedImages

    /** Parts of java.desktop that work without AWT's native libraries: none of them may need a trimmed class. */
    private static final List<String> USABLE_DESKTOP_PREFIXES =
            List.of("java/beans/", "com/sun/beans/", "javax/sound/", "com/sun/media/sound/");

    /** Kept although in a trimmed package: read by a part that stays. */
    private static final Set<String> KEPT_CLASSES = Set.of(
            "javax/swing/SwingContainer" // java.beans.BeanDescriptor reads this annotation of every bean class
    );

    /**
     * Classes that may name some trimmed classes, with the reason: either they never run in SessionWatch's runtime, or
     * they only ask by name whether a class exists and cope with its absence. Each entry allows one referrer (a class
     * name prefix) to name the trimmed classes under one target prefix ("" for any); anything else it names is a
     * problem like any other class's.
     */
    private record Allowed(String referrer, String target, String reason) {
    }

    private static final List<Allowed> ALLOWED_REFERRERS = List.of(
            new Allowed("com/sun/jna/platform/WindowUtils", "",
                    "never runs: JNA's AWT window shapes and transparency, and SessionWatch has no AWT window"),
            new Allowed("com/sun/jna/platform/dnd/", "",
                    "never runs: JNA's AWT drag and drop, and SessionWatch has no AWT window"),
            new Allowed("com/sun/prism/j2d/", "",
                    "never runs: JavaFX's Java2D pipeline and printing need AWT; the window draws with es2 or sw"),
            new Allowed("org/controlsfx/control/table/model/JavaFXTableModels", "javax/swing/",
                    "never runs: ControlsFX's adapter for Swing table models, and SessionWatch has none"),
            new Allowed("java/beans/MetaData", "",
                    "never runs: XMLEncoder's persistence of AWT and Swing objects; SessionWatch writes no XML beans"),
            new Allowed("java/beans/DefaultPersistenceDelegate", "javax/swing/",
                    "never runs: XMLEncoder's persistence of AWT and Swing objects; SessionWatch writes no XML beans"),
            new Allowed("com/sun/javafx/application/PlatformImpl", "javax/swing/JComponent",
                    "asks by name: Platform.isSupported(SWING) tries javax.swing.JComponent, false without it"),
            new Allowed("com/sun/scenario/effect/impl/RendererFactory", "sun/java2d/pipe/hw/AccelGraphicsConfig",
                    "asks by name: compares interface names with Java2D's, without loading it"),
            new Allowed("com/fasterxml/jackson/databind/jsontype/impl/SubTypeValidator", "javax/swing/",
                    "asks by name: Jackson's list of class names it refuses to deserialize, never loaded"));

    /** A class's internal name, or its binary name as code passes it to {@code Class.forName}. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:[/.][\\w$]+)+");
    /** A class in a descriptor or signature, "L<name>;" or "L<name><", also right after a primitive ("(IL...;)V"). */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+)[;<]");

    private RuntimeTrim() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: java RuntimeTrim.java <args file to write> [--trim-desktop]"
                    + " [--check <jar or folder>]...");
        }
        Path out = Path.of(args[0]);
        boolean trimDesktop = false;
        List<Path> checked = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--trim-desktop" -> trimDesktop = true;
                case "--check" -> {
                    if (++i == args.length) {
                        throw new IllegalArgumentException("--check needs a jar or a folder of classes");
                    }
                    checked.add(Path.of(args[i]));
                }
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'");
            }
        }
        List<String> patterns = new ArrayList<>(JAVAFX_NATIVES);
        if (trimDesktop) {
            patterns.addAll(trimDesktop(checked));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# Written by jpackage/RuntimeTrim.java: see there.\n--exclude-resources="
                + String.join(",", patterns) + "\n");
    }

    private static List<String> trimDesktop(List<Path> checked) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path module = jrt.getPath("/modules/java.desktop");
        ModuleDescriptor descriptor = ModuleFinder.ofSystem().find("java.desktop").orElseThrow().descriptor();
        Set<String> providers = descriptor.provides().stream().flatMap(p -> p.providers().stream())
                .map(name -> name.replace('.', '/')).collect(Collectors.toSet());

        // Every file of the trimmed packages, by package (a folder; the descriptor lists resource folders too).
        Map<String, List<Path>> byPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(module)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = module.relativize(file).toString();
                if (trimmed(name)) {
                    String pkg = name.substring(0, name.lastIndexOf('/'));
                    byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(file);
                }
            });
        }
        List<String> patterns = new ArrayList<>();
        Set<String> removedClasses = new HashSet<>();
        long removedBytes = 0;
        int removedFiles = 0;
        for (Map.Entry<String, List<Path>> entry : byPackage.entrySet()) {
            String pkg = entry.getKey();
            List<Path> files = entry.getValue();
            Set<String> keep = new TreeSet<>();
            for (Path file : files) {
                String name = className(module, file);
                if (name != null && (KEPT_CLASSES.contains(name) || providers.contains(name))) {
                    keep.add(file.getFileName().toString());
                }
            }
            if (keep.isEmpty() && descriptor.packages().contains(pkg.replace('/', '.'))) {
                keep.add(files.stream().min(Comparator.comparingLong(RuntimeTrim::size)
                        .thenComparing(Path::toString)).orElseThrow().getFileName().toString());
            }
            for (Path file : files) {
                String name = className(module, file);
                if (!keep.contains(file.getFileName().toString())) {
                    removedFiles++;
                    removedBytes += size(file);
                    if (name != null) {
                        removedClasses.add(name);
                    }
                } else if (name != null && !KEPT_CLASSES.contains(name) && !providers.contains(name)) {
                    // Kept only so that jlink finds the package: what it needs is gone, so nothing may use it.
                    removedClasses.add(name);
                }
            }
            // Everything directly in the folder but the kept files ("[^/]*" stops at subfolders, which have their
            // own pattern). No pattern may hold a comma: jlink splits the list at commas.
            String kept = keep.stream().map(n -> Pattern.quote(n) + "$").collect(Collectors.joining("|"));
            String pattern = "regex:/java\\.desktop/" + Pattern.quote(pkg) + "/"
                    + (kept.isEmpty() ? "" : "(?!" + kept + ")") + "[^/]*";
            if (pattern.contains(",")) {
                throw new IllegalStateException("A file name in java.desktop/" + pkg + " holds a comma, which jlink"
                        + " would read as the end of the pattern: " + pattern);
            }
            patterns.add(pattern);
        }
        if (removedClasses.isEmpty()) {
            throw new IllegalStateException("Found no class of " + TRIMMED_PREFIXES + " in java.desktop: has the JDK"
                    + " changed? Check jpackage/RuntimeTrim.java");
        }

        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(module)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = className(module, file);
                if (name != null && USABLE_DESKTOP_PREFIXES.stream().anyMatch(name::startsWith)) {
                    check(name, Files.readAllBytes(file), removedClasses, problems);
                }
            }
        }
        int checkedClasses = 0;
        for (Path path : checked) {
            checkedClasses += checkAll(path, removedClasses, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.size() + " class(es) refer to classes that"
                    + " jpackage/RuntimeTrim.java leaves out of the runtime:\n  " + String.join("\n  ", problems)
                    + "\nEither keep what they need (KEPT_CLASSES), or, if they never run in SessionWatch or only ask"
                    + " by name whether the class exists, allow them in ALLOWED_REFERRERS with the reason.");
        }
        System.out.printf("RuntimeTrim: java.desktop without %d files (%.1f MB before compression) in %d packages;"
                        + " no class of %d checked (%s, and the rest of java.desktop) refers to them%n", removedFiles,
                removedBytes / 1e6, byPackage.size(), checkedClasses,
                checked.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
        return patterns;
    }

    private static boolean trimmed(String path) {
        return TRIMMED_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** The internal name of the class in {@code file}, or null for a resource. */
    private static String className(Path module, Path file) {
        String name = module.relativize(file).toString();
        return name.endsWith(".class") ? name.substring(0, name.length() - ".class".length()) : null;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int checkAll(Path path, Set<String> removed, List<String> problems) throws IOException {
        int count = 0;
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (file.toString().endsWith(".class")) {
                        check(path.relativize(file).toString(), Files.readAllBytes(file), removed, problems);
                        count++;
                    } else if (file.toString().endsWith(".jar")) {
                        count += checkAll(file, removed, problems);
                    }
                }
            }
            return count;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        check(path.getFileName() + "!" + name, in.readAllBytes(), removed, problems);
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Adds to {@code problems} the trimmed classes that the class file {@code bytes} names in its constant pool (as a
     * class, inside a descriptor or signature, or as a string such as a name for {@code Class.forName}), except those
     * that {@link #ALLOWED_REFERRERS} allows it to name.
     */
    private static void check(String where, byte[] bytes, Set<String> removed, List<String> problems) {
        String name = where.substring(where.indexOf('!') + 1).replace('\\', '/')
                .replaceFirst("^META-INF/versions/\\d+/", "");
        Set<String> found = new TreeSet<>();
        for (String utf8 : utf8Constants(where, bytes)) {
            Matcher m = CLASS_NAME.matcher(utf8);
            while (m.find()) {
                String token = m.group().replace('.', '/');
                if (removed.contains(token)) {
                    found.add(token);
                }
            }
            Matcher d = DESCRIPTOR_CLASS.matcher(utf8);
            while (d.find()) {
                if (removed.contains(d.group(1))) {
                    found.add(d.group(1));
                }
            }
        }
        found.removeIf(target -> ALLOWED_REFERRERS.stream()
                .anyMatch(a -> name.startsWith(a.referrer()) && target.startsWith(a.target())));
        if (!found.isEmpty()) {
            problems.add(where + " -> " + String.join(", ", found));
        }
    }

    /** The CONSTANT_Utf8 entries of a class file (JVMS 4.4), where every class name and descriptor is written. */
    private static List<String> utf8Constants(String where, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != 0xCAFEBABE) {
            throw new IllegalArgumentException(where + " is not a class file");
        }
        in.getShort(); // minor version
        in.getShort(); // major version
        int count = Short.toUnsignedInt(in.getShort());
        List<String> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = Byte.toUnsignedInt(in.get());
            switch (tag) {
                case 1 -> { // Utf8 (modified UTF-8; class names are ASCII in practice)
                    byte[] text = new byte[Short.toUnsignedInt(in.getShort())];
                    in.get(text);
                    strings.add(new String(text, StandardCharsets.UTF_8));
                }
                case 7, 8, 16, 19, 20 -> in.position(in.position() + 2); // Class, String, MethodType, Module, Package
                case 15 -> in.position(in.position() + 3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.position(in.position() + 4); // Integer ... InvokeDynamic
                case 5, 6 -> { // Long, Double: two entries
                    in.position(in.position() + 8);
                    i++;
                }
                default -> throw new IllegalArgumentException(
                        where + ": unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return strings;
    }
}
