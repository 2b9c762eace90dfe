package org.sessionwatch.cli;

import java.util.List;

import org.sessionwatch.polling.EnumeratorFactory;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.config.ServerConfig;

/** Polls all servers once per call; the CLI's view of the poller, so tests can script cycles. */
interface CyclePoller extends AutoCloseable {

    PollCycle poll(List<ServerConfig> servers);

    @Override
    void close();

    /** Creates the poller for one run. */
    @FunctionalInterface
    interface Factory {
        CyclePoller create(EnumeratorFactory enumerators, RunSettings settings);
    }
}
