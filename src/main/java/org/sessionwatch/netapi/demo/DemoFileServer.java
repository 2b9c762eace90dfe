package org.sessionwatch.netapi.demo;

import java.util.Objects;

import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileServerBase;

/**
 * One simulated server of a {@link DemoFleet}: a view, so closing it does nothing to the fleet, which every demo
 * server shares and which holds nothing to release.
 */
final class DemoFileServer extends FileServerBase {
    private final DemoFleet fleet;

    DemoFileServer(String name, DemoFleet fleet) {
        super(name, Capabilities.sessionsOnly("the demo fleet"));
        this.fleet = Objects.requireNonNull(fleet, "fleet");
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        return fleet.enumerate(request);
    }
}
