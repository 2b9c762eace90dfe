package org.sessionwatch.netapi.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;
import org.sessionwatch.netapi.UserFlags;

/**
 * The session table of one simulated server, advanced in fixed ticks of simulated time.
 *
 * <p>The state after tick {@code k} depends only on the seed and {@code k}: every tick is simulated exactly once, in
 * order, with this server's own random sequence, however often or rarely the server is asked. That keeps the demo
 * deterministic under a fake clock and independent of how the poller interleaves servers.
 */
final class DemoServer {

    static final long TICK_SECONDS = 5;
    /** A session ends in a given tick with this probability: a mean session life of about 40 minutes. */
    private static final double LEAVE_PER_TICK = TICK_SECONDS / 2400.0;
    /** After a long pause (a laptop asleep) simulating every missed tick is pointless; jump ahead instead. */
    private static final long MAX_CATCH_UP_TICKS = 2 * 3600 / TICK_SECONDS;
    private static final int MAX_OPEN_FILES = 60;

    /** How a server names its clients and which transports they arrive on. */
    enum ClientStyle {
        /** Head office: IPv4 on the LAN transports, some IPv6. */
        OFFICE,
        /** Branch over VPN: IPv4 only, on the VPN adapter's NetBT transport. */
        BRANCH,
        /** Engineering: IPv6 and DNS names, a few clients over SMB over QUIC. */
        ENGINEERING,
        /** A Samba NAS: DNS names; level 1 carries no transport anyway, and Samba always reports idle time 0. */
        NAS
    }

    /** A session whose values are fixed by the scenario rather than drawn at random (and that never ends). */
    record FixedSession(String user, String client, String clientType, String transport, int openCount,
                        int userFlags, long ageSeconds) {
    }

    /** One session as the simulation tracks it; numbers mutate, strings are shared. */
    private static final class Simulated {
        final String user;
        final String client;
        final String clientType;
        final String transport;
        final long startedAt;
        final boolean permanent;
        final double activity;
        long lastActivity;
        /** The ids of this session's open files, oldest first; the session's open count is their number. */
        final List<Long> files = new ArrayList<>();
        int userFlags;

        Simulated(String user, String client, String clientType, String transport, long startedAt, boolean permanent,
                  double activity) {
            this.user = user;
            this.client = client;
            this.clientType = clientType;
            this.transport = transport;
            this.startedAt = startedAt;
            this.permanent = permanent;
            this.activity = activity;
            this.lastActivity = startedAt;
        }
    }

    private final String name;
    private final int targetSessions;
    private final ClientStyle style;
    private final DemoDirectory directory;
    private final Random random;
    private final List<Simulated> sessions = new ArrayList<>();
    private final Set<String> connectedUsers = new HashSet<>();
    private long nextFileId;
    private long tick;

    DemoServer(String name, int targetSessions, ClientStyle style, List<FixedSession> fixed, DemoDirectory directory,
               long seed, long startSecond) {
        this.name = name;
        this.targetSessions = targetSessions;
        this.style = style;
        this.directory = directory;
        this.random = new Random(seed ^ name.toUpperCase(Locale.ROOT).hashCode() * 0x9E3779B97F4A7C15L);
        this.tick = Math.floorDiv(startSecond, TICK_SECONDS);
        this.nextFileId = DemoFiles.firstId(style == ClientStyle.NAS);
        for (FixedSession f : fixed) {
            Simulated s = new Simulated(f.user(), f.client(), f.clientType(), f.transport(), startSecond - f.ageSeconds(),
                    true, 0.2);
            setOpenCount(s, f.openCount());
            s.userFlags = f.userFlags();
            s.lastActivity = startSecond - random.nextInt(120);
            sessions.add(s);
        }
        for (int i = 0; i < targetSessions; i++) {
            // The initial population has been connected for up to a working day already.
            long age = (long) random.nextInt(9 * 3600);
            Simulated s = arrive(startSecond - age);
            if (s != null) {
                s.lastActivity = startSecond - Math.min(age, (long) random.nextInt(3 * 3600));
            }
        }
    }

