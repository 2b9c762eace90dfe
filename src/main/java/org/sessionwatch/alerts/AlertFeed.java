package org.sessionwatch.alerts;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where the window's Alerts tab gets fired alerts from: this computer's own rule engine ({@link LocalAlertFeed}), or,
 * in team mode, the team database the collector writes its alerts to (a reader in {@code org.sessionwatch.team}), so
 * every console shows the shared rules' alerts once.
 */
public interface AlertFeed {

    /**
     * Alerts fired from {@code from} up to (excluding) {@code until} that were kept (the history database, the team
     * database), oldest first; an empty list when nothing keeps them. Never blocks the caller.
     */
    CompletionStage<List<Alert>> fired(Instant from, Instant until);

    /** Tells {@code listener} of each batch of alerts fired from now on, on the feed's own thread (never FX). */
    void subscribe(Consumer<List<Alert>> listener);

    /** Rules that are configured but cannot fire here, each with the reason, for the Alerts tab to say so. */
    default List<String> inactiveRules() {
        return List.of();
    }
}
