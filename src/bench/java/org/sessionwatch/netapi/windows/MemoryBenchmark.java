package org.sessionwatch.netapi.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Memory;
import javafx.beans.property.SimpleObjectProperty;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Heap;
import org.sessionwatch.bench.Level502Sample;
import org.sessionwatch.bench.NdrStubWriter;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.sessions.FilterModel;
import org.sessionwatch.ui.sessions.HostNameResolver;
import org.sessionwatch.ui.sessions.RowValues;
import org.sessionwatch.ui.sessions.SessionsViewModel;

/**
 * Figure 4: retained heap per session with 100,000 level-502 sessions in the model (10 servers of 10,000), measured
 * by difference of used heap after full collections (serial collector, its own JVM).
 *
 * <p>The same sessions as each backend's decoder produces them (what the app really holds), with repeated strings
 * shared by hand (server, client type and transport: one instance per distinct value), with the table rows the
 * window keeps per session, and the baseline: every string its own copy.
 */
public final class MemoryBenchmark {

    static final int SERVERS = 10;
    static final int PER_SERVER = 10_000;
    static final int SESSIONS = SERVERS * PER_SERVER;
    static final double TARGET_BYTES = 400;

    private MemoryBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        new BenchArgs(argv);
        List<List<Level502Sample.Entry>> answers = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        for (int s = 0; s < SERVERS; s++) {
            answers.add(Level502Sample.entries(PER_SERVER, s + 1));
            servers.add("FS-%02d.corp.example".formatted(s + 1));
        }

        Heap.Retained<List<List<Session>>> unshared = Heap.retainedBy(() -> build(answers, servers, false));
        double unsharedPer = perSession(unshared);
        unshared = null;
        Heap.Retained<List<List<Session>>> shared = Heap.retainedBy(() -> build(answers, servers, true));
        double sharedPer = perSession(shared);
        shared = null;
        List<Memory> buffers = new ArrayList<>();
        for (List<Level502Sample.Entry> answer : answers) {
            buffers.add(SessionBuffer.build(InfoLevel.LEVEL_502, answer.stream().map(e -> new SessionBuffer.Entry(
                    e.cname(), e.username(), e.numOpens(), e.time(), e.idleTime(), e.userFlags(), e.cltypeName(),
                    e.transport())).toList()));
        }
        Heap.Retained<List<List<Session>>> decoded = Heap.retainedBy(() -> decode(buffers, servers));
        double decodedPer = perSession(decoded);
        decoded = null;
        buffers.clear();
        List<byte[]> stubs = new ArrayList<>();
        for (List<Level502Sample.Entry> answer : answers) {
            stubs.add(NdrStubWriter.level502(answer, 0).bytes());
        }
        Heap.Retained<List<List<Session>>> decodedNdr = Heap.retainedBy(() -> decodeNdr(stubs, servers));
        double decodedNdrPer = perSession(decodedNdr);
        decodedNdr = null;
        List<byte[]> rowStubs = stubs;
        Heap.Retained<Table> table = Heap.retainedBy(() -> tableOf(decodeNdr(rowStubs, servers)));
        int rowCount = table.value().sessions().visibleRows().size();
        if (rowCount != SESSIONS) {
            throw new IllegalStateException("Expected " + SESSIONS + " rows, the table model has " + rowCount);
        }
        double rowPer = (double) table.bytes() / rowCount;
        FigureOutput.progress("bytes per session: JNA-decoded %.0f, NDR-decoded %.0f, shared %.0f, unshared %.0f,"
                + " with table row %.0f", decodedPer, decodedNdrPer, sharedPer, unsharedPer, rowPer);

