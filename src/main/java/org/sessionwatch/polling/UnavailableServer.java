package org.sessionwatch.polling;

import java.util.Objects;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * A server whose backend cannot work here (the Windows backend off Windows, a backend missing from this build): it
 * can do nothing, says why in its capabilities, and lists sessions as a failure carrying the same explanation, so
 * the server shows a readable error instead of breaking the cycle.
 */
final class UnavailableServer implements FileServer {
    private final String name;
    private final NetApiError error;
    private final Capabilities capabilities;

    UnavailableServer(String name, NetApiError error) {
        this.name = Objects.requireNonNull(name, "name");
        this.error = Objects.requireNonNull(error, "error");
        this.capabilities = Capabilities.none(error.message());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        return new EnumerationResult.Failure(request.server(), request.level(), error);
    }

    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        return new OpenFilesResult.Unsupported(request.server(), capabilities.whyNot(Capability.LIST_OPEN_FILES));
    }

    @Override
    public ActionResult closeFile(long fileId) {
        return new ActionResult.Unsupported(capabilities.whyNot(Capability.CLOSE_FILE));
    }

    @Override
    public ActionResult endSession(String client, String user) {
        return new ActionResult.Unsupported(capabilities.whyNot(Capability.END_SESSION));
    }

    @Override
    public void close() {
    }
}
