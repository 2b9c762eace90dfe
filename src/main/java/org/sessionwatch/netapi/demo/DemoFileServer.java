package org.sessionwatch.netapi.demo;

import java.util.Objects;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * One simulated server of a {@link DemoFleet}: a view, so closing it does nothing to the fleet, which every demo
 * server shares and which holds nothing to release. It does everything a real server does, in the simulation.
 */
final class DemoFileServer extends FileServerBase {
    private final DemoFleet fleet;

    DemoFileServer(String name, DemoFleet fleet) {
        super(name, Capabilities.all());
        this.fleet = Objects.requireNonNull(fleet, "fleet");
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        return fleet.enumerate(request);
    }

    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        return fleet.openFiles(request);
    }

    @Override
    public ActionResult closeFile(long fileId) {
        return fleet.closeFile(name(), fileId);
    }

    @Override
    public ActionResult endSession(String client, String user) {
        return fleet.endSession(name(), client, user);
    }
}
