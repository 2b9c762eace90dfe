package org.sessionwatch.cli;

import org.sessionwatch.polling.PollCycle;

/** The process exit codes of the CLI, documented in the README. */
final class ExitCodes {
    /** Every server answered. */
    static final int OK = 0;
    /** An unexpected internal error (a bug), or the output could not be written; the message is on stderr. */
    static final int SOFTWARE = 1;
    /** Bad command line, configuration or missing password: nothing was polled. */
    static final int USAGE = 2;
    /** Some servers failed; the others' sessions were printed. */
    static final int SOME_FAILED = 3;
    /** Every server failed. */
    static final int ALL_FAILED = 4;

    private ExitCodes() {
    }

    static int of(PollCycle cycle) {
        if (cycle.allFailed()) {
            return ALL_FAILED;
        }
        return cycle.failedCount() > 0 ? SOME_FAILED : OK;
    }
}
