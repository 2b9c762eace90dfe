package org.sessionwatch.netapi.windows;

import java.util.function.Supplier;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;

/**
 * The real netapi32.dll behind {@link NetApiNative}. The DLL is loaded by {@link #load()} and by nothing else, so the
 * rest of this package can be loaded and tested on any OS.
 */
final class Netapi32Native implements NetApiNative {

    private static final String LIBRARY = "netapi32";

    private final Netapi32Library library;

    private Netapi32Native(Netapi32Library library) {
        this.library = library;
    }

    /** The process's one binding, made on first use; a failure is remembered, not retried on every poll. */
    private static final OnceLoaded<NetApiNative> SHARED = new OnceLoaded<>(Netapi32Native::load);

    /** The shared binding of netapi32.dll (see {@link #load()}). */
    static NetApiNative shared() throws NetApiException {
        return SHARED.get();
    }

    /**
     * Loads netapi32.dll (and, first, JNA's jnidispatch.dll).
     *
     * @throws NetApiException of kind {@link ErrorKind#OTHER} when this is not Windows or a library cannot be loaded,
     *                         saying which one and why ({@link NativeLoadFailure})
     */
    static Netapi32Native load() throws NetApiException {
        if (!Platform.isWindows()) {
            throw new NetApiException(new NetApiError(ErrorKind.OTHER, 0,
                    "The Windows backend needs netapi32.dll, which only Windows has; this computer runs "
                            + System.getProperty("os.name", "another system") + ".",
                    "Use the srvsvc backend for this server."));
        }
        return load(LIBRARY, () -> Native.load(LIBRARY, Netapi32Library.class));
    }

    /** Binds the library {@code binder} loads; separate from {@link #load()} so failures can be tested on any OS. */
    static Netapi32Native load(String libraryName, Supplier<Netapi32Library> binder) throws NetApiException {
        return new Netapi32Native(NativeLoadFailure.bind(libraryName, binder));
    }

    @Override
    public EnumCall netSessionEnum(String serverName, String uncClientName, String userName, int level,
                                   int prefMaxLen, int resumeHandle) {
        PointerByReference buffer = new PointerByReference();
        IntByReference entriesRead = new IntByReference();
        IntByReference totalEntries = new IntByReference();
        IntByReference resume = new IntByReference(resumeHandle);
        int status = library.NetSessionEnum(wide(serverName), wide(uncClientName), wide(userName), level, buffer,
                prefMaxLen, entriesRead, totalEntries, resume);
        return new EnumCall(status, buffer.getValue(), entriesRead.getValue(), totalEntries.getValue(),
                Integer.toUnsignedLong(resume.getValue()));
    }

    @Override
    public EnumCall netFileEnum(String serverName, String basePath, String userName, int level, int prefMaxLen,
                                long resumeHandle) {
        PointerByReference buffer = new PointerByReference();
        IntByReference entriesRead = new IntByReference();
        IntByReference totalEntries = new IntByReference();
        DwordPtrByReference resume = new DwordPtrByReference(resumeHandle);
        int status = library.NetFileEnum(wide(serverName), wide(basePath), wide(userName), level, buffer, prefMaxLen,
                entriesRead, totalEntries, resume);
        return new EnumCall(status, buffer.getValue(), entriesRead.getValue(), totalEntries.getValue(),
                resume.getValue());
    }

    @Override
    public int netFileClose(String serverName, int fileId) {
        return library.NetFileClose(wide(serverName), fileId);
    }

    @Override
    public int netSessionDel(String serverName, String uncClientName, String userName) {
        return library.NetSessionDel(wide(serverName), wide(uncClientName), wide(userName));
    }

    @Override
    public int netApiBufferFree(Pointer buffer) {
        return library.NetApiBufferFree(buffer);
    }

    @Override
    public BufferSize netApiBufferSize(Pointer buffer) {
        IntByReference byteCount = new IntByReference();
        int status = library.NetApiBufferSize(buffer, byteCount);
        return new BufferSize(status, byteCount.getValue());
    }

    private static WString wide(String value) {
        return value == null ? null : new WString(value);
    }
}
