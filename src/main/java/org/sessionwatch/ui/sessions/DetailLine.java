package org.sessionwatch.ui.sessions;

/**
 * One labelled value in the details pane.
 *
 * @param label   what it is, e.g. "Idle"
 * @param value   the value with its unit, or why there is none
 * @param missing the value is an explanation (not carried at this level, NULL from the server), shown dimmed
 */
public record DetailLine(String label, String value, boolean missing) {

    static DetailLine of(String label, String value) {
        return new DetailLine(label, value, false);
    }

    static DetailLine missing(String label, String why) {
        return new DetailLine(label, why, true);
    }
}
