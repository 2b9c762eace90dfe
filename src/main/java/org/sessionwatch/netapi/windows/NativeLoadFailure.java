package org.sessionwatch.netapi.windows;

import java.util.Locale;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;

/**
 * Why a Windows DLL this backend needs could not be loaded, told apart from what JNA and Windows throw, with the
 * remedy for each cause. Loading involves two libraries: JNA's own {@code jnidispatch.dll} first (SessionWatch's app
 * image ships it; a plain jar makes JNA unpack a copy to {@code %TEMP%}), then the system DLL itself.
 */
enum NativeLoadFailure {

    /** An application-control policy or an attack-surface rule refused jnidispatch.dll. */
    BLOCKED_BY_POLICY,
    /** jnidispatch.dll is not where it should be (a damaged installation, or a jar with JNA's natives stripped). */
    DISPATCH_MISSING,
    /** A jnidispatch.dll of another JNA version was found first. */
    DISPATCH_INCOMPATIBLE,
    /** JNA started, but the system DLL itself (netapi32.dll, advapi32.dll) is missing or broken. */
    SYSTEM_LIBRARY_MISSING;

    private static final Logger LOG = LoggerFactory.getLogger(NativeLoadFailure.class);

    /**
     * Runs {@code binder}, which binds {@code library} through JNA, and turns anything it throws into an explained
     * {@link NetApiException}. That includes a plain {@link Error}: JNA throws one for an incompatible
     * jnidispatch.dll, and {@link NoClassDefFoundError} on every use after its first start failed. Only the JVM's own
     * {@link VirtualMachineError}s (out of memory, stack overflow) pass through.
     */
    static <T> T bind(String library, Supplier<T> binder) throws NetApiException {
        try {
            return binder.get();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error | RuntimeException e) {
            NativeLoadFailure cause = classify(e, library);
            // logged once with the file JNA tried; the person reads the plain sentence
            LOG.warn("Loading {} failed ({})", library, cause, e);
            throw new NetApiException(cause.toError(library), e);
        }
    }

    /** The cause of {@code failure}, thrown while loading {@code library} (e.g. "netapi32"). */
    static NativeLoadFailure classify(Throwable failure, String library) {
        String text = chainText(failure);
        if (text.contains("incompatible jna native library")) {
            return DISPATCH_INCOMPATIBLE;
        }
        // Windows' own texts for ERROR_ACCESS_DISABLED_BY_POLICY (1260, AppLocker / software restriction),
        // the code-integrity errors WDAC / Device Guard raise (4551, 577) and a plain ACCESS_DENIED on the file
        if (text.contains("blocked by group policy") || text.contains("application control policy")
                || text.contains("device guard") || text.contains("code integrity") || text.contains("access is denied")
                || text.contains("error 1260") || text.contains("error 4551")) {
            return BLOCKED_BY_POLICY;
        }
        boolean dispatch = text.contains("jnidispatch") || text.contains("jna native support")
                || text.contains("com.sun.jna.native") || text.contains("jna.boot.library.path");
        if (dispatch || !text.contains(library.toLowerCase(Locale.ROOT))) {
            return DISPATCH_MISSING;
        }
        return SYSTEM_LIBRARY_MISSING;
    }

    /** What the person reads: the cause, the remedy, and that the srvsvc backend still works. */
    NetApiError toError(String library) {
        String dll = library.toLowerCase(Locale.ROOT) + ".dll";
        return switch (this) {
            case BLOCKED_BY_POLICY -> new NetApiError(ErrorKind.OTHER, 0,
                    "Windows blocked jnidispatch.dll, the helper SessionWatch needs to call " + dll
                            + ": an application-control policy (AppLocker, WDAC / Device Guard) or a Microsoft"
                            + " Defender attack-surface rule refused to load it.",
                    "Ask your administrator to allow jnidispatch.dll in SessionWatch's installation folder (the"
                            + " installed SessionWatch loads it from there, never from %TEMP%), or use the srvsvc"
                            + " backend for your servers.");
            case DISPATCH_MISSING -> new NetApiError(ErrorKind.OTHER, 0,
                    "jnidispatch.dll, the helper SessionWatch needs to call " + dll + ", could not be started.",
                    "Reinstall SessionWatch (the installer puts jnidispatch.dll next to it); until then use the"
                            + " srvsvc backend for your servers. The log names the file that was tried.");
            case DISPATCH_INCOMPATIBLE -> new NetApiError(ErrorKind.OTHER, 0,
                    "A jnidispatch.dll from another program, of a different version than SessionWatch's, was loaded"
                            + " instead of SessionWatch's own, so " + dll + " cannot be called.",
                    "Remove that program's folder from the PATH or the jna.boot.library.path setting (the log names"
                            + " the file), or start SessionWatch from its installed shortcut; meanwhile use the"
                            + " srvsvc backend.");
            case SYSTEM_LIBRARY_MISSING -> new NetApiError(ErrorKind.OTHER, 0,
                    "Windows' " + dll + " could not be loaded; it is part of every Windows installation.",
                    "Repair Windows (sfc /scannow as administrator); meanwhile use the srvsvc backend for your"
                            + " servers.");
        };
    }

    private static String chainText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
