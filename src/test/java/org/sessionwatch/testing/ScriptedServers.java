package org.sessionwatch.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.polling.ServerPollResult;

/**
 * File servers in memory whose sessions the test changes while a collector polls them in real time: each answer
 * holds the sessions connected now, with their connected time counted from when the test added them. Thread-safe.
 */
public final class ScriptedServers implements PollSource {
    public static final NetApiError DENIED = new NetApiError(ErrorKind.ACCESS_DENIED, 5,
            "Access denied: your account may not list sessions on this server.",
            "Make the account a member of Administrators or Server Operators on it.");

    private record Planned(String client, String user, Instant connected, int opens) {
    }

    private final Map<String, List<Planned>> sessions = new LinkedHashMap<>();
    private final Map<String, NetApiError> failing = new LinkedHashMap<>();
    private final AtomicInteger enumerations = new AtomicInteger();
    private final Map<String, List<OpenFile>> openFiles = new LinkedHashMap<>();

    public synchronized ScriptedServers server(String name) {
        sessions.putIfAbsent(name, new ArrayList<>());
        return this;
    }

    public synchronized ScriptedServers connect(String server, String client, String user, int opens) {
        server(server);
        sessions.get(server).add(new Planned(client, user, Instant.now(), opens));
        return this;
    }

    public synchronized ScriptedServers disconnect(String server, String user) {
        sessions.get(server).removeIf(p -> p.user().equals(user));
        return this;
    }

    public synchronized ScriptedServers fail(String server, NetApiError error) {
        server(server);
        failing.put(server, error);
        return this;
    }

    /** A file {@code user} holds open on {@code server}, listed by {@link #actions()} until closed. */
    public synchronized ScriptedServers openFile(String server, long id, String user, String path) {
        openFiles.computeIfAbsent(server, s -> new ArrayList<>())
                .add(new OpenFile(server, FileInfoLevel.LEVEL_3, id, 3L, 0L, path, user));
        return this;
    }

    public synchronized ScriptedServers closeFile(String server, long id) {
        openFiles.getOrDefault(server, new ArrayList<>()).removeIf(f -> f.id() == id);
        return this;
    }

    /** Lists the open files the test set; closing files and ending sessions are not scripted. */
    @Override
    public ServerActions actions() {
        ServerActions unsupported = ServerActions.unsupported("not scripted");
        return new ServerActions() {
            @Override
            public List<String> servers() {
                synchronized (ScriptedServers.this) {
                    return List.copyOf(sessions.keySet());
                }
            }

            @Override
            public Capabilities capabilities(String server) {
                return unsupported.capabilities(server);
            }

            @Override
            public CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
                synchronized (ScriptedServers.this) {
                    return CompletableFuture.completedFuture(new OpenFilesResult.Success(request.server(),
                            FileInfoLevel.LEVEL_3, List.copyOf(openFiles.getOrDefault(request.server(), List.of()))));
                }
            }

            @Override
            public CompletableFuture<ActionResult> closeFile(String server, long fileId) {
                return unsupported.closeFile(server, fileId);
            }

            @Override
            public CompletableFuture<ActionResult> endSession(String server, String client, String user) {
                return unsupported.endSession(server, client, user);
            }
        };
    }

    /** How many server enumerations were answered so far. */
    public int enumerations() {
        return enumerations.get();
    }

    /** Answers like the poller: each result is handed over as soon as it is made. */
    @Override
    public PollCycle poll(Consumer<ServerPollResult> onResult) {
        Instant polledAt = Instant.now();
        List<ServerPollResult> results = new ArrayList<>();
        List<String> servers;
        synchronized (this) {
            servers = List.copyOf(sessions.keySet());
        }
        for (String server : servers) {
            ServerPollResult result = answer(server);
            enumerations.incrementAndGet();
            onResult.accept(result);
            results.add(result);
        }
        return new PollCycle(polledAt, results);
    }

    @Override
    public void close() {
        // nothing to release: no connections, no threads
    }

    private synchronized ServerPollResult answer(String server) {
        Instant now = Instant.now();
        NetApiError error = failing.get(server);
        if (error != null) {
            return new ServerPollResult.Failed(server, InfoLevel.LEVEL_502, error, Duration.ofMillis(5), now);
        }
        List<Session> answer = sessions.getOrDefault(server, List.of()).stream()
                .map(p -> Session.builder(server, InfoLevel.LEVEL_502).clientName(p.client()).userName(p.user())
                        .activeSeconds(Duration.between(p.connected(), now).toSeconds()).idleSeconds(3)
                        .openCount(p.opens()).userFlags(0).clientType("Windows 11 Pro 22631")
                        .transport("\\Device\\NetbiosSmb").build())
                .toList();
        return new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, answer, Duration.ofMillis(5),
                now);
    }
}
