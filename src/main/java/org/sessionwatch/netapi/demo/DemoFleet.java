package org.sessionwatch.netapi.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.UserFlags;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * A simulated estate of file servers, for trying SessionWatch without one and for tests of everything above the
 * backends.
 *
 * <p>Four healthy Windows servers with 20 to 300 sessions each, a Samba NAS that answers only levels 0 and 1, one
 * server that denies access, one that cannot be reached and one that takes 1.5 to 3 seconds to answer. Sessions come
 * and go and their idle times and open-file counts change as the {@link Clock} advances; the same seed and the same
 * clock readings give the same answers, so tests drive it with a fake clock.
 *
 * <p>It answers like a real server at exactly the requested level ({@link org.sessionwatch.netapi.LevelNegotiator}
 * does the fallback), filters by client and user as {@code NetSessionEnum} does, and ignores
 * {@code preferredMaxLength}: it has no pages. Each simulated server is handed out as a {@link FileServer} by
 * {@link #server}. Safe for concurrent use.
 */
public final class DemoFleet {

    /** The seed of the fleet the GUI and CLI show. */
    public static final long DEFAULT_SEED = 20_261_124L;

    static final String HQ_01 = "FS-HQ-01";
    static final String HQ_02 = "FS-HQ-02";
    static final String LYON = "FS-BRANCH-LYON";
    static final String ENG = "FS-ENG";
    static final String NAS = "NAS-SAMBA";
    static final String FINANCE = "FS-FINANCE";
    static final String OSLO = "FS-BRANCH-OSLO";
    static final String ARCHIVE = "FS-ARCHIVE";

    static final Duration SLOW_MIN = Duration.ofMillis(1500);
    static final Duration SLOW_MAX = Duration.ofMillis(3000);

    /** Waits the simulated latency; replaceable so tests of the slow server need not wait. */
    @FunctionalInterface
    interface Latency {
        void pause(Duration duration) throws InterruptedException;
    }

    private enum Behaviour { WINDOWS, SAMBA, ACCESS_DENIED, UNREACHABLE, SLOW }

    private record Entry(ServerConfig config, Behaviour behaviour, DemoServer simulation) {
    }

    private final Clock clock;
    private final Latency latency;
    private final Random latencyRandom;
    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final List<ServerConfig> servers;

    /** The default fleet on the system clock. */
    public DemoFleet() {
        this(DEFAULT_SEED, Clock.systemUTC());
    }

    /**
     * @param seed  selects the people, sessions and their changes; equal seeds and clock readings give equal answers
     * @param clock drives session churn, idle and active times
     */
    public DemoFleet(long seed, Clock clock) {
        this(seed, clock, duration -> Thread.sleep(duration));
    }

    /** A fleet whose slow server answers at once, for tests that must not wait seconds. */
    public static DemoFleet withoutLatency(long seed, Clock clock) {
        return new DemoFleet(seed, clock, duration -> {
        });
    }

    DemoFleet(long seed, Clock clock, Latency latency) {
        this.clock = clock;
        this.latency = latency;
        this.latencyRandom = new Random(seed * 31 + 7);
        DemoDirectory directory = new DemoDirectory(new Random(seed));
        long now = Math.floorDiv(clock.millis(), 1000);
        List<DemoDirectory.Workstation> machines = directory.serverClients();
        DemoDirectory.Workstation backup = machines.get(0);
        DemoDirectory.Workstation sccm = machines.get(1);
        DemoDirectory.Workstation build = machines.get(2);

        add(HQ_01, Behaviour.WINDOWS, 280, DemoServer.ClientStyle.OFFICE, List.of(
                fixed("svc-backup", backup.ipv4(), backup.clientType(), DemoDirectory.TRANSPORT_NETBIOS_SMB, 118, 0,
                        6 * 86_400),
                fixed(backup.computerAccount(), backup.ipv4(), backup.clientType(),
                        DemoDirectory.TRANSPORT_NETBIOS_SMB, 2, 0, 86_400),
                // A scan-to-folder printer on a null session: no user name at all.
                fixed(null, "10.10.99.20", DemoDirectory.CLIENT_UNIX, DemoDirectory.TRANSPORT_NETBT_LAN, 1,
                        UserFlags.NOENCRYPTION, 3 * 86_400)), directory, seed, now);
        add(HQ_02, Behaviour.WINDOWS, 170, DemoServer.ClientStyle.OFFICE, List.of(
                fixed(sccm.computerAccount(), sccm.ipv6(), sccm.clientType(), DemoDirectory.TRANSPORT_NETBT_LAN, 4,
                        0, 12 * 3600)), directory, seed, now);
        add(LYON, Behaviour.WINDOWS, 45, DemoServer.ClientStyle.BRANCH, List.of(
                fixed("Guest", "10.40.7.88", DemoDirectory.CLIENT_MACOS, DemoDirectory.TRANSPORT_NETBT_VPN, 3,
                        UserFlags.GUEST, 2 * 3600)), directory, seed, now);
        add(ENG, Behaviour.WINDOWS, 120, DemoServer.ClientStyle.ENGINEERING, List.of(
                fixed(build.computerAccount(), build.hostName(), build.clientType(),
                        DemoDirectory.TRANSPORT_NETBIOS_SMB, 37, 0, 20 * 86_400),
                // Anonymous again, this time as an empty user name rather than a NULL pointer.
                fixed("", "2001:db8:30::99", DemoDirectory.CLIENT_UNIX, DemoDirectory.TRANSPORT_QUIC, 0, 0, 600)),
                directory, seed, now);
        add(NAS, Behaviour.SAMBA, 30, DemoServer.ClientStyle.NAS, List.of(), directory, seed, now);
        add(FINANCE, Behaviour.ACCESS_DENIED, 60, DemoServer.ClientStyle.OFFICE, List.of(), directory, seed, now);
        add(OSLO, Behaviour.UNREACHABLE, 25, DemoServer.ClientStyle.BRANCH, List.of(), directory, seed, now);
        add(ARCHIVE, Behaviour.SLOW, 22, DemoServer.ClientStyle.OFFICE, List.of(
                fixed("svc-backup", backup.ipv4(), backup.clientType(), DemoDirectory.TRANSPORT_NETBIOS_SMB, 240, 0,
                        6 * 86_400)), directory, seed, now);
        this.servers = byKey.values().stream().map(Entry::config).toList();
    }

    private void add(String name, Behaviour behaviour, int target, DemoServer.ClientStyle style,
                     List<DemoServer.FixedSession> fixed, DemoDirectory directory, long seed, long now) {
        DemoServer simulation = new DemoServer(name, target, style, fixed, directory, seed, now);
        byKey.put(key(name), new Entry(ServerConfig.of(name, Backend.DEMO), behaviour, simulation));
    }

    private static DemoServer.FixedSession fixed(String user, String client, String clientType, String transport,
                                                 int opens, int flags, long ageSeconds) {
        return new DemoServer.FixedSession(user, client, clientType, transport, opens, flags, ageSeconds);
    }

    /** The simulated servers, all enabled with the {@link Backend#DEMO} backend, in display order. */
    public List<ServerConfig> servers() {
        return servers;
    }

    /**
     * One server of the fleet as a {@link FileServer}: it lists sessions as {@link #enumerate} does and says that
     * open files and actions are not part of the demo yet. Closing it leaves the fleet (shared by all its servers)
     * untouched. A name the fleet does not know answers like a server that cannot be found.
     */
    public FileServer server(String name) {
        return new DemoFileServer(name, this);
    }

    /** Answers {@code request} for the simulated server it names, at exactly the requested level. */
    public EnumerationResult enumerate(EnumerationRequest request) {
        String server = request.server();
        InfoLevel level = request.level();
        Entry entry = byKey.get(key(server));
        if (entry == null) {
            return failure(request, NetApiStatus.toError(NetApiStatus.ERROR_BAD_NETPATH, server));
        }
        switch (entry.behaviour()) {
            case UNREACHABLE -> {
                return failure(request, NetApiStatus.toError(NetApiStatus.ERROR_BAD_NETPATH, server));
            }
            case ACCESS_DENIED -> {
                return failure(request, NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, server));
            }
            case SAMBA -> {
                // Samba implements only SESSION_INFO_0 and SESSION_INFO_1.
                if (level != InfoLevel.LEVEL_0 && level != InfoLevel.LEVEL_1) {
                    return failure(request, NetApiStatus.toError(NetApiStatus.ERROR_INVALID_LEVEL, server));
                }
            }
            case SLOW -> {
                try {
                    latency.pause(slowAnswerTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failure(request, NetApiStatus.timeout(server, 0));
                }
            }
            case WINDOWS -> {
                // answers every level
            }
        }
        long now = Math.floorDiv(clock.millis(), 1000);
        return new EnumerationResult.Success(server, level, entry.simulation().sessionsAt(request, now));
    }

    private Duration slowAnswerTime() {
        long spread;
        synchronized (latencyRandom) {
            spread = (long) (latencyRandom.nextDouble() * SLOW_MAX.minus(SLOW_MIN).toMillis());
        }
        return SLOW_MIN.plusMillis(spread);
    }

    private static EnumerationResult failure(EnumerationRequest request, NetApiError error) {
        return new EnumerationResult.Failure(request.server(), request.level(), error);
    }

    private static String key(String server) {
        return ClientNames.strip(server.trim()).toUpperCase(Locale.ROOT);
    }
}
