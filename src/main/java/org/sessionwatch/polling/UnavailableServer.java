package org.sessionwatch.polling;

import java.util.Objects;

import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.NetApiError;

/**
 * A server whose backend cannot work here (the Windows backend off Windows, a backend missing from this build): it
 * can do nothing, says why in its capabilities, and lists sessions as a failure carrying the same explanation, so
 * the server shows a readable error instead of breaking the cycle.
 */
final class UnavailableServer extends FileServerBase {
    private final NetApiError error;

    UnavailableServer(String name, NetApiError error) {
        super(name, Capabilities.none(Objects.requireNonNull(error, "error").message()));
        this.error = error;
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        return new EnumerationResult.Failure(request.server(), request.level(), error);
    }
}
