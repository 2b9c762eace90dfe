package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sessionwatch.polling.ServerPollResult;

/**
 * What one step of the tracker consumed and produced.
 *
 * @param polledAt      when the cycle these results belong to started
 * @param results       the poll results this step consumed, one per server: consumers that need every poll outcome
 *                      (the server list, history's coverage) read them here rather than from the poller
 * @param events        the session and server events, per server in result order
 * @param cycleComplete whether this step closed a poll cycle (servers no longer polled were removed in it)
 */
public record TrackerUpdate(Instant polledAt, List<ServerPollResult> results, List<SessionEvent> events,
                            boolean cycleComplete) {

    public TrackerUpdate {
        Objects.requireNonNull(polledAt, "polledAt");
        results = List.copyOf(results);
        events = List.copyOf(events);
    }
}
