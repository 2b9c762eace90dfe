package org.sessionwatch.polling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/** Scripted servers for poller tests: each name answers with a behaviour; calls and closes are counted. */
final class FakeServers implements FileServerFactory {

    private final Map<String, Function<EnumerationRequest, EnumerationResult>> behaviours = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    final List<String> closed = new CopyOnWriteArrayList<>();

    FakeServers on(String server, Function<EnumerationRequest, EnumerationResult> behaviour) {
        behaviours.put(server, behaviour);
        return this;
    }

    int calls(String server) {
        return calls.getOrDefault(server, new AtomicInteger()).get();
    }

    @Override
    public FileServer create(ServerConfig server) {
        created.computeIfAbsent(server.name(), k -> new AtomicInteger()).incrementAndGet();
        return new FileServerBase(server.name(), Capabilities.sessionsOnly("the fake")) {
            @Override
            public EnumerationResult listSessions(EnumerationRequest request) {
                calls.computeIfAbsent(server.name(), k -> new AtomicInteger()).incrementAndGet();
                return behaviours.getOrDefault(server.name(), FakeServers::sessionsOf).apply(request);
            }

            @Override
            public void close() {
                closed.add(server.name());
            }
        };
    }

    static ServerConfig server(String name) {
        return ServerConfig.of(name, Backend.SRVSVC);
    }

    /** One session per user name given, from client 10.0.0.1. */
    static EnumerationResult sessionsOf(EnumerationRequest request, String... users) {
        List<Session> sessions = java.util.Arrays.stream(users.length == 0 ? new String[] {"alice"} : users)
                .map(u -> Session.builder(request.server(), request.level()).clientName("10.0.0.1")
                        .userName(request.level().carries(org.sessionwatch.netapi.SessionField.USER_NAME) ? u : null)
                        .build())
                .toList();
        return new EnumerationResult.Success(request.server(), request.level(), sessions);
    }

    static EnumerationResult sessionsOf(EnumerationRequest request) {
        return sessionsOf(request, "alice");
    }

    static Function<EnumerationRequest, EnumerationResult> sleeping(long millis) {
        return request -> {
            sleep(millis);
            return sessionsOf(request);
        };
    }

    /** Blocks until {@code latch} opens (like a native call nobody can cancel, it ignores interrupts). */
    static Function<EnumerationRequest, EnumerationResult> hungUntil(CountDownLatch latch, String... users) {
        return request -> {
            boolean interrupted = false;
            while (true) {
                try {
                    if (latch.await(30, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return sessionsOf(request, users);
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static InfoLevel level(EnumerationRequest request) {
        return request.level();
    }
}
