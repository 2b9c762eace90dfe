package org.sessionwatch.netapi;

/**
 * Carries a {@link NetApiError} out of a backend's page fetch; {@link Paging} turns it back into a failure value,
 * so it never leaves a {@link FileServer}.
 */
public final class NetApiException extends Exception {
    private final transient NetApiError error;

    public NetApiException(NetApiError error) {
        super(error.message());
        this.error = error;
    }

    public NetApiException(NetApiError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    public NetApiError error() {
        return error;
    }
}
