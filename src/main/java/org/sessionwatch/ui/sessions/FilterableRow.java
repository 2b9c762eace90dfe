package org.sessionwatch.ui.sessions;

/**
 * A table row the filter chips and the quick search of a {@link FilterModel} can judge: the session table's rows and
 * the open-files table's rows share one filter model, chips and context-menu filters this way.
 */
public interface FilterableRow {

    /** The value a chip of {@code kind} compares with (ignoring case); "" when the row has none. */
    String filterValue(FilterChip.Kind kind);

    /** Whether the quick search matches; {@code lowerNeedle} is trimmed, lower case and not empty. */
    boolean matchesSearch(String lowerNeedle);
}
