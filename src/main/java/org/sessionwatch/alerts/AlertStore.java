package org.sessionwatch.alerts;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Keeps fired alerts (the history database's {@code alert_log}, written on the history recorder's writer thread).
 * Both methods only queue work and return at once: a slow disk never holds up the rules or the window.
 */
public interface AlertStore {

    /** Appends {@code alerts}; a failure is the store's to report (history's status), never the caller's. */
    void append(List<Alert> alerts);

    /** The alerts kept from {@code from} up to (excluding) {@code until}, oldest first. */
    CompletionStage<List<Alert>> fired(Instant from, Instant until);
}
