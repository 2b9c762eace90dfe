package org.sessionwatch.polling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * A scripted {@link FileServerFactory} for the action tests: every server lists sessions and open files, closes
 * files and ends sessions as its script says; each call is recorded as text ("FS01 close 7"), each server created
 * and closed is counted. A server named in {@link #sessionsOnly} has a backend without the file calls.
 */
final class ActionServers implements FileServerFactory {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    final List<String> sessionsOnly = new CopyOnWriteArrayList<>();
    private final Map<String, Function<EnumerationRequest, EnumerationResult>> polls = new ConcurrentHashMap<>();
    private final Map<String, Supplier<ActionResult>> actions = new ConcurrentHashMap<>();

    /** What {@code server}'s polls do (default: one session of alice). */
    ActionServers polls(String server, Function<EnumerationRequest, EnumerationResult> behaviour) {
        polls.put(server, behaviour);
        return this;
    }

    /** What {@code server}'s close and end calls do after being recorded (default: done). */
    ActionServers actions(String server, Supplier<ActionResult> behaviour) {
        actions.put(server, behaviour);
        return this;
    }

    int created(String server) {
        return created.getOrDefault(server, new AtomicInteger()).get();
    }

    @Override
    public FileServer create(ServerConfig config) {
        String name = config.name();
        created.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        if (sessionsOnly.contains(name)) {
            return new FileServerBase(name, Capabilities.sessionsOnly("the scripted backend")) {
                @Override
                public EnumerationResult listSessions(EnumerationRequest request) {
                    return FakeServers.sessionsOf(request);
                }
            };
        }
        return new FileServerBase(name, Capabilities.all()) {
            @Override
            public EnumerationResult listSessions(EnumerationRequest request) {
                calls.add(name + " poll");
                return polls.getOrDefault(name, FakeServers::sessionsOf).apply(request);
            }

            @Override
            public OpenFilesResult listOpenFiles(OpenFilesRequest request) {
                calls.add(name + " files user=" + request.userFilter());
                return new OpenFilesResult.Success(request.server(), FileInfoLevel.LEVEL_3, List.of(
                        new OpenFile(request.server(), FileInfoLevel.LEVEL_3, 0xF000_0001L, 3L, 0L,
                                "C:\\share\\budget.xlsx", "alice")));
            }

            @Override
            public ActionResult closeFile(long fileId) {
                calls.add(name + " close " + fileId);
                return actions.getOrDefault(name, ActionResult.Done::new).get();
            }

            @Override
            public ActionResult endSession(String client, String user) {
                calls.add(name + " end " + client + " " + user);
                return actions.getOrDefault(name, ActionResult.Done::new).get();
            }

            @Override
            public void close() {
                closed.add(name);
            }
        };
    }
}
