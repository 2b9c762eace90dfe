package org.sessionwatch.netapi.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.FileApiStatus;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
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
 * and go and their idle times and open files change as the {@link Clock} advances; every open file has a stable id,
 * path, permissions and locks, and closing a file or ending a session changes what the next poll sees. The same
 * seed, clock readings and actions give the same answers, so tests drive it with a fake clock.
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
     * One server of the fleet as a {@link FileServer}: it lists sessions as {@link #enumerate} does, open files as
     * {@link #openFiles} does, and closes files and ends sessions in the simulation. Closing it leaves the fleet
     * (shared by all its servers) untouched. A name the fleet does not know answers like a server that cannot be
     * found.
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

    /**
     * The open files of the simulated server {@code request} names: every session's files with stable ids, plausible
     * paths, permissions and locks. Windows servers answer levels 2 and 3; the Samba NAS only 3, ignoring the base
     * path, as Samba does.
     */
    public OpenFilesResult openFiles(OpenFilesRequest request) {
        String server = request.server();
        Entry entry = byKey.get(key(server));
        long refusal = entry == null ? NetApiStatus.ERROR_BAD_NETPATH : gate(entry);
        if (refusal == 0 && entry.behaviour() == Behaviour.SAMBA && request.level() != FileInfoLevel.LEVEL_3) {
            refusal = NetApiStatus.ERROR_INVALID_LEVEL;
        }
        if (refusal != 0) {
            return new OpenFilesResult.Failure(server, request.level(), FileApiStatus.listError(refusal, server));
        }
        return new OpenFilesResult.Success(server, request.level(), entry.simulation().openFilesAt(request, now()));
    }

    /** Closes file {@code fileId} in the simulation of {@code server}. */
    public ActionResult closeFile(String server, long fileId) {
        Entry entry = byKey.get(key(server));
        long status = entry == null ? NetApiStatus.ERROR_BAD_NETPATH : gate(entry);
        if (status == 0 && !entry.simulation().closeFile(fileId, now())) {
            status = entry.behaviour() == Behaviour.SAMBA ? FileApiStatus.ERROR_FILE_NOT_FOUND
                    : FileApiStatus.NERR_FILE_ID_NOT_FOUND;
        }
        return FileApiStatus.closeResult(status, server, fileId);
    }

    /** Ends the sessions of {@code user} from {@code client} (either may be null) in the simulation of {@code server}. */
    public ActionResult endSession(String server, String client, String user) {
        Entry entry = byKey.get(key(server));
        long status = entry == null ? NetApiStatus.ERROR_BAD_NETPATH : gate(entry);
        String plainClient = client == null ? null : ClientNames.strip(client);
        if (status == 0 && !entry.simulation().endSessions(plainClient, user, now())) {
            status = plainClient != null ? NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND : NetApiStatus.NERR_USER_NOT_FOUND;
        }
        return FileApiStatus.endSessionResult(status, server, plainClient, user);
    }

    /**
     * What a server of this behaviour answers before it looks at a file request: 0 to go ahead (after the slow
     * server's delay), or the status it refuses with.
     */
    private long gate(Entry entry) {
        return switch (entry.behaviour()) {
            case UNREACHABLE -> NetApiStatus.ERROR_BAD_NETPATH;
            case ACCESS_DENIED -> NetApiStatus.ERROR_ACCESS_DENIED;
            case SLOW -> {
                try {
                    latency.pause(slowAnswerTime());
                    yield 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield NetApiStatus.ERROR_TIMEOUT;
                }
            }
            case WINDOWS, SAMBA -> 0;
        };
    }

    private long now() {
        return Math.floorDiv(clock.millis(), 1000);
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
