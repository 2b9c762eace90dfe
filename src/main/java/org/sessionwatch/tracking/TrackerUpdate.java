package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.List;

import org.sessionwatch.polling.ServerPollResult;

/** What one apply produced: the poll results it consumed and the events, in order. */
public record TrackerUpdate(Instant polledAt, List<ServerPollResult> results, List<SessionEvent> events,
                            boolean cycleComplete) {
    public TrackerUpdate {
        results = List.copyOf(results);
        events = List.copyOf(events);
    }
}
