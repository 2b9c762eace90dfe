package org.sessionwatch.bench;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How a benchmark running in a child JVM hands its figures to {@link BenchMain}: one line per figure on standard
 * output, tagged so it cannot be confused with log output.
 */
public final class FigureOutput {
    static final String TAG = "BENCH-FIGURE ";
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private FigureOutput() {
    }

    public static void emit(Figure figure) {
        try {
            String line = TAG + JSON.writeValueAsString(figure);
            synchronized (System.out) {
                System.out.println(line);
                System.out.flush();
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figure on a tagged line, or null for any other line. */
    static Figure parse(String line) {
        int at = line.indexOf(TAG);
        if (at < 0) {
            return null;
        }
        try {
            return JSON.readValue(line.substring(at + TAG.length()), Figure.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Unreadable figure line from a benchmark: " + line, e);
        }
    }

    /** Progress for the person watching the run; stderr, so it never mixes with figures. */
    public static void progress(String format, Object... args) {
        System.err.println("[bench] " + String.format(java.util.Locale.ROOT, format, args));
        System.err.flush();
    }
}
