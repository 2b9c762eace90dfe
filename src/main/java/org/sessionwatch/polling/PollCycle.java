package org.sessionwatch.polling;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.sessionwatch.netapi.Session;

/** One result per polled server, in configuration order, from one cycle that started at {@code polledAt}. */
public record PollCycle(Instant polledAt, List<ServerPollResult> results) {

    public PollCycle {
        results = List.copyOf(results);
    }

    public Stream<Session> sessions() {
        return results.stream()
                .filter(ServerPollResult.Ok.class::isInstance)
                .flatMap(r -> ((ServerPollResult.Ok) r).sessions().stream());
    }

    public long failedCount() {
        return results.stream().filter(ServerPollResult.Failed.class::isInstance).count();
    }

    public boolean allFailed() {
        return !results.isEmpty() && failedCount() == results.size();
    }
}
