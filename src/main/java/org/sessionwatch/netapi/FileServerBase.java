package org.sessionwatch.netapi;

import java.util.Objects;

/**
 * The common part of every {@link FileServer}: its name, its capabilities, and the typed "unsupported" answer for
 * each call its capabilities say it cannot make. A backend overrides the calls it implements and declares them in
 * its capabilities; one it declares but does not override fails loudly ({@link Capabilities#whyNot}) instead of
 * answering "unsupported" for something it claims to do.
 */
public abstract class FileServerBase implements FileServer {
    private final String name;
    private final Capabilities capabilities;

    protected FileServerBase(String name, Capabilities capabilities) {
        this.name = Objects.requireNonNull(name, "name");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        return new OpenFilesResult.Unsupported(request.server(), capabilities().whyNot(Capability.LIST_OPEN_FILES));
    }

    @Override
    public ActionResult closeFile(long fileId) {
        return new ActionResult.Unsupported(capabilities().whyNot(Capability.CLOSE_FILE));
    }

    @Override
    public ActionResult endSession(String client, String user) {
        return new ActionResult.Unsupported(capabilities().whyNot(Capability.END_SESSION));
    }

    /** Nothing to release unless the backend holds a connection; those override this. */
    @Override
    public void close() {
    }
}
