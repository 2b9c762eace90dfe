package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sessionwatch.bench.BenchArgs;
import org.sessionwatch.bench.Figure;
import org.sessionwatch.bench.FigureOutput;
import org.sessionwatch.bench.Stats;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * Figure 5: end to end against the real Samba the tests use ({@link SambaServer}, on loopback): N client sessions
 * (each its own SMB connection from its own 127.0.0.x address, holding one open file), then the time of one
 * {@code NetrSessionEnum} poll on one kept connection ({@link SrvsvcFileServer} across polls, as the poller
 * uses it), against a fresh enumerator per poll (TCP connect, SMB negotiate, NTLM logon, IPC$ tree, pipe open and
 * bind, the call, logoff).
 *
 * <p>Samba answers NetSessEnum only at levels 0 and 1 (admins only), so the polls ask for level 1 directly.
 */
public final class SambaPollBenchmark {

    private static final SambaAccounts.TestAccount ADMIN =
            new SambaAccounts.TestAccount("swtest_admin", "Adm1n-pw!", true);
    private static final SambaAccounts.TestAccount USER =
            new SambaAccounts.TestAccount("swtest_user", "Us3r-pw!", false);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private SambaPollBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs(argv);
        int clients = args.intValue("clients", 50);
        int keptPolls = args.intValue("keptPolls", 30);
        int freshPolls = args.intValue("freshPolls", 10);

        SambaServer samba = new SambaServer(ADMIN, USER);
        long startNanos = System.nanoTime();
        samba.beforeAll(null);
        List<SmbTestClient> connected = new ArrayList<>();
        try {
            FigureOutput.progress("samba up in %.1f s on port %d; connecting %d clients",
                    (System.nanoTime() - startNanos) / 1e9, samba.port(), clients);
            for (int i = 0; i < clients; i++) {
                String source = "127.0.%d.%d".formatted(1 + i / 250, 2 + i % 250);
                connected.add(SmbTestClient.connect(source, "127.0.0.1", samba.port(), USER.name(),
                        USER.password(), 1));
            }
            ServerConfig server = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, samba.port(), ADMIN.name(),
                    null, true);
            InMemoryCredentialStore store = new InMemoryCredentialStore();
            store.store(server.credentialKey().orElseThrow(), ADMIN.password().toCharArray());
            EnumerationRequest request = EnumerationRequest.of("127.0.0.1").withLevel(InfoLevel.LEVEL_1);

            List<Double> kept = new ArrayList<>();
            int listed;
            try (SrvsvcFileServer enumerator = new SrvsvcFileServer(server, store, DEADLINE)) {
                listed = count(enumerator.listSessions(request)); // connects; not timed
                for (int i = 0; i < 3; i++) {
                    count(enumerator.listSessions(request)); // warm-up
                }
                for (int i = 0; i < keptPolls; i++) {
                    long t0 = System.nanoTime();
                    listed = count(enumerator.listSessions(request));
                    kept.add((System.nanoTime() - t0) / 1e6);
                }
            }
            List<Double> fresh = new ArrayList<>();
            for (int i = 0; i < freshPolls; i++) {
                long t0 = System.nanoTime();
                try (SrvsvcFileServer enumerator = new SrvsvcFileServer(server, store, DEADLINE)) {
                    count(enumerator.listSessions(request));
                }
                fresh.add((System.nanoTime() - t0) / 1e6);
            }
            if (listed < clients) {
                throw new IllegalStateException("Samba listed " + listed + " sessions, expected at least " + clients);
            }
            Stats keptStats = Stats.of(kept);
            Stats freshStats = Stats.of(fresh);
            FigureOutput.progress("samba polls of %d sessions: kept %s ms, fresh %s ms", listed, keptStats,
                    freshStats);
            FigureOutput.emit(Figure.lowerIsBetter("e2e.samba_poll_kept_connection", keptStats.median(), "ms",
                    freshStats.median(), "a fresh connection and logon per poll (median of " + freshPolls + ")",
                    null, null, String.format(Locale.ROOT, "median of %d level-1 NetrSessionEnum polls listing %d"
                                    + " sessions (%d test clients + the poller's own) on one kept SMB connection to"
                                    + " Samba on loopback; kept %s ms, fresh %s ms", keptPolls, listed, clients,
                            keptStats, freshStats)));
            FigureOutput.emit(Figure.higherIsBetter("e2e.samba_sessions_per_second_kept",
                    listed / (keptStats.median() / 1000), "sessions/s", listed / (freshStats.median() / 1000),
                    "same with a fresh connection per poll", null, null,
                    "sessions listed per second of poll time, from the medians above"));
        } finally {
            for (SmbTestClient client : connected) {
                try {
                    client.close();
                } catch (RuntimeException e) {
                    FigureOutput.progress("closing a test client failed: %s", e);
                }
            }
            samba.afterAll(null);
        }
    }

    private static int count(EnumerationResult result) throws IOException {
        if (result instanceof EnumerationResult.Success ok) {
            return ok.sessions().size();
        }
        throw new IOException("Samba poll failed: " + ((EnumerationResult.Failure) result).error().describe());
    }
}