        String how = "100,000 level-502 sessions (10 servers x 10,000) held in per-server lists as the poller holds"
                + " them; retained heap by difference of used heap after repeated full GCs (serial GC, own JVM, "
                + "compressed oops, " + System.getProperty("java.vm.name") + " " + Runtime.version() + ")";
        FigureOutput.emit(Figure.lowerIsBetter("memory.session_as_decoded", decodedPer, "bytes/session",
                unsharedPer, "the same sessions with every string its own copy", "<= 400 bytes/session",
                decodedPer <= TARGET_BYTES, how + "; as the JNA decoder builds them from netapi32-style buffers"));
        FigureOutput.emit(Figure.lowerIsBetter("memory.session_as_decoded_ndr", decodedNdrPer, "bytes/session",
                unsharedPer, "the same sessions with every string its own copy", "<= 400 bytes/session",
                decodedNdrPer <= TARGET_BYTES, how + "; as the srvsvc NDR decoder builds them from response stubs"));
        FigureOutput.emit(Figure.lowerIsBetter("memory.session_with_table_row", rowPer, "bytes/session",
                unsharedPer, "a bare session with every string its own copy", "<= 400 bytes/session",
                rowPer <= TARGET_BYTES, "the same 100,000 NDR-decoded sessions tracked and shown as the window"
                        + " holds them: the session tracker (a TrackedSession per session) and the sessions view"
                        + " model (its tracker-thread copy of each row's values and the visible order, a SessionRow"
                        + " per session, the visible list; sorted by server and user); no JavaFX toolkit, no"
                        + " controls"));
        double demoPer = demoFleetBytesPerSession();
        FigureOutput.progress("bytes per session of the demo fleet: %.0f", demoPer);
        FigureOutput.emit(Figure.lowerIsBetter("memory.session_demo_fleet", demoPer, "bytes/session",
                unsharedPer, "a bare session with every string its own copy", "<= 400 bytes/session",
                demoPer <= TARGET_BYTES, "at least 100,000 sessions of the built-in demo fleet, polled every 15 s of"
                        + " its clock and every answer kept, as the poller holds them; retained heap by difference"
                        + " of used heap after repeated full GCs (was a unit test, moved here: it is a measurement)"));
        FigureOutput.emit(Figure.lowerIsBetter("memory.session_shared_strings", sharedPer, "bytes/session",
                unsharedPer, "the same sessions with every string its own copy", "<= 400 bytes/session",
                sharedPer <= TARGET_BYTES, how + "; server, client type and transport one instance per value"));
    }

    /** The demo fleet shares its strings too; the window shows it whenever no server is configured. */
    private static double demoFleetBytesPerSession() {
        org.sessionwatch.netapi.demo.MutableClock clock = new org.sessionwatch.netapi.demo.MutableClock(
                java.time.Instant.parse("2026-11-24T08:00:00Z"), java.time.ZoneOffset.UTC);
        org.sessionwatch.netapi.demo.DemoFleet fleet = org.sessionwatch.netapi.demo.DemoFleet.withoutLatency(
                org.sessionwatch.netapi.demo.DemoFleet.DEFAULT_SEED, clock);
        Heap.Retained<List<List<Session>>> kept = Heap.retainedBy(() -> {
            List<List<Session>> answers = new ArrayList<>();
            long count = 0;
            while (count < SESSIONS) {
                for (org.sessionwatch.config.ServerConfig server : fleet.servers()) {
                    if (fleet.enumerate(org.sessionwatch.netapi.EnumerationRequest.of(server.name()))
                            instanceof org.sessionwatch.netapi.EnumerationResult.Success ok) {
                        answers.add(ok.sessions());
                        count += ok.sessions().size();
                    }
                }
                clock.advance(java.time.Duration.ofSeconds(15));
            }
            return answers;
        });
        return (double) kept.bytes() / kept.value().stream().mapToLong(List::size).sum();
    }

    private static double perSession(Heap.Retained<List<List<Session>>> retained) {
        long count = retained.value().stream().mapToLong(List::size).sum();
        if (count != SESSIONS) {
            throw new IllegalStateException("Expected " + SESSIONS + " sessions, built " + count);
        }
        return (double) retained.bytes() / count;
    }

    private static List<List<Session>> decode(List<Memory> buffers, List<String> servers) {
        List<List<Session>> model = new ArrayList<>();
        for (int s = 0; s < buffers.size(); s++) {
            try {
                Memory buffer = buffers.get(s);
                model.add(List.copyOf(SessionInfoDecoder.decode(buffer, PER_SERVER, buffer.size(), servers.get(s),
                        InfoLevel.LEVEL_502)));
            } catch (NetApiException e) {
                throw new IllegalStateException(e);
            }
        }
        return model;
    }

    private static List<List<Session>> decodeNdr(List<byte[]> stubs, List<String> servers) {
        List<List<Session>> model = new ArrayList<>();
        for (int s = 0; s < stubs.size(); s++) {
            try {
                model.add(org.sessionwatch.netapi.srvsvc.SessionInfoDecoder.decode(stubs.get(s), InfoLevel.LEVEL_502,
                        servers.get(s)).entries());
            } catch (org.sessionwatch.netapi.srvsvc.NdrFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        return model;
    }

    /** The session tracker and the table's view model, holding one poll cycle as the window does. */
    private record Table(SessionTracker tracker, SessionsViewModel sessions) {
    }

    /** The window's tracker and table view model holding {@code model} as one poll cycle, as the table shows it. */
    private static Table tableOf(List<List<Session>> model) {
        Instant now = Instant.now();
        List<ServerPollResult> results = new ArrayList<>();
        for (List<Session> sessions : model) {
            String server = sessions.getFirst().server();
            results.add(new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, sessions,
                    Duration.ofMillis(50), now));
        }
        SessionTracker tracker = new SessionTracker();
        SessionsViewModel view = new SessionsViewModel(new FilterModel(), new SimpleObjectProperty<>(),
                new HostNameResolver(Runnable::run, ip -> java.util.Optional.empty()), TaskExecutor.currentThread(),
                Runnable::run);
        tracker.subscribe(view::trackerUpdated);
        view.sortBy(Comparator.comparing(RowValues::server, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(RowValues::user, String.CASE_INSENSITIVE_ORDER), true);
        tracker.completeCycle(new PollCycle(now, results));
        return new Table(tracker, view);
    }

    private static List<List<Session>> build(List<List<Level502Sample.Entry>> answers, List<String> servers,
                                             boolean share) {
        Map<String, String> canonical = new HashMap<>();
        List<List<Session>> model = new ArrayList<>();
        for (int s = 0; s < answers.size(); s++) {
            List<Session> sessions = new ArrayList<>(PER_SERVER);
            for (Level502Sample.Entry e : answers.get(s)) {
                String server = servers.get(s);
                String type = e.cltypeName();
                String transport = e.transport();
                if (share) {
                    server = canonical.computeIfAbsent(server, k -> k);
                    type = canonical.computeIfAbsent(type, k -> k);
                    transport = canonical.computeIfAbsent(transport, k -> k);
                } else {
                    server = copy(server);
                    type = copy(type);
                    transport = copy(transport);
                }
                sessions.add(Session.builder(server, InfoLevel.LEVEL_502)
                        .clientName(copy(e.cname())).userName(copy(e.username()))
                        .openCount(e.numOpens()).activeSeconds(e.time()).idleSeconds(e.idleTime())
                        .userFlags(e.userFlags()).clientType(type).transport(transport).build());
            }
            model.add(List.copyOf(sessions));
        }
        return model;
    }

    /** A distinct String instance with its own character array. */
    private static String copy(String value) {
        return new String(value.toCharArray());
    }
}
