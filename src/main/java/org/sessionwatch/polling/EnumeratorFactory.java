package org.sessionwatch.polling;

import org.sessionwatch.netapi.SessionEnumerator;
import org.sessionwatch.config.ServerConfig;

/** Picks and creates the backend for a server; the poller keeps one per server across cycles. */
@FunctionalInterface
public interface EnumeratorFactory {
    SessionEnumerator create(ServerConfig server);
}
