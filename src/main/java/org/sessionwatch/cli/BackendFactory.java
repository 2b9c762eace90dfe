package org.sessionwatch.cli;

import java.time.Duration;
import java.util.Optional;

import org.sessionwatch.polling.EnumeratorFactory;

/**
 * Where the CLI gets its real (non-demo) backends: the seam through which the Windows and srvsvc backends are plugged
 * in, and tests pass fakes. Servers with {@link org.sessionwatch.config.Backend#DEMO} never reach it.
 */
@FunctionalInterface
public interface BackendFactory {

    /**
     * The factory for one CLI run.
     *
     * @param password the password for servers with an explicit user name (from {@code SESSIONWATCH_PASSWORD} or the
     *                 terminal prompt), or empty when no server has one; the CLI overwrites the array after the run
     * @param deadline the per-server deadline, which also bounds connect and read timeouts
     */
    EnumeratorFactory create(Optional<char[]> password, Duration deadline);
}
