package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link FileServer} for tests of everything above the backends: it lists sessions (and, made with
 * {@link #withFiles}, open files) as a function of the request says, makes no actions and counts its closes.
 */
public final class ScriptedServer extends FileServerBase {
    private final Function<EnumerationRequest, EnumerationResult> sessions;
    private final Function<OpenFilesRequest, OpenFilesResult> files;
    private final AtomicInteger closes = new AtomicInteger();

    private ScriptedServer(String name, Capabilities capabilities,
                           Function<EnumerationRequest, EnumerationResult> sessions,
                           Function<OpenFilesRequest, OpenFilesResult> files) {
        super(name, capabilities);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.files = files;
    }

    public static ScriptedServer of(String name, Function<EnumerationRequest, EnumerationResult> sessions) {
        return new ScriptedServer(name, Capabilities.sessionsOnly("the test server"), sessions, null);
    }

    /** A server that also lists open files as {@code files} says (closing files and ending sessions: unsupported). */
    public static ScriptedServer withFiles(String name, Function<EnumerationRequest, EnumerationResult> sessions,
                                           Function<OpenFilesRequest, OpenFilesResult> files) {
        Capabilities sessionsOnly = Capabilities.sessionsOnly("the test server");
        java.util.Map<Capability, String> missing = new java.util.EnumMap<>(Capability.class);
        missing.putAll(sessionsOnly.unsupported());
        missing.remove(Capability.LIST_OPEN_FILES);
        return new ScriptedServer(name, new Capabilities(missing), sessions, Objects.requireNonNull(files, "files"));
    }

    public int closes() {
        return closes.get();
    }

    @Override
    public EnumerationResult listSessions(EnumerationRequest request) {
        return sessions.apply(request);
    }

    @Override
    public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
        return files == null ? super.listOpenFiles(request) : files.apply(request);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
