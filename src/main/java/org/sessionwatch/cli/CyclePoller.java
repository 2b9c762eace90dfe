package org.sessionwatch.cli;

import java.util.List;
import java.util.function.Consumer;

import org.sessionwatch.polling.EnumeratorFactory;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.config.ServerConfig;

/** Polls all servers once per call; the CLI's view of the poller, so tests can script cycles. */
interface CyclePoller extends AutoCloseable {

    PollCycle poll(List<ServerConfig> servers);

    /** As {@link #poll(List)}, handing each server's result to {@code onResult} as soon as it is known. */
    default PollCycle poll(List<ServerConfig> servers, Consumer<ServerPollResult> onResult) {
        PollCycle cycle = poll(servers);
        cycle.results().forEach(onResult);
        return cycle;
    }

    @Override
    void close();

    /** Creates the poller for one run. */
    @FunctionalInterface
    interface Factory {
        CyclePoller create(EnumeratorFactory enumerators, RunSettings settings);
    }
}
