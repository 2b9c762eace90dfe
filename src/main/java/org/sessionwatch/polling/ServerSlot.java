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
    private final ActionQueue actions = new ActionQueue(this);
    /** Drain threads of {@link #actions} not finished yet (one, briefly two while one hands over). */
    private int actionThreads;
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
        // A poll and an action may both create it on first use; keep the first, close the spare rather than leak it.
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
        FileServer toClose;
        synchronized (this) {
            if (running == call) {
                running = null;
            }
            toClose = releaseIfIdle();
        }
        closeQuietly(toClose);
    }

    /** This server's open-files and action calls, run one after another off the poll's own call. */
    ActionQueue actions() {
        return actions;
    }

    /** The action queue starts running calls on a thread; false when the slot is retired (nothing may start). */
    synchronized boolean actionsStarted() {
        if (retired) {
            return false;
        }
        actionThreads++;
        return true;
    }

    /** The action queue's thread is done (its last call returned, on time or abandoned). */
    void actionsEnded() {
        FileServer toClose;
        synchronized (this) {
            actionThreads--;
            toClose = releaseIfIdle();
        }
        closeQuietly(toClose);
    }

    /** The server to close once retired and neither a poll nor an action uses it; called holding this. */
    private FileServer releaseIfIdle() {
        if (!retired || running != null || actionThreads > 0) {
            return null;
        }
        FileServer toClose = server;
        server = null;
        return toClose;
    }

    /** The server left the configuration (or the poller closed): close its server now or when its call ends. */
    void retire() {
        FileServer toClose;
        synchronized (this) {
            retired = true;
            toClose = releaseIfIdle();
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
