package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.FilterMiss;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileApiStatus;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.FilterMiss;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.netapi.Paging;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.messages.RequestResponse;

/**
 * One configured server reached over SMB 2/3 and the {@code \PIPE\srvsvc} named pipe, from any OS: lists its
 * sessions with {@code NetrSessionEnum} (MS-SRVS opnum 12) and its open files with {@code NetrFileEnum} (opnum 9),
 * closes a file with {@code NetrFileClose} (11) and ends sessions with {@code NetrSessionDel} (13), all on the same
 * kept connection.
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
 * <p><b>Errors</b> come back as {@code Failure} or {@code Refused} values, never as exceptions; see
 * {@link SrvsvcErrors} for transport failures and {@link FileApiStatus} for the statuses of the file calls. Paging
 * (resume handle, de-duplication, a server that never stops answering "more data") is {@link Paging}'s; this class
 * asks at exactly the requested level, and {@link org.sessionwatch.netapi.LevelNegotiator} falls back. Samba
 * answers {@code NetrFileEnum} at level 3 only, ignores the base path, the length and the resume handle, and reports
 * paths as {@code C:} followed by the file's Unix path with backslashes.
 *
 * <p>Thread-safe: calls to one server are serialised; {@link #close()} may be called from any thread and aborts a
 * call that is waiting on the network.
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
        super(Objects.requireNonNull(server, "server").name(), Capabilities.all());
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
        return serialised(request.server(),
                error -> new EnumerationResult.Failure(request.server(), request.level(), error),
                attempt -> attempt.sessions(request));
    }

    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        return serialised(request.server(),
                error -> new OpenFilesResult.Failure(request.server(), request.level(), error),
                attempt -> Paging.openFiles(request, resume -> attempt.openFilesPage(request, resume)));
    }

    /**
     * {@code NetrFileClose}. Like every call it is sent once more when a kept connection turned out broken; should
     * the first attempt have reached the server after all, the second finds the file closed and says so, which is
     * true.
     */
    @Override
    public ActionResult closeFile(long fileId) {
        return serialised(server.name(), ActionResult.Refused::new, attempt -> {
            try {
                NetrFileCloseRequest call = fromInput(
                        () -> new NetrFileCloseRequest(unc(server.name()), fileId), "file id");
                long status = attempt.call(call, true).status();
                return FileApiStatus.closeResult(status, server.name(), fileId);
            } catch (NetApiException e) {
                return new ActionResult.Refused(e.error());
            }
        });
    }

    /** {@code NetrSessionDel}; Samba ends the client's whole SMB connection, and answers 5 also when nothing matched. */
    @Override
    public ActionResult endSession(String client, String user) {
        return serialised(server.name(), ActionResult.Refused::new, attempt -> {
            try {
                // Windows wants the client as \\name; Samba takes it with or without.
                NetrSessionDelRequest call = fromInput(() -> new NetrSessionDelRequest(unc(server.name()),
                        client == null ? null : unc(ClientNames.strip(client)), user), "client or user");
                return FileApiStatus.endSessionResult(attempt.call(call, true).status(), server.name(), client, user);
            } catch (NetApiException e) {
                return new ActionResult.Refused(e.error());
            }
        });
    }

    /**
     * Runs one call to this server, serialised with every other: waits at most one deadline for a call still
     * running from an earlier cycle (the poller gave up on it, but its network wait has not timed out yet), so calls
     * never pile up behind a hanging server. When a connection kept from an earlier call turns out broken on the
     * first request, the call runs once more on a fresh connection.
     */
    private <R> R serialised(String label, Function<NetApiError, R> failure, Function<Attempt, R> body) {
        if (!acquirePollLock()) {
            return failure.apply(new NetApiError(ErrorKind.TIMEOUT, 0,
                    "The previous call to " + label + " is still waiting for an answer.",
                    "The server may be overloaded or a firewall may drop the traffic."));
        }
        try {
            if (closed) {
                return failure.apply(new NetApiError(ErrorKind.OTHER, 0,
                        "Polling of " + label + " has been stopped.", null));
            }
            long started = System.nanoTime();
            Attempt first = new Attempt(label);
            R result = body.apply(first);
            if (first.retryOnFreshConnection && System.nanoTime() - started < deadline.toNanos()) {
                LOG.info("The connection to {} was broken; reconnecting", server.name());
                result = body.apply(new Attempt(label));
            }
            return result;
        } catch (RuntimeException e) {
            // A bug in a library must still be this server's result, not the end of the poll cycle.
            LOG.warn("Unexpected failure calling {}", server.name(), e);
            dropConnection();
            return failure.apply(SrvsvcErrors.classify(e, label, server.port(), false).error());
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

    /** One run of a call over one connection: the pages of a listing, or one action. */
    private final class Attempt {
        private final String label;
        private SrvsvcPipe connection;
        private boolean reused;
        boolean retryOnFreshConnection;

        Attempt(String label) {
            this.label = label;
        }

        EnumerationResult sessions(EnumerationRequest request) {
            EnumerationResult result = Paging.sessions(request, resume -> sessionsPage(request, resume));
            if (result instanceof EnumerationResult.Failure failure && connection != null
                    && connection.isGuestOrAnonymous() && failure.error().kind() == ErrorKind.ACCESS_DENIED) {
                return new EnumerationResult.Failure(failure.server(), failure.level(),
                        SrvsvcErrors.accessDenied(failure.error().code(), request.server(), true));
            }
            return result;
        }

        private Paging.Page<Session> sessionsPage(EnumerationRequest request, long resumeHandle)
                throws NetApiException {
            NetrSessionEnumRequest call = fromInput(() -> new NetrSessionEnumRequest(unc(server.name()),
                    request.client().map(SrvsvcFileServer::unc).orElse(null), request.user().orElse(null),
                    // NetrSessionEnum's resume handle is a DWORD: the loop only passes back what a page returned.
                    request.level(), request.preferredMaxLength(), (int) resumeHandle, request.server()),
                    "client or user filter");
            NetrSessionEnumResponse response = call(call, resumeHandle == 0);
            Integer next = response.resumeHandle();
            return new Paging.Page<>(response.status(), response.entries(),
                    next == null ? 0 : Integer.toUnsignedLong(next));
        }

        /**
         * One page of open files. A refusal gets its open-files wording here, before {@link Paging}, which words a
         * bare status for sessions, sees it.
         */
        Paging.Page<OpenFile> openFilesPage(OpenFilesRequest request, long resumeHandle) throws NetApiException {
            NetrFileEnumRequest call = fromInput(() -> new NetrFileEnumRequest(unc(server.name()),
                    request.basePath().orElse(null), request.user().orElse(null), request.level(),
                    request.preferredMaxLength(), (int) resumeHandle, request.server()), "path or user filter");
            DecodedFileEnum page = call(call, resumeHandle == 0).decoded();
            if (page.status() != NetApiStatus.NERR_SUCCESS && page.status() != NetApiStatus.ERROR_MORE_DATA
                    && FilterMiss.ofStatus(page.status()).isEmpty()) {
                throw new NetApiException(FileApiStatus.listError(page.status(), request.server()));
            }
            Integer next = page.resumeHandle();
            return new Paging.Page<>(page.status(), page.entries(), next == null ? 0 : Integer.toUnsignedLong(next));
        }

        /**
         * Sends one request on this attempt's connection, opening it first if needed. A failure is classified; when
         * it broke a kept connection on the first request of the call, the call is retried on a fresh one.
         */
        <T extends RequestResponse> T call(RequestCall<T> request, boolean firstRequest) throws NetApiException {
            if (connection == null) {
                connection = connect();
            }
            try {
                return connection.call(request);
            } catch (IOException | RuntimeException e) {
                SrvsvcErrors.Classified classified = SrvsvcErrors.classify(e, label, server.port(),
                        connection.isGuestOrAnonymous());
                String operation = request.getClass().getSimpleName().replace("Request", "");
                if (classified.connectionBroken()) {
                    LOG.debug("{} on {} failed on the connection", operation, server.name(), e);
                    dropConnection();
                    retryOnFreshConnection = reused && firstRequest && !isTimeout(classified.error());
                } else {
                    LOG.debug("{} on {} failed", operation, server.name(), e);
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
                            "Polling of " + label + " has been stopped.", null));
                }
                pipe = opened;
                return opened;
            } catch (IOException | RuntimeException e) {
                NetApiError error = SrvsvcErrors.classify(e, label, server.port(), logon.isAnonymous()).error();
                if (logon.isAnonymous() && (error.kind() == ErrorKind.AUTHENTICATION_FAILED
                        || error.kind() == ErrorKind.ACCESS_DENIED)) {
                    // Refusing the null session itself is the same "no" as refusing the call to it.
                    error = SrvsvcErrors.accessDenied(error.code(), label, true);
                }
                LOG.debug("Connecting to {} port {} failed", server.name(), server.port(), e);
                throw new NetApiException(error, e);
            }
        }
    }

    /**
     * Builds a request from a person's input; input the request cannot carry (a NUL inside a name, a file id that
     * is no unsigned 32-bit value, a session named by neither client nor user) is refused before anything is sent:
     * the input, not the server, is at fault.
     */
    private static <T> T fromInput(Supplier<T> build, String what) throws NetApiException {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new NetApiException(new NetApiError(ErrorKind.OTHER, 0, e.getMessage() + ".",
                    "Correct the " + what + "."), e);
        }
    }

    /** {@code \\name}, as Windows wants server and client names. */
    private static String unc(String name) {
        return "\\\\" + name;
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
