package org.sessionwatch.netapi.windows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Captures what slf4j-simple logs (it writes to whatever {@code System.err} is at the time of each call) while one
 * piece of code runs, so tests can check that a problem was logged rather than thrown.
 */
final class CapturedStderr {

    record Captured<T>(T value, String log) {
    }

    private CapturedStderr() {
    }

    static synchronized <T> Captured<T> during(Supplier<T> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            T value = action.get();
            return new Captured<>(value, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
