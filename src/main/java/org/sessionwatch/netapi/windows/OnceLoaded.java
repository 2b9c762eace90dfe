package org.sessionwatch.netapi.windows;

import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;

/**
 * A native library bound once and remembered, also when binding failed: loading a DLL that Windows refused fails
 * the same way on every poll, costs a file-system search each time and would log the same stack trace again.
 *
 * @param <T> the bound library
 */
final class OnceLoaded<T> {

    /** Binds the library; throws a {@link NetApiException} that already explains the failure. */
    @FunctionalInterface
    interface Loader<T> {
        T load() throws NetApiException;
    }

    private final Loader<T> loader;
    private T loaded;
    private NetApiError failure;

    OnceLoaded(Loader<T> loader) {
        this.loader = loader;
    }

    /** The library, bound on the first call; the first call's failure on every later call. */
    synchronized T get() throws NetApiException {
        if (loaded == null && failure == null) {
            try {
                loaded = loader.load();
            } catch (NetApiException e) {
                failure = e.error();
            }
        }
        if (failure != null) {
            throw new NetApiException(failure);
        }
        return loaded;
    }
}
