package org.sessionwatch.ui.sessions;

import java.util.Locale;
import java.util.Objects;

/**
 * One filter chip: "show only" or "hide" rows whose user, client or server equals a value (case-insensitively, as
 * Windows compares these names).
 */
public record FilterChip(Kind kind, Mode mode, String value) {

    public enum Kind {
        USER("User"), CLIENT("Client"), SERVER("Server");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

    }

    public enum Mode { ONLY, HIDE }

    public FilterChip {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(value, "value");
    }

    public static FilterChip only(Kind kind, String value) {
        return new FilterChip(kind, Mode.ONLY, value);
    }

    public static FilterChip hide(Kind kind, String value) {
        return new FilterChip(kind, Mode.HIDE, value);
    }

    boolean matchesValue(FilterableRow row) {
        return row.filterValue(kind).equalsIgnoreCase(value);
    }

    /** Same kind and value regardless of mode or letter case. */
    boolean sameTarget(FilterChip other) {
        return kind == other.kind && value.toLowerCase(Locale.ROOT).equals(other.value.toLowerCase(Locale.ROOT));
    }

    /** The chip text, e.g. "User: alice" or "Not client: 10.0.0.5"; an empty value shows as "(none)". */
    public String label() {
        String shown = value.isEmpty() ? "(none)" : value;
        return mode == Mode.ONLY ? kind.label() + ": " + shown : "Not " + kind.label().toLowerCase(Locale.ROOT) + ": " + shown;
    }
}
