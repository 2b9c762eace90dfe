package org.sessionwatch;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why the window cannot start, in the words of the missing piece and how to get it: no display, GTK 3 or OpenGL
 * missing on Linux, a JavaFX runtime that cannot load. Recognised from the environment before JavaFX starts (no
 * display) or from what JavaFX throws; anything else is not a missing piece of the desktop and gets no explanation.
 */
final class WindowStartProblem {
    static final String CLI_HINT = "Without a desktop, use SessionWatch from the command line: sessionwatch --once"
            + " or --watch (sessionwatch --help lists the options).";

    private WindowStartProblem() {
    }

    /** A problem visible before JavaFX starts: on Linux and other Unix desktops, no display to open the window on. */
    static Optional<String> beforeStart(Map<String, String> environment, String osName, String glassPlatform) {
        if (!isUnixDesktop(osName) || (glassPlatform != null && !glassPlatform.isBlank())) {
            return Optional.empty();
        }
        if (blank(environment.get("DISPLAY")) && blank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.of(noDisplay());
        }
        return Optional.empty();
    }

    /** The explanation for what JavaFX threw while starting, if it is a missing or unusable piece of the desktop. */
    static Optional<String> explain(Throwable failure, String osName) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("unable to open display")) {
                return Optional.of(noDisplay());
            }
            if (lower.contains("gtk")) {
                return Optional.of("the window needs GTK 3, which is missing or cannot be loaded (" + message.strip()
                        + "). Install it: sudo apt-get install libgtk-3-0 (Fedora: sudo dnf install gtk3).");
            }
            if (lower.contains("no toolkit found") || lower.contains("graphics device initialization failed")
                    || lower.contains("libgl")) {
                return Optional.of("the window found no usable graphics (OpenGL or software rendering): "
                        + message.strip() + ". Install OpenGL: sudo apt-get install libgl1 (Fedora: sudo dnf"
                        + " install mesa-libGL)" + (isUnixDesktop(osName) ? ", and GTK 3: sudo apt-get install"
                        + " libgtk-3-0." : "."));
            }
            if (t instanceof UnsatisfiedLinkError
                    || (t instanceof LinkageError && message.replace('/', '.').startsWith("javafx."))) {
                return Optional.of("the JavaFX runtime cannot be used (" + t.getClass().getSimpleName() + ": "
                        + message.strip() + "). Start SessionWatch from its installer or app image, or from the"
                        + " sources with: mvn compile exec:exec.");
            }
        }
        return Optional.empty();
    }

    private static String noDisplay() {
        return "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set, or the display"
                + " cannot be opened). Start SessionWatch from a desktop session, or with ssh -X for X11 forwarding.";
    }

    private static boolean isUnixDesktop(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return !os.startsWith("windows") && !os.startsWith("mac");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
