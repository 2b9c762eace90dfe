package org.sessionwatch.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.FileServerBase;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * A large simulated estate for the fan-out and responsiveness benchmarks.
 *
 * <p>Each server answers after a uniformly random 20–200 ms (a {@link Thread#sleep}, like a thread blocked in
 * {@code NetSessionEnum}), a fixed share denies access after the same latency, and a fixed share never answers: their
 * calls block, ignoring interrupts as a native call does, until {@link #releaseHungCalls()} opens the current latch
 * (the next calls to them hang on a fresh one).
 *
 * <p>Every answer is stamped with the cycle in which its call started: the first session's open count is the value
 * of {@link #currentCycle()} when the call began, so a benchmark can prove that no late answer of an abandoned call
 * is ever shown in a later cycle.
 */
public final class SimulatedFleet implements FileServerFactory {

    public enum Behaviour { ANSWERS, DENIES, HANGS }

    static final Duration MIN_LATENCY = Duration.ofMillis(20);
    static final Duration MAX_LATENCY = Duration.ofMillis(200);

    private static final String[] CLIENT_TYPES = {"Windows 10 Enterprise 19045", "Windows 11 Enterprise 22631",
            "Unix", "macOS 14.5"};
    private static final String[] TRANSPORTS = {"\\Device\\NetbiosSmb", "\\Device\\NetBT_Tcpip_{6A3C}"};

    private final List<ServerConfig> servers = new ArrayList<>();
    private final List<Behaviour> behaviours = new ArrayList<>();
    private final List<List<Session>> baseSessions = new ArrayList<>();
    private final double churn;
    private final boolean ageing;
    private final long bornNanos = System.nanoTime();
    private final AtomicInteger cycle = new AtomicInteger();
    private final AtomicReference<CountDownLatch> hang = new AtomicReference<>(new CountDownLatch(1));
    private final AtomicInteger lateAnswers = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * @param count             number of servers
     * @param hungShare         share of servers that never answer, e.g. 0.05
     * @param deniedShare       share of servers that deny access, e.g. 0.02
     * @param sessionsPerServer sessions each answering server reports
     * @param churn             share of a server's sessions whose idle time and open count change per answer
     * @param seed              fixes which servers hang or deny and who is connected
     * @param ageing            whether connected and idle times advance with the wall clock, as a real server
     *                          reports them
     *                          (a table keyed by start time needs it; costs a new Session per row per answer)
     */
    public SimulatedFleet(int count, double hungShare, double deniedShare, int sessionsPerServer, double churn, long seed,
                   boolean ageing) {
        this.ageing = ageing;
        Random random = new Random(seed);
        List<Behaviour> plan = new ArrayList<>();
        int hung = (int) Math.round(count * hungShare);
        int denied = (int) Math.round(count * deniedShare);
        for (int i = 0; i < count; i++) {
            plan.add(i < hung ? Behaviour.HANGS : i < hung + denied ? Behaviour.DENIES : Behaviour.ANSWERS);
        }
        Collections.shuffle(plan, random);
        this.churn = churn;
        for (int i = 0; i < count; i++) {
            String name = String.format("FS-%03d.corp.example", i + 1);
            servers.add(ServerConfig.of(name, Backend.SRVSVC));
            behaviours.add(plan.get(i));
            baseSessions.add(sessions(name, i, sessionsPerServer, random));
        }
    }

    private static List<Session> sessions(String server, int serverIndex, int count, Random random) {
        List<Session> list = new ArrayList<>(count);
        String serverName = server.intern();
        for (int s = 0; s < count; s++) {
            list.add(Session.builder(serverName, InfoLevel.LEVEL_502)
                    .clientName("\\\\10." + (serverIndex % 250) + "." + (s / 250) + "." + (s % 250 + 1))
                    .userName("user" + (serverIndex * count + s))
                    .openCount(random.nextInt(40))
                    .activeSeconds(3_600 + random.nextInt(86_400))
                    .idleSeconds(random.nextInt(3_600))
                    .userFlags(0)
                    .clientType(CLIENT_TYPES[random.nextInt(CLIENT_TYPES.length)])
                    .transport(TRANSPORTS[random.nextInt(TRANSPORTS.length)])
                    .build());
        }
        return list;
    }

    public List<ServerConfig> servers() {
        return servers;
    }

    Behaviour behaviourOf(int index) {
        return behaviours.get(index);
    }

    public long count(Behaviour behaviour) {
        return behaviours.stream().filter(behaviour::equals).count();
    }

    /** Sets the cycle number the next calls are stamped with. */
    public void startCycle(int number) {
        cycle.set(number);
    }

    int currentCycle() {
        return cycle.get();
    }

    /** Lets every hung call return (with its stale answer); later calls to those servers hang again. */
    public void releaseHungCalls() {
        hang.getAndSet(new CountDownLatch(1)).countDown();
    }

    /** Calls to hung servers that returned after being released: answers the poller had to drop. */
    int lateAnswers() {
        return lateAnswers.get();
    }

    int calls() {
        return calls.get();
    }

    @Override
    public FileServer create(ServerConfig server) {
        int index = servers.indexOf(server);
        if (index < 0) {
            throw new IllegalArgumentException("Not a server of the simulated fleet: " + server.name());
        }
        return new SimulatedServer(server.name(), index);
    }

    /** One server of the fleet: sessions only, like the backends today. */
    private final class SimulatedServer extends FileServerBase {
        private final int index;

        SimulatedServer(String name, int index) {
            super(name, Capabilities.sessionsOnly("the simulated fleet"));
            this.index = index;
        }

        @Override
        public EnumerationResult listSessions(EnumerationRequest request) {
            return enumerate(index, request);
        }
    }

    /** One call, as a blocking backend would make it; usable without a poller for the serial baseline. */
    EnumerationResult enumerate(int index, EnumerationRequest request) {
        calls.incrementAndGet();
        int startedIn = cycle.get();
        switch (behaviours.get(index)) {
            case HANGS -> {
                awaitUninterruptibly(hang.get());
                lateAnswers.incrementAndGet();
                return answer(index, request, startedIn);
            }
            case DENIES -> {
                sleepLatency();
                return new EnumerationResult.Failure(request.server(), request.level(),
                        NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, request.server()));
            }
            default -> {
                sleepLatency();
                return answer(index, request, startedIn);
            }
        }
    }

    private EnumerationResult answer(int index, EnumerationRequest request, int startedIn) {
        List<Session> base = baseSessions.get(index);
        List<Session> sessions = new ArrayList<>(base);
        if (ageing) {
            long elapsed = (System.nanoTime() - bornNanos) / 1_000_000_000L;
            for (int i = 0; i < sessions.size(); i++) {
                Session s = sessions.get(i);
                // Idle time advances too: a session nobody uses stays idle, as a real server reports it.
                sessions.set(i, s.toBuilder().activeSeconds(s.activeSeconds().orElse(0) + elapsed)
                        .idleSeconds(s.idleSeconds().orElse(0) + elapsed).build());
            }
        }
        if (!sessions.isEmpty()) {
            sessions.set(0, sessions.get(0).toBuilder().openCount(startedIn).build());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int changes = (int) Math.round(base.size() * churn);
            for (int c = 0; c < changes; c++) {
                int at = 1 + random.nextInt(Math.max(1, base.size() - 1));
                if (at < sessions.size()) {
                    sessions.set(at, sessions.get(at).toBuilder().idleSeconds(random.nextInt(3_600))
                            .openCount(random.nextInt(40)).build());
                }
            }
        }
        return new EnumerationResult.Success(request.server(), request.level(), sessions);
    }

    private static void sleepLatency() {
        long millis = ThreadLocalRandom.current().nextLong(MIN_LATENCY.toMillis(), MAX_LATENCY.toMillis() + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
