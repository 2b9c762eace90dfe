package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link FileServer} for tests of everything above the backends: it lists sessions as a function of the request
 * says, has no open files or actions (the typed answers, as the backends give today) and counts its closes.
 */
public final class ScriptedServer implements FileServer {
    private static final Capabilities CAPABILITIES = Capabilities.sessionsOnly("the test server");

    private final String name;
    private final Function<EnumerationRequest, EnumerationResult> sessions;
    private final AtomicInteger closes = new AtomicInteger();

    private ScriptedServer(String name, Function<EnumerationRequest, EnumerationResult> sessions) {
        this.name = Objects.requireNonNull(name, "name");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public static ScriptedServer of(String name, Function<EnumerationRequest, EnumerationResult> sessions) {
        return new ScriptedServer(name, sessions);
    }

    /** A server named after each request's server, for tests that do not care about the name. */
    public static ScriptedServer of(Function<EnumerationRequest, EnumerationResult> sessions) {
        return new ScriptedServer("test-server", sessions);
    }

    public int closes() {
        return closes.get();
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
        return sessions.apply(request);
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

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
