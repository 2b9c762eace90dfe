package org.sessionwatch.polling;

import java.util.Locale;

import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured server across cycles: its {@link FileServer} (kept so connections and the negotiated level survive
 * between polls) and the call in flight, if any. A server that leaves the configuration is retired; its file server
 * is closed as soon as no call is using it.
 */
final class ServerSlot {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSlot.class);

    private final ServerConfig config;
    private final FileServerFactory factory;
    private LevelNegotiator server;
    private ServerCall running;
    private boolean retired;
    private volatile OwnSession ownSession;
    private String lastFault;

    ServerSlot(ServerConfig config, FileServerFactory factory) {
        this.config = config;
        this.factory = factory;
    }

    ServerConfig config() {
        return config;
    }

    /** The host name the slot polls, in the form used to tell "the same server" apart from a changed config. */
    String hostKey() {
        return ClientNames.strip(config.name()).toLowerCase(Locale.ROOT);
    }

    /** Registers {@code call} as this server's call in flight; false if one still runs or the slot is retired. */
    synchronized boolean tryBegin(ServerCall call) {
        if (retired || running != null) {
            return false;
        }
        running = call;
        return true;
    }

    synchronized ServerCall runningCall() {
        return running;
    }

    synchronized boolean isRetired() {
        return retired;
    }

    /**
     * The server's {@link FileServer}, created by the factory on first use and wrapped in a {@link LevelNegotiator}
     * so the level that worked is remembered. Called on a polling thread: a factory may do I/O.
     */
    FileServer server() {
        synchronized (this) {
            if (server != null) {
                return server;
            }
        }
        FileServer created = factory.create(config);
        if (created == null) {
            throw new IllegalStateException("The backend factory created no server object for " + config.name());
        }
        synchronized (this) {
            if (server == null) {
                server = new LevelNegotiator(created);
                return server;
            }
        }
        // Only one call per slot runs at a time, so this race cannot happen; close the spare rather than leak it.
        closeQuietly(created);
        synchronized (this) {
            return server;
        }
    }

    /** The person asked for a refresh: a server that refused every level is asked again on its next poll. */
    synchronized void retryRefusedNow() {
        if (server != null) {
            server.retryRefusedNow();
        }
    }

    /** Called once by every call when it ends, on time or abandoned. */
    void callEnded(ServerCall call) {
        FileServer toClose = null;
        synchronized (this) {
            if (running == call) {
                running = null;
            }
            if (retired && running == null) {
                toClose = server;
                server = null;
            }
        }
        closeQuietly(toClose);
    }

    /** The server left the configuration (or the poller closed): close its server now or when its call ends. */
    void retire() {
        FileServer toClose = null;
        synchronized (this) {
            retired = true;
            if (running == null) {
                toClose = server;
                server = null;
            }
        }
        closeQuietly(toClose);
    }

    /** Whether {@code fault} differs from the last unexpected exception of this server (by type and message). */
    synchronized boolean isNewFault(RuntimeException fault) {
        String signature = fault.getClass().getName() + ": " + fault.getMessage();
        boolean isNew = !signature.equals(lastFault);
        lastFault = signature;
        return isNew;
    }

    /** Who the poller is on this server, computed once (the local names may need DNS). */
    OwnSession ownSession() {
        OwnSession own = ownSession;
        if (own == null) {
            own = OwnSession.forServer(config, LocalMachine.clientNames());
            ownSession = own;
        }
        return own;
    }

    private void closeQuietly(FileServer toClose) {
        if (toClose == null) {
            return;
        }
        try {
            toClose.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the connection to {} failed", config.name(), e);
        }
    }
}
