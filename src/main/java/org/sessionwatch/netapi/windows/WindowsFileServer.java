package org.sessionwatch.netapi.windows;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileApiStatus;
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

/**
 * One server reached through netapi32.dll, as the signed-in Windows user or, for a server with a user name, as that
 * account ({@link CallIdentity}): lists its sessions ({@code NetSessionEnum}) and open files ({@code NetFileEnum}),
 * closes a file ({@code NetFileClose}) and ends sessions ({@code NetSessionDel}). Windows allows all of them only to
 * members of the server's Administrators or Server Operators group.
 *
 * <p>Asks at exactly the requested level (fallback is {@link org.sessionwatch.netapi.LevelNegotiator}'s job) and pages
 * with {@link Paging}. Every buffer netapi32 hands out is freed in {@code finally}, also after
 * {@code ERROR_MORE_DATA} and after a decode error; a failing free is logged, never thrown over the real outcome.
 * Server problems and native failures come back as {@code Failure} or {@code Refused} values, never as exceptions.
 */
public final class WindowsFileServer extends FileServerBase {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsFileServer.class);
    private static final long DWORD_MAX = 0xFFFF_FFFFL;

    /** Creates the native layer; the real one loads netapi32.dll. */
    @FunctionalInterface
    interface NativeLoader {
        NetApiNative load() throws NetApiException;
    }

    /** The work of one call, on the thread and with the identity that makes it. */
    @FunctionalInterface
    private interface NativeWork<R> {
        R run(NetApiNative api) throws NetApiException;
    }

    /** Decodes the entries of one page: buffer, {@code entriesread}, the buffer's size or -1. */
    @FunctionalInterface
    private interface PageDecoder<T> {
        List<T> decode(Pointer buffer, int entriesRead, long bufferBytes) throws NetApiException;
    }

    private final NativeLoader loader;
    private final CallIdentity identity;
    /** Why netapi32 could not be loaded, once a call has found out; the load is not retried (see OnceLoaded). */
    private volatile NetApiError loadFailure;

    /**
     * Uses the real netapi32.dll, loaded on the first call of any server (on a polling thread, not the caller's) and
     * shared by the process, with the signed-in user's token. On a system without it, or where Windows refuses to
     * load it, every call is a failure saying why; the load is not retried.
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
        super(name, Capabilities.all());
        this.loader = loader;
        this.identity = identity;
    }

    /**
     * Everything, until a call has found that netapi32 cannot be loaded here (blocked by policy, missing helper):
     * from then on nothing, each with that reason. Asking loads nothing: this may run on the FX thread.
     */
    @Override
    public Capabilities capabilities() {
        NetApiError failure = loadFailure;
        return failure == null ? super.capabilities() : Capabilities.none(failure.describe());
    }

    /** Whether this backend can work here: only on Windows. Loads nothing. */
    public static boolean isSupported() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** {@code NetSessionEnum} at exactly {@code request.level()}, every page, as this server's identity. */
    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        String server = request.server();
        String serverName = UncServerName.of(server);
        String client = request.client().map(ClientNames::toUnc).orElse(null);
        String user = request.user().orElse(null);
        String doing = "Listing sessions on " + server;
        return asIdentity(server, doing, error -> new EnumerationResult.Failure(server, request.level(), error),
                api -> Paging.sessions(request, resumeHandle -> readPage(api, server,
                        // NetSessionEnum's resume handle is a DWORD: the loop only passes back what a page returned
                        callNative(server, doing, "NetSessionEnum", () -> api.netSessionEnum(serverName, client, user,
                                request.level().code(), request.preferredMaxLength(), (int) resumeHandle)),
                        status -> NetApiStatus.toError(status, server, identity.account()),
                        (buffer, entries, bytes) -> SessionInfoDecoder.decode(buffer, entries, bytes, server,
                                request.level()))));
    }

    /**
     * {@code NetFileEnum} at exactly {@code request.level()}, every page, with the resume handle passed back
     * pointer-sized, as this server's identity. The base path and user filters go to the server.
     */
    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        String server = request.server();
        String serverName = UncServerName.of(server);
        String basePath = request.basePath().orElse(null);
        String user = request.user().orElse(null);
        NetApiError badInput = refuseNul(basePath, "path filter", user, "user filter");
        if (badInput != null) {
            return new OpenFilesResult.Failure(server, request.level(), badInput);
        }
        String doing = "Listing the open files on " + server;
        return asIdentity(server, doing, error -> new OpenFilesResult.Failure(server, request.level(), error),
                api -> Paging.openFiles(request, resumeHandle -> readPage(api, server,
                        callNative(server, doing, "NetFileEnum", () -> api.netFileEnum(serverName, basePath, user,
                                request.level().code(), request.preferredMaxLength(), resumeHandle)),
                        status -> FileApiStatus.listError(status, server, identity.account()),
                        (buffer, entries, bytes) -> FileInfoDecoder.decode(buffer, entries, bytes, server,
                                request.level()))));
    }

    /** {@code NetFileClose}; a file no longer open is {@link ActionResult.AlreadyGone}. */
    @Override
    public ActionResult closeFile(long fileId) {
        String server = name();
        if (fileId < 0 || fileId > DWORD_MAX) {
            return new ActionResult.Refused(new NetApiError(ErrorKind.OTHER, 0, fileId + " is not a file id: file"
                    + " ids are whole numbers from 0 to " + DWORD_MAX + ".", "Correct the file id."));
        }
        String doing = "Closing file " + fileId + " on " + server;
        return asIdentity(server, doing, ActionResult.Refused::new, api -> {
            int status = callNative(server, doing, "NetFileClose",
                    () -> api.netFileClose(UncServerName.of(server), (int) fileId));
            return FileApiStatus.closeResult(Integer.toUnsignedLong(status), server, fileId, identity.account());
        });
    }

    /**
     * {@code NetSessionDel(\\client, user)}: ends the sessions of {@code user} from {@code client}; either may be null
     * or blank (any), not both, which is refused without asking: it would end every session on the server.
     */
    @Override
    public ActionResult endSession(String client, String user) {
        String server = name();
        String bareClient = client == null || client.isBlank() ? null : ClientNames.strip(client.strip());
        String bareUser = user == null || user.isBlank() ? null : user.strip();
        if (bareClient == null && bareUser == null) {
            return new ActionResult.Refused(new NetApiError(ErrorKind.OTHER, 0, "Name a client, a user or both:"
                    + " without either, every session on " + server + " would end.", "Correct the client or user."));
        }
        NetApiError badInput = refuseNul(bareClient, "client", bareUser, "user");
        if (badInput != null) {
            return new ActionResult.Refused(badInput);
        }
        String uncClient = bareClient == null ? null : ClientNames.toUnc(bareClient);
        String doing = "Ending a session on " + server;
        return asIdentity(server, doing, ActionResult.Refused::new, api -> {
            int status = callNative(server, doing, "NetSessionDel",
                    () -> api.netSessionDel(UncServerName.of(server), uncClient, bareUser));
            return FileApiStatus.endSessionResult(Integer.toUnsignedLong(status), server, bareClient, bareUser,
                    identity.account());
        });
    }

    /**
     * Loads netapi32 and runs {@code work} as this server's identity; a failure to load, to log on or inside the
     * native code becomes {@code failure}'s value.
     */
    private <R> R asIdentity(String server, String doing, Function<NetApiError, R> failure, NativeWork<R> work) {
        NetApiNative api;
        try {
            api = loader.load();
        } catch (NetApiException e) {
            loadFailure = e.error();
            return failure.apply(e.error());
        }
        try {
            return identity.runAs(server, () -> work.run(api));
        } catch (NetApiException e) {
            return failure.apply(e.error());
        } catch (RuntimeException | LinkageError e) { // from the logon or impersonation calls
            return failure.apply(nativeFailure(server, doing, "logon or impersonation", e).error());
        }
    }

    /**
     * Runs one netapi32 function; what JNA throws becomes a plain error saying what was being done.
     *
     * @param doing what the person asked for, e.g. "Closing file 7 on FS01"
     */
    private static <T> T callNative(String server, String doing, String function, Supplier<T> call)
            throws NetApiException {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) { // LastErrorException, UnsatisfiedLinkError for a missing export
            throw nativeFailure(server, doing, function, e);
        }
    }

    /**
     * One page of an enumeration: a status that is no page is the error {@code errors} words (explained for the
     * account that asked); otherwise the entries. The buffer is freed in every case, exactly once.
     */
    private static <T> Paging.Page<T> readPage(NetApiNative api, String server, NetApiNative.EnumCall call,
                                               LongFunction<NetApiError> errors, PageDecoder<T> decoder)
            throws NetApiException {
        try {
            long status = Integer.toUnsignedLong(call.status());
            if (FilterMiss.ofStatus(status).isPresent()) {
                return new Paging.Page<>(status, List.of(), call.resumeHandle()); // Paging reports the miss
            }
            if (status != NetApiStatus.NERR_SUCCESS && status != NetApiStatus.ERROR_MORE_DATA) {
                throw new NetApiException(errors.apply(status));
            }
            return new Paging.Page<>(status, decoder.decode(call.buffer(), call.entriesRead(),
                    bufferSize(api, call.buffer(), server)), call.resumeHandle());
        } catch (LinkageError e) {
            throw nativeFailure(server, "Reading the answer of " + server, "decoding", e);
        } finally {
            free(api, call.buffer(), server);
        }
    }

    /**
     * The size netapi32 allocated for {@code buffer} ({@code NetApiBufferSize}), so the decoder can check that
     * {@code entriesRead} entries fit in it; -1 when it cannot be told (no buffer, or the call failed), in which case
     * the decoder trusts {@code entriesRead} as netapi32 documents it.
     */
    private static long bufferSize(NetApiNative api, Pointer buffer, String server) {
        if (buffer == null) {
            return EntryArray.UNKNOWN_SIZE;
        }
        try {
            NetApiNative.BufferSize size = api.netApiBufferSize(buffer);
            if (size.status() == NetApiStatus.NERR_SUCCESS) {
                return Integer.toUnsignedLong(size.byteCount());
            }
            LOG.debug("NetApiBufferSize returned {} for an answer of {}", size.status(), server);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("NetApiBufferSize failed for an answer of {}", server, e);
        }
        return EntryArray.UNKNOWN_SIZE;
    }

    /** Frees a netapi32 buffer; a failure is logged, because throwing it would hide the result or the real error. */
    private static void free(NetApiNative api, Pointer buffer, String server) {
        if (buffer == null) {
            return;
        }
        try {
            int status = api.netApiBufferFree(buffer);
            if (status != NetApiStatus.NERR_SUCCESS) {
                LOG.warn("NetApiBufferFree returned {} for an answer of {}; the buffer may leak", status, server);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("NetApiBufferFree failed for an answer of {}; the buffer may leak", server, e);
        }
    }

    /**
     * A NUL in a name would end the string netapi32 reads early: a filter would match something else, an action hit
     * another session. Refused before anything is sent; null when both values are fine.
     */
    private static NetApiError refuseNul(String first, String firstName, String second, String secondName) {
        String which = first != null && first.indexOf('\0') >= 0 ? firstName
                : second != null && second.indexOf('\0') >= 0 ? secondName : null;
        return which == null ? null : new NetApiError(ErrorKind.OTHER, 0, "The " + which + " contains a NUL"
                + " character, which Windows would cut the name at.", "Correct the " + which + ".");
    }

    /**
     * @param doing what the person asked for, as they read it ("Listing sessions on FS01")
     * @param step  the native step that failed, for the log only
     */
    private static NetApiException nativeFailure(String server, String doing, String step, Throwable cause) {
        // the exception's own text is jargon; it goes to the log, the person reads a plain sentence
        LOG.warn("{} failed in native code ({})", doing, step, cause);
        return new NetApiException(new NetApiError(ErrorKind.OTHER, 0,
                doing + " failed inside Windows' network library.",
                "Try again; if it keeps failing, use the srvsvc backend for " + server + "."), cause);
    }
}
