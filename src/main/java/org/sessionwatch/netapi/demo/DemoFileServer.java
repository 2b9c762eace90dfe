package org.sessionwatch.netapi.demo;

import java.util.Objects;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

/** One simulated server of a {@link DemoFleet}; a view, so closing it does nothing to the fleet. */
final class DemoFileServer implements FileServer {
    private static final Capabilities CAPABILITIES = Capabilities.sessionsOnly("the demo fleet");

    private final String name;
    private final DemoFleet fleet;

    DemoFileServer(String name, DemoFleet fleet) {
        this.name = Objects.requireNonNull(name, "name");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        return fleet.enumerate(request);
    }

    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        return new OpenFilesResult.Unsupported(request.server(), CAPABILITIES.whyNot(Capability.LIST_OPEN_FILES));
    }

    @Override
    public ActionResult closeFile(long fileId) {
        return new ActionResult.Unsupported(CAPABILITIES.whyNot(Capability.CLOSE_FILE));
    }

    @Override
    public ActionResult endSession(String client, String user) {
        return new ActionResult.Unsupported(CAPABILITIES.whyNot(Capability.END_SESSION));
    }

    /** The fleet is shared by every demo server and holds nothing to release. */
    @Override
    public void close() {
    }
}
