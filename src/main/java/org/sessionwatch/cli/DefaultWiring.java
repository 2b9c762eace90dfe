package org.sessionwatch.cli;

import java.time.Clock;

/** TEMPORARY until feat/poller is merged: the real Poller and DemoFleet are wired here. */
final class DefaultWiring {
    private DefaultWiring() {
    }

    static CyclePoller.Factory pollers() {
        return (enumerators, settings) -> {
            throw new UnsupportedOperationException("the poller is not merged into this branch yet");
        };
    }

    static CliRun.Demo demo(Clock clock) {
        throw new UnsupportedOperationException("the demo fleet is not merged into this branch yet");
    }

    static BackendFactory backends() {
        throw new UnsupportedOperationException("not wired yet");
    }
}
