package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;

/**
 * A response stub that is not a valid srvsvc answer. An {@link IOException} because dcerpc's {@code unmarshal} may
 * throw no other checked exception; the {@link NdrFormatException} with the details is {@link #getCause()}, which
 * {@link SrvsvcErrors} finds and reports as a protocol error.
 */
public final class MalformedStubException extends IOException {

    public MalformedStubException(NdrFormatException cause) {
        super(cause.getMessage(), cause);
    }

    public NdrFormatException ndrError() {
        return (NdrFormatException) getCause();
    }
}
