package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link FileServer} for tests of everything above the backends: it lists sessions as a function of the request
 * says, has no open files or actions (the typed answers, as the backends give today) and counts its closes.
 */
public final class ScriptedServer extends FileServerBase {
    private final Function<EnumerationRequest, EnumerationResult> sessions;
    private final AtomicInteger closes = new AtomicInteger();

    private ScriptedServer(String name, Function<EnumerationRequest, EnumerationResult> sessions) {
        super(name, Capabilities.sessionsOnly("the test server"));
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public static ScriptedServer of(String name, Function<EnumerationRequest, EnumerationResult> sessions) {
        return new ScriptedServer(name, sessions);
    }

    public int closes() {
        return closes.get();
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        return sessions.apply(request);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
