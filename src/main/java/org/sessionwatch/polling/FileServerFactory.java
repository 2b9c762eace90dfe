package org.sessionwatch.polling;

import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.FileServer;

/** Picks the backend for a server and creates its {@link FileServer}; the poller keeps one per server across cycles. */
@FunctionalInterface
public interface FileServerFactory {
    FileServer create(ServerConfig server);
}
