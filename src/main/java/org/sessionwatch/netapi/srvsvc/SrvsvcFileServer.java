package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.Paging;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured server reached over SMB 2/3 and the {@code \PIPE\srvsvc} named pipe, from any OS: lists its
 * sessions with {@code NetrSessionEnum} (MS-SRVS opnum 12). Open files and the actions are not implemented by this
 * backend yet and say so.
 *
 * <p><b>Connection.</b> One TCP connection, SMB session and bound srvsvc pipe per server is opened on the first poll
 * and kept for later ones. When a kept connection turns out broken during a poll (the server restarted, a firewall
 * dropped it) the enumerator reconnects once within the same poll and asks again; a second failure is that poll's
 * result. Any failure other than an answer from the server drops the connection, so the next poll starts fresh.
 * The server owns its connection: {@link #close()} ends it.
 *
 * <p><b>Security.</b> SMB signing is required unless {@link ServerConfig#requireSigning()} is false (logged as a
 * warning); SMB 3 encryption is used whenever the server offers it. See {@link SmbSettings} and {@link SmbLogon} for
 * timeouts and logon methods (NTLMv2, Kerberos from the ticket cache, anonymous).
 *
 * <p><b>Errors</b> come back as {@link EnumerationResult.Failure} values, never as exceptions; see
 * {@link SrvsvcErrors} for the mapping. Paging (resume handle, de-duplication) is {@link Paging#sessions}'s; this
 * class asks at exactly the requested level, and {@link org.sessionwatch.netapi.LevelNegotiator} falls back.
 *
 * <p>Thread-safe: polls of one server are serialised; {@link #close()} may be called from any thread and aborts a
 * poll that is waiting on the network.
 */
public final class SrvsvcFileServer extends FileServerBase {

    private static final Logger LOG = LoggerFactory.getLogger(SrvsvcFileServer.class);

    private final ServerConfig server;
    private final CredentialStore credentials;
    private final Duration deadline;
    private final ReentrantLock pollLock = new ReentrantLock();
    private volatile SrvsvcPipe pipe;
    private volatile boolean closed;

    /**
     * @param server      the server to ask: {@link ServerConfig#name()} to connect to and to name in messages,
     *                    {@link ServerConfig#port()}, the user and domain, and whether signing is required
     * @param credentials where the password for {@link ServerConfig#credentialKey()} is read on every (re)connect;
     *                    it is never kept by this class
     * @param deadline    the longest one network step may take: TCP connect, and waiting for any SMB or RPC answer;
     *                    normally {@link org.sessionwatch.config.AppConfig#serverDeadline()}
     */
    public SrvsvcFileServer(ServerConfig server, CredentialStore credentials, Duration deadline) {
        super(Objects.requireNonNull(server, "server").name(), Capabilities.sessionsOnly("the srvsvc backend"));
        this.server = server;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("Invalid deadline " + deadline + " for server " + server.name()
                    + ": it must be positive");
        }
        if (!server.requireSigning()) {
            LOG.warn("SMB signing is not required for {}: the session list could be altered in transit", server.name());
        }
    }

    /**
     * The srvsvc backend as a factory for {@link org.sessionwatch.polling.BackendSelector}: one server object per
     * server, all reading passwords from {@code credentials} and bounded by {@code deadline}.
     */
    public static Function<ServerConfig, FileServer> factory(CredentialStore credentials, Duration deadline) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(deadline, "deadline");
        return server -> new SrvsvcFileServer(server, credentials, deadline);
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        if (!acquirePollLock()) {
            return new EnumerationResult.Failure(request.server(), request.level(), new NetApiError(ErrorKind.TIMEOUT,
                    0, "The previous poll of " + request.server() + " is still waiting for an answer.",
                    "The server may be overloaded or a firewall may drop the traffic."));
        }
        try {
            if (closed) {
                return new EnumerationResult.Failure(request.server(), request.level(), new NetApiError(
                        ErrorKind.OTHER, 0, "Polling of " + request.server() + " has been stopped.", null));
            }
            long started = System.nanoTime();
            Attempt first = new Attempt(request);
            EnumerationResult result = first.run();
            if (first.retryOnFreshConnection && System.nanoTime() - started < deadline.toNanos()) {
                LOG.info("The connection to {} was broken; reconnecting", server.name());
                result = new Attempt(request).run();
            }
            return result;
        } catch (RuntimeException e) {
            // A bug in a library must still be this server's result, not the end of the poll cycle.
            LOG.warn("Unexpected failure polling {}", server.name(), e);
            dropConnection();
            return new EnumerationResult.Failure(request.server(), request.level(),
                    SrvsvcErrors.classify(e, request.server(), false).error());
        } finally {
            pollLock.unlock();
        }
    }

    /** Closes the connection; a poll in progress fails, later polls return a failure. */
    @Override
    public void close() {
        closed = true;
        SrvsvcPipe current = pipe;
        pipe = null;
        if (current != null) {
            if (pollLock.isLocked()) {
                current.abandon(); // a poll is using it: cut it off rather than log off underneath it
            } else {
                current.close();
            }
        }
    }

    /**
     * Waits at most one deadline for a poll still running from an earlier cycle (the poller gave up on it, but its
     * network wait has not timed out yet), so polls never pile up behind a hanging server.
     */
    private boolean acquirePollLock() {
        try {
            return pollLock.tryLock(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One paging run over one connection. */
    private final class Attempt {
        private final EnumerationRequest request;
        private SrvsvcPipe connection;
        private boolean reused;
        boolean retryOnFreshConnection;

        Attempt(EnumerationRequest request) {
            this.request = request;
        }

        EnumerationResult run() {
            EnumerationResult result = Paging.sessions(request, this::fetch);
            if (result instanceof EnumerationResult.Failure failure && connection != null
                    && connection.isGuestOrAnonymous() && failure.error().kind() == ErrorKind.ACCESS_DENIED) {
                return new EnumerationResult.Failure(failure.server(), failure.level(),
                        SrvsvcErrors.accessDenied(failure.error().code(), request.server(), true));
            }
            return result;
        }

        private Paging.Page<Session> fetch(long resumeHandle) throws NetApiException {
            if (connection == null) {
                connection = connect();
            }
            NetrSessionEnumRequest call;
            try {
                call = new NetrSessionEnumRequest("\\\\" + server.name(),
                        request.client().map(c -> "\\\\" + c).orElse(null), request.user().orElse(null),
                        // NetrSessionEnum's resume handle is a DWORD: the loop only passes back what a page returned.
                        request.level(), request.preferredMaxLength(), (int) resumeHandle, request.server());
            } catch (IllegalArgumentException e) {
                // A filter the wire format cannot carry: the person's input, not the server, is at fault.
                throw new NetApiException(new NetApiError(ErrorKind.OTHER, 0, e.getMessage() + ".",
                        "Correct the client or user filter."), e);
            }
            try {
                NetrSessionEnumResponse response = connection.call(call);
                Integer next = response.resumeHandle();
                return new Paging.Page<>(response.status(), response.entries(),
                        next == null ? 0 : Integer.toUnsignedLong(next));
            } catch (IOException | RuntimeException e) {
                SrvsvcErrors.Classified classified =
                        SrvsvcErrors.classify(e, request.server(), connection.isGuestOrAnonymous());
                if (classified.connectionBroken()) {
                    LOG.debug("NetrSessionEnum on {} failed on the connection", server.name(), e);
                    dropConnection();
                    retryOnFreshConnection = reused && resumeHandle == 0 && !isTimeout(classified.error());
                } else {
                    LOG.debug("NetrSessionEnum on {} failed", server.name(), e);
                }
                throw new NetApiException(classified.error(), e);
            }
        }

        private SrvsvcPipe connect() throws NetApiException {
            SrvsvcPipe current = pipe;
            if (current != null) {
                reused = true;
                return current;
            }
            SmbLogon logon = SmbLogon.forServer(server, credentials);
            try {
                SrvsvcPipe opened = SrvsvcPipe.open(host(), server.port(),
                        SmbSettings.build(deadline, server.requireSigning(), logon.isAnonymous()), logon);
                if (closed) {
                    opened.close();
                    throw new NetApiException(new NetApiError(ErrorKind.OTHER, 0,
                            "Polling of " + request.server() + " has been stopped.", null));
                }
                pipe = opened;
                return opened;
            } catch (IOException | RuntimeException e) {
                NetApiError error = SrvsvcErrors.classify(e, request.server(), logon.isAnonymous()).error();
                if (logon.isAnonymous() && (error.kind() == ErrorKind.AUTHENTICATION_FAILED
                        || error.kind() == ErrorKind.ACCESS_DENIED)) {
                    // Refusing the null session itself is the same "no" as refusing the call to it.
                    error = SrvsvcErrors.accessDenied(error.code(), request.server(), true);
                }
                LOG.debug("Connecting to {} port {} failed", server.name(), server.port(), e);
                throw new NetApiException(error, e);
            }
        }
    }

    private static boolean isTimeout(NetApiError error) {
        return error.kind() == ErrorKind.TIMEOUT;
    }

    private void dropConnection() {
        SrvsvcPipe current = pipe;
        pipe = null;
        if (current != null) {
            current.abandon();
        }
    }

    /** The address to connect to: the configured name without {@code \\} and without IPv6 brackets. */
    private String host() {
        String name = server.name();
        if (name.startsWith("[") && name.endsWith("]")) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    @Override
    public String toString() {
        return "SrvsvcFileServer[" + server.name() + ":" + server.port() + "]";
    }
}
