package org.sessionwatch.cli;

import java.util.Locale;

/** The {@code --format} choices. */
enum OutputFormat {
    TABLE, JSON, CSV;

    /** Parses "table", "json" or "csv" in any case, naming the input and the choices when it fails. */
    static OutputFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a format: use table, json or csv", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
