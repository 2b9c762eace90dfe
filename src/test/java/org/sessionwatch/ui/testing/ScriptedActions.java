package org.sessionwatch.ui.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileApiStatus;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.ServerActions;

/**
 * {@link ServerActions} over scripted servers: each holds open files a test put there, closing one removes it (a second
 * close is "already gone"), ending a session removes its user's files; a server can be made to refuse or to lack a
 * capability. Answers complete at once; every call is recorded.
 */
public final class ScriptedActions implements ServerActions {
    private final Map<String, List<OpenFile>> files = new LinkedHashMap<>();
    private final Map<String, Capabilities> capabilities = new LinkedHashMap<>();
    private final Map<String, NetApiError> failing = new LinkedHashMap<>();
    /** "close FS01 7", "end FS01 10.0.0.5 alice", "list FS01 alice". */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    /** A level-3 file of {@code user} with read and write permission and no lock. */
    public static OpenFile file(String server, long id, String user, String path) {
        return new OpenFile(server, FileInfoLevel.LEVEL_3, id, 3L, 0L, path, user);
    }

    public synchronized ScriptedActions server(String name, OpenFile... open) {
        files.put(name, new ArrayList<>(List.of(open)));
        capabilities.put(name, Capabilities.all());
        return this;
    }

    public synchronized ScriptedActions unsupported(String name, String reason) {
        files.put(name, new ArrayList<>());
        capabilities.put(name, Capabilities.none(reason));
        return this;
    }

    /** From now on {@code name} refuses every call with access denied. */
    public synchronized ScriptedActions denying(String name) {
        failing.put(name, new NetApiError(ErrorKind.ACCESS_DENIED, NetApiStatus.ERROR_ACCESS_DENIED,
                "Access denied: your account may not list the open files on " + name + ".",
                "Ask for membership of Administrators on " + name + "."));
        return this;
    }

    public synchronized List<OpenFile> openOn(String server) {
        return List.copyOf(files.get(server));
    }

    @Override
    public synchronized List<String> servers() {
        return List.copyOf(files.keySet());
    }

    @Override
    public synchronized Capabilities capabilities(String server) {
        return capabilities.getOrDefault(server, Capabilities.none("not a scripted server"));
    }

    @Override
    public synchronized CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
        String server = request.server();
        calls.add("list " + server + request.user().map(u -> " " + u).orElse(""));
        if (!capabilities(server).supports(Capability.LIST_OPEN_FILES)) {
            return done(new OpenFilesResult.Unsupported(server, capabilities(server).whyNot(Capability.LIST_OPEN_FILES)));
        }
        if (failing.containsKey(server)) {
            return done(new OpenFilesResult.Failure(server, request.level(), failing.get(server)));
        }
        List<OpenFile> listed = files.get(server).stream()
                .filter(f -> request.user().map(u -> u.equalsIgnoreCase(f.user())).orElse(true)).toList();
        return done(new OpenFilesResult.Success(server, FileInfoLevel.LEVEL_3, listed));
    }

    @Override
    public synchronized CompletableFuture<ActionResult> closeFile(String server, long fileId) {
        calls.add("close " + server + " " + fileId);
        if (failing.containsKey(server)) {
            return done(new ActionResult.Refused(failing.get(server)));
        }
        boolean removed = files.get(server).removeIf(f -> f.id() == fileId);
        return done(FileApiStatus.closeResult(removed ? 0 : FileApiStatus.NERR_FILE_ID_NOT_FOUND, server, fileId));
    }

    @Override
    public synchronized CompletableFuture<ActionResult> endSession(String server, String client, String user) {
        calls.add("end " + server + " " + client + " " + user);
        if (failing.containsKey(server)) {
            return done(new ActionResult.Refused(failing.get(server)));
        }
        boolean removed = files.get(server).removeIf(f -> user == null || user.equalsIgnoreCase(f.user()));
        return done(FileApiStatus.endSessionResult(removed ? 0 : NetApiStatus.NERR_USER_NOT_FOUND, server, client,
                user));
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
