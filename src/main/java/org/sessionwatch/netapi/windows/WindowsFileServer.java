package org.sessionwatch.netapi.windows;

import java.util.List;
import java.util.Locale;

import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.CallerAccount;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FilterMiss;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Paging;
import org.sessionwatch.netapi.Session;

/**
 * One server reached through netapi32.dll, as the signed-in Windows user or, for a server with a user name, as that
 * account ({@link CallIdentity}): lists its sessions with {@code NetSessionEnum}. Open files and the actions are not
 * implemented by this backend yet and say so.
 *
 * <p>Asks at exactly the requested level (fallback is {@link org.sessionwatch.netapi.LevelNegotiator}'s job) and pages
 * with {@link Paging}. Every buffer netapi32 hands out is freed in {@code finally}, also after
 * {@code ERROR_MORE_DATA} and after a decode error; a failing free is logged, never thrown over the real outcome.
 * Server problems and native failures come back as {@link EnumerationResult.Failure}, never as exceptions.
 */
public final class WindowsFileServer extends FileServerBase {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsFileServer.class);

    /** Creates the native layer; the real one loads netapi32.dll. */
    @FunctionalInterface
    interface NativeLoader {
        NetApiNative load() throws NetApiException;
    }

    private final NativeLoader loader;
    private final CallIdentity identity;

    /**
     * Uses the real netapi32.dll, loaded on the first {@link #listSessions} of any server (on a polling thread, not
     * the caller's) and shared by the process, with the signed-in user's token. On a system without it, or where
     * Windows refuses to load it, every call is a {@link EnumerationResult.Failure} saying why; the load is not
     * retried.
     *
     * @param name the server as configured
     */
    public WindowsFileServer(String name) {
        this(name, Netapi32Native::shared, CallIdentity.SIGNED_IN);
    }

    /**
     * The backend for {@code server}: with the signed-in user's token, or, when the server has a user name, with that
     * account and the password {@code credentials} holds for it ({@link WindowsIdentities}).
     */
    public static WindowsFileServer forServer(ServerConfig server, CredentialStore credentials) {
        return new WindowsFileServer(server.name(), Netapi32Native::shared,
                WindowsIdentities.forServer(server, credentials));
    }

    /** Uses {@code nativeLayer} instead of netapi32.dll, for tests. */
    WindowsFileServer(String name, NetApiNative nativeLayer) {
        this(name, () -> nativeLayer, CallIdentity.SIGNED_IN);
    }

    WindowsFileServer(String name, NativeLoader loader) {
        this(name, loader, CallIdentity.SIGNED_IN);
    }

    WindowsFileServer(String name, NativeLoader loader, CallIdentity identity) {
        super(name, Capabilities.sessionsOnly("the Windows backend"));
        this.loader = loader;
        this.identity = identity;
    }

    /** Whether this backend can work here: only on Windows. Loads nothing. */
    public static boolean isSupported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * {@code NetSessionEnum} as this server's {@link CallIdentity}. Open files and the actions, when this backend
     * implements them, go through the same {@code identity.runAs}.
     */
    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        try {
            NetApiNative api = loader.load();
            return identity.runAs(request.server(), () -> collect(api, request));
        } catch (NetApiException e) {
            return new EnumerationResult.Failure(request.server(), request.level(), e.error());
        } catch (RuntimeException | LinkageError e) { // from the logon or impersonation calls
            return new EnumerationResult.Failure(request.server(), request.level(),
                    nativeFailure(request.server(), "Logging on", e).error());
        }
    }

    private EnumerationResult collect(NetApiNative api, EnumerationRequest request) {
        String serverName = UncServerName.of(request.server());
        String client = request.client().map(ClientNames::toUnc).orElse(null);
        String user = request.user().orElse(null);
        return Paging.sessions(request, resumeHandle -> {
            // NetSessionEnum's resume handle is a DWORD: the loop only ever passes back what a page returned.
            NetApiNative.EnumCall call = callNative(api, request, serverName, client, user, (int) resumeHandle);
            return readPage(api, request, call, identity.account());
        });
    }

    private static NetApiNative.EnumCall callNative(NetApiNative api, EnumerationRequest request, String serverName,
                                                    String client, String user, int resumeHandle)
            throws NetApiException {
        try {
            return api.netSessionEnum(serverName, client, user, request.level().code(),
                    request.preferredMaxLength(), resumeHandle);
        } catch (RuntimeException | LinkageError e) { // LastErrorException, UnsatisfiedLinkError for a missing export
            throw nativeFailure(request.server(), "NetSessionEnum", e);
        }
    }

    private static Paging.Page<Session> readPage(NetApiNative api, EnumerationRequest request,
                                                 NetApiNative.EnumCall call, CallerAccount caller)
            throws NetApiException {
        try {
            long status = Integer.toUnsignedLong(call.status());
            if (FilterMiss.ofStatus(status).isPresent()) {
                // Paging reports the miss
                return new Paging.Page<>(status, List.of(), Integer.toUnsignedLong(call.resumeHandle()));
            }
            if (status != NetApiStatus.NERR_SUCCESS && status != NetApiStatus.ERROR_MORE_DATA) {
                // explained for the account that asked: the signed-in user has no configured password to check
                throw new NetApiException(NetApiStatus.toError(status, request.server(), caller));
            }
            return new Paging.Page<>(status,
                    SessionInfoDecoder.decode(call.buffer(), call.entriesRead(), bufferSize(api, call, request),
                            request.server(), request.level()),
                    Integer.toUnsignedLong(call.resumeHandle()));
        } catch (LinkageError e) {
            throw nativeFailure(request.server(), "decoding", e);
        } finally {
            free(api, call.buffer(), request.server());
        }
    }

    /**
     * The size netapi32 allocated for {@code call}'s buffer ({@code NetApiBufferSize}), so the decoder can check that
     * {@code entriesRead} entries fit in it; -1 when it cannot be told (no buffer, or the call failed), in which case
     * the decoder trusts {@code entriesRead} as netapi32 documents it.
     */
    private static long bufferSize(NetApiNative api, NetApiNative.EnumCall call, EnumerationRequest request) {
        if (call.buffer() == null) {
            return SessionInfoDecoder.UNKNOWN_SIZE;
        }
        try {
            NetApiNative.BufferSize size = api.netApiBufferSize(call.buffer());
            if (size.status() == NetApiStatus.NERR_SUCCESS) {
                return Integer.toUnsignedLong(size.byteCount());
            }
            LOG.debug("NetApiBufferSize returned {} for a session list of {}", size.status(), request.server());
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("NetApiBufferSize failed for a session list of {}", request.server(), e);
        }
        return SessionInfoDecoder.UNKNOWN_SIZE;
    }

    /** Frees a netapi32 buffer; a failure is logged, because throwing it would hide the result or the real error. */
    private static void free(NetApiNative api, Pointer buffer, String server) {
        if (buffer == null) {
            return;
        }
        try {
            int status = api.netApiBufferFree(buffer);
            if (status != NetApiStatus.NERR_SUCCESS) {
                LOG.warn("NetApiBufferFree returned {} for a session list of {}; the buffer may leak", status, server);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("NetApiBufferFree failed for a session list of {}; the buffer may leak", server, e);
        }
    }

    private static NetApiException nativeFailure(String server, String step, Throwable cause) {
        // the exception's own text is jargon; it goes to the log, the person reads a plain sentence
        LOG.warn("{} for {} failed in native code", step, server, cause);
        return new NetApiException(new NetApiError(ErrorKind.OTHER, 0,
                "Listing sessions on " + server + " failed inside Windows' network library.",
                "Try again; if it keeps failing, use the srvsvc backend for this server."), cause);
    }
}