    String name() {
        return name;
    }

    /** The sessions at {@code nowSecond} (epoch seconds), at the request's level and filters. */
    synchronized List<Session> sessionsAt(EnumerationRequest request, long nowSecond) {
        advanceTo(Math.floorDiv(nowSecond, TICK_SECONDS));
        InfoLevel level = request.level();
        List<Session> result = new ArrayList<>(sessions.size());
        for (Simulated s : sessions) {
            if (matches(request, s)) {
                result.add(render(request.server(), level, s, nowSecond, style == ClientStyle.NAS));
            }
        }
        return result;
    }

    /**
     * The open files at {@code nowSecond} at the request's level, filtered by user and, except on the Samba NAS
     * (Samba ignores it), by base path.
     */
    synchronized List<OpenFile> openFilesAt(OpenFilesRequest request, long nowSecond) {
        advanceTo(Math.floorDiv(nowSecond, TICK_SECONDS));
        boolean samba = style == ClientStyle.NAS;
        List<OpenFile> result = new ArrayList<>();
        for (Simulated s : sessions) {
            if (request.user().map(u -> !u.equalsIgnoreCase(s.user)).orElse(false)) {
                continue;
            }
            for (long id : s.files) {
                OpenFile full = DemoFiles.render(request.server(), id, s.user, samba);
                boolean underBase = samba || request.basePath()
                        .map(base -> full.path().toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT)))
                        .orElse(true);
                if (underBase) {
                    result.add(request.level() == FileInfoLevel.LEVEL_2 ? OpenFile.idOnly(request.server(), id) : full);
                }
            }
        }
        return result;
    }

    /** Closes file {@code id}; false when no session holds it (any more). */
    synchronized boolean closeFile(long id, long nowSecond) {
        advanceTo(Math.floorDiv(nowSecond, TICK_SECONDS));
        for (Simulated s : sessions) {
            if (s.files.remove(id)) {
                return true;
            }
        }
        return false;
    }

    /** Ends the sessions of {@code user} from {@code client} (either may be null), with their files. */
    synchronized boolean endSessions(String client, String user, long nowSecond) {
        advanceTo(Math.floorDiv(nowSecond, TICK_SECONDS));
        boolean ended = false;
        for (Iterator<Simulated> it = sessions.iterator(); it.hasNext(); ) {
            Simulated s = it.next();
            if ((client == null || client.equalsIgnoreCase(s.client)) && (user == null || user.equalsIgnoreCase(s.user))) {
                it.remove();
                connectedUsers.remove(s.user);
                ended = true;
            }
        }
        return ended;
    }

    /** Opens files with fresh ids or closes the newest, until the session holds {@code count}. */
    private void setOpenCount(Simulated s, int count) {
        while (s.files.size() < count) {
            s.files.add(nextFileId++);
        }
        while (s.files.size() > count) {
            s.files.removeLast();
        }
    }

    private static boolean matches(EnumerationRequest request, Simulated s) {
        return request.client().map(c -> c.equalsIgnoreCase(s.client)).orElse(true)
                && request.user().map(u -> u.equalsIgnoreCase(s.user)).orElse(true);
    }

    /** Builds the row a real server would return at {@code level}: only the fields that level carries. */
    private static Session render(String server, InfoLevel level, Simulated s, long nowSecond, boolean idleUnknown) {
        Session.Builder b = Session.builder(server, level).clientName(s.client);
        if (level.carries(SessionField.USER_NAME)) {
            b.userName(s.user);
        }
        if (level.carries(SessionField.OPEN_COUNT)) {
            b.openCount(s.files.size());
        }
        if (level.carries(SessionField.ACTIVE_TIME)) {
            b.activeSeconds(Math.max(0, nowSecond - s.startedAt));
        }
        if (level.carries(SessionField.IDLE_TIME)) {
            b.idleSeconds(idleUnknown ? 0 : Math.max(0, nowSecond - Math.max(s.lastActivity, s.startedAt)));
        }
        if (level.carries(SessionField.USER_FLAGS)) {
            b.userFlags(s.userFlags);
        }
        if (level.carries(SessionField.CLIENT_TYPE)) {
            b.clientType(s.clientType);
        }
        if (level.carries(SessionField.TRANSPORT)) {
            b.transport(s.transport);
        }
        return b.build();
    }

    private void advanceTo(long targetTick) {
        if (targetTick - tick > MAX_CATCH_UP_TICKS) {
            tick = targetTick - MAX_CATCH_UP_TICKS;
        }
        while (tick < targetTick) {
            tick++;
            step(tick * TICK_SECONDS);
        }
    }

    private void step(long tickStart) {
        for (Iterator<Simulated> it = sessions.iterator(); it.hasNext(); ) {
            Simulated s = it.next();
            if (!s.permanent && random.nextDouble() < LEAVE_PER_TICK) {
                it.remove();
                connectedUsers.remove(s.user);
            } else if (random.nextDouble() < s.activity) {
                s.lastActivity = tickStart + random.nextInt((int) TICK_SECONDS);
                int count = s.files.size();
                setOpenCount(s, Math.clamp(count + random.nextInt(6) - 2, 0, Math.max(MAX_OPEN_FILES, count)));
            } else if (!s.files.isEmpty() && random.nextDouble() < 0.01) {
                setOpenCount(s, s.files.size() - 1);
            }
        }
        // Arrivals balance departures, so the population hovers around the target.
        for (int i = 0; i < targetSessions; i++) {
            if (random.nextDouble() < LEAVE_PER_TICK) {
                arrive(tickStart - random.nextInt((int) TICK_SECONDS)); // never in the future of a poll
            }
        }
    }

    /** Adds a session of someone not yet connected here; null when a few draws found only connected people. */
    private Simulated arrive(long startedAt) {
        List<DemoDirectory.Person> people = directory.people();
        for (int attempt = 0; attempt < 8; attempt++) {
            DemoDirectory.Person person = people.get(random.nextInt(people.size()));
            DemoDirectory.Workstation ws = person.workstation();
            // Now and then the machine itself connects (group policy, software deployment) as its NAME$ account.
            String user = random.nextInt(40) == 0 ? ws.computerAccount() : person.account();
            if (connectedUsers.contains(user)) {
                continue;
            }
            double activity = random.nextInt(4) == 0 ? 0.005 : 0.05 + random.nextDouble() * 0.25;
            Simulated s = new Simulated(user, clientName(ws), ws.clientType(), transport(), startedAt, false, activity);
            setOpenCount(s, user.endsWith("$") ? 0 : 1 + random.nextInt(8));
            // Old SMB clients without encryption show up now and then on the Unix side.
            s.userFlags = DemoDirectory.CLIENT_UNIX.equals(ws.clientType()) && random.nextInt(5) == 0
                    ? UserFlags.NOENCRYPTION : 0;
            sessions.add(s);
            connectedUsers.add(user);
            return s;
        }
        return null;
    }

    private String clientName(DemoDirectory.Workstation ws) {
        return switch (style) {
            case OFFICE -> random.nextInt(10) == 0 ? ws.ipv6() : ws.ipv4();
            case BRANCH -> ws.ipv4();
            case ENGINEERING -> {
                int roll = random.nextInt(3);
                yield roll == 0 ? ws.ipv6() : roll == 1 ? ws.hostName() : ws.ipv4();
            }
            case NAS -> ws.hostName();
        };
    }

    private String transport() {
        int roll = random.nextInt(100);
        return switch (style) {
            case OFFICE -> roll < 70 ? DemoDirectory.TRANSPORT_NETBIOS_SMB : DemoDirectory.TRANSPORT_NETBT_LAN;
            case BRANCH -> roll < 80 ? DemoDirectory.TRANSPORT_NETBT_VPN : DemoDirectory.TRANSPORT_NETBIOS_SMB;
            case ENGINEERING -> roll < 15 ? DemoDirectory.TRANSPORT_QUIC : DemoDirectory.TRANSPORT_NETBIOS_SMB;
            case NAS -> DemoDirectory.TRANSPORT_NETBIOS_SMB;
        };
    }
}
