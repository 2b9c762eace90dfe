package org.sessionwatch.netapi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

class DemoFleetTest {

    private static final Instant START = Instant.parse("2026-11-24T08:30:00Z");

    private final MutableClock clock = new MutableClock(START, ZoneOffset.UTC);
    private final DemoFleet fleet = DemoFleet.withoutLatency(42, clock);

    @Test
    void listsTheSimulatedServersWithTheDemoBackend() {
        List<ServerConfig> servers = fleet.servers();

        assertThat(servers).extracting(ServerConfig::name).containsExactly(DemoFleet.HQ_01, DemoFleet.HQ_02,
                DemoFleet.LYON, DemoFleet.ENG, DemoFleet.NAS, DemoFleet.FINANCE, DemoFleet.OSLO, DemoFleet.ARCHIVE);
        assertThat(servers).allSatisfy(s -> {
            assertThat(s.backend()).isEqualTo(Backend.DEMO);
            assertThat(s.enabled()).isTrue();
        });
    }

    @Test
    void sameSeedAndClockGiveTheSameAnswers() {
        DemoFleet twin = DemoFleet.withoutLatency(42, new MutableClock(START, ZoneOffset.UTC));
        DemoFleet other = DemoFleet.withoutLatency(43, new MutableClock(START, ZoneOffset.UTC));

        assertThat(sessions(twin, DemoFleet.HQ_01, InfoLevel.LEVEL_502))
                .isEqualTo(sessions(fleet, DemoFleet.HQ_01, InfoLevel.LEVEL_502))
                .isNotEqualTo(sessions(other, DemoFleet.HQ_01, InfoLevel.LEVEL_502));
    }

    @Test
    void stateAtATimeDoesNotDependOnHowOftenItWasAsked() {
        DemoFleet askedOften = DemoFleet.withoutLatency(42, clock);
        MutableClock rareClock = new MutableClock(START, ZoneOffset.UTC);
        DemoFleet askedOnce = DemoFleet.withoutLatency(42, rareClock);
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(15));
            sessions(askedOften, DemoFleet.ENG, InfoLevel.LEVEL_502);
        }
        rareClock.advance(Duration.ofSeconds(40 * 15));

        assertThat(sessions(askedOnce, DemoFleet.ENG, InfoLevel.LEVEL_502))
                .isEqualTo(sessions(askedOften, DemoFleet.ENG, InfoLevel.LEVEL_502));
    }

    @Test
    void healthyServersHavePlausibleSessionCounts() {
        for (String server : List.of(DemoFleet.HQ_01, DemoFleet.HQ_02, DemoFleet.LYON, DemoFleet.ENG,
                DemoFleet.ARCHIVE)) {
            assertThat(sessions(fleet, server, InfoLevel.LEVEL_502)).as(server).hasSizeBetween(20, 300);
        }
        assertThat(sessions(fleet, DemoFleet.NAS, InfoLevel.LEVEL_1)).hasSizeBetween(20, 300);
    }

    @Test
    void failingServersFailWithTheRightKind() {
        assertThat(failure(DemoFleet.FINANCE, InfoLevel.LEVEL_502).kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(failure(DemoFleet.FINANCE, InfoLevel.LEVEL_0).kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(failure(DemoFleet.OSLO, InfoLevel.LEVEL_502).kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(failure("FS-NOWHERE", InfoLevel.LEVEL_502).kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(failure(DemoFleet.NAS, InfoLevel.LEVEL_502).code()).isEqualTo(NetApiStatus.ERROR_INVALID_LEVEL);
        assertThat(failure(DemoFleet.NAS, InfoLevel.LEVEL_2).kind()).isEqualTo(ErrorKind.INVALID_LEVEL);
        assertThat(failure(DemoFleet.NAS, InfoLevel.LEVEL_10).kind()).isEqualTo(ErrorKind.INVALID_LEVEL);
        assertThat(sessions(fleet, DemoFleet.NAS, InfoLevel.LEVEL_0)).isNotEmpty();
        // like Samba, the NAS reports idle time 0
        assertThat(sessions(fleet, DemoFleet.NAS, InfoLevel.LEVEL_1))
                .allSatisfy(s -> assertThat(s.idleSeconds()).hasValue(0));
    }

    @Test
    void slowServerTakesBetweenOneAndAHalfAndThreeSeconds() {
        List<Duration> pauses = new ArrayList<>();
        DemoFleet recording = new DemoFleet(7, clock, pauses::add);

        for (int i = 0; i < 20; i++) {
            assertThat(recording.enumerate(EnumerationRequest.of(DemoFleet.ARCHIVE)))
                    .isInstanceOf(EnumerationResult.Success.class);
        }
        recording.enumerate(EnumerationRequest.of(DemoFleet.HQ_01));

        assertThat(pauses).hasSize(20).allSatisfy(d -> assertThat(d).isBetween(DemoFleet.SLOW_MIN, DemoFleet.SLOW_MAX));
        assertThat(new HashSet<>(pauses)).hasSizeGreaterThan(1);
    }

    @Test
    void answersServerNamesCaseInsensitivelyAndWithBackslashes() {
        EnumerationResult result = fleet.enumerate(EnumerationRequest.of("\\\\fs-hq-02"));

        assertThat(result).isInstanceOf(EnumerationResult.Success.class);
        assertThat(((EnumerationResult.Success) result).sessions())
                .allSatisfy(s -> assertThat(s.server()).isEqualTo("\\\\fs-hq-02"));
    }

    @Test
    void everyLevelCarriesExactlyItsFields() {
        for (InfoLevel level : InfoLevel.values()) {
            List<Session> sessions = sessions(fleet, DemoFleet.HQ_01, level);
            assertThat(sessions).as("level %s", level).isNotEmpty();
            for (Session session : sessions) {
                assertThat(session.level()).isEqualTo(level);
                for (SessionField field : SessionField.values()) {
                    if (!level.carries(field)) {
                        assertThat(session.isPresent(field)).as("%s at level %s", field, level).isFalse();
                    }
                }
                assertThat(session.clientName()).isPresent();
            }
            if (level == InfoLevel.LEVEL_502) {
                // every numeric field and the strings (except the anonymous user) are filled at 502
                assertThat(sessions).allSatisfy(s -> {
                    assertThat(s.openCount()).isPresent();
                    assertThat(s.activeSeconds()).isPresent();
                    assertThat(s.idleSeconds()).isPresent();
                    assertThat(s.userFlags()).isPresent();
                    assertThat(s.clientType()).isPresent();
                    assertThat(s.transport()).isPresent();
                });
            }
        }
    }

    @Test
    void sessionsLookLikeARealEstate() {
        List<Session> all = new ArrayList<>();
        for (ServerConfig server : fleet.servers()) {
            EnumerationResult result = fleet.enumerate(EnumerationRequest.of(server.name()));
            if (result instanceof EnumerationResult.Success ok) {
                all.addAll(ok.sessions());
            }
        }
        Set<String> users = new HashSet<>();
        all.forEach(s -> users.add(s.userName().orElse(null)));

        assertThat(users).anyMatch(u -> u != null && u.startsWith("jürgen."));
        assertThat(users).anyMatch(u -> u != null && u.startsWith("zoë."));
        assertThat(users).anyMatch(u -> u != null && u.matches("PC\\d{3}\\$"));
        assertThat(users).contains((String) null, "", "Guest", "svc-backup");
        assertThat(all).anyMatch(Session::isGuest);
        assertThat(all).anyMatch(s -> s.clientName().orElseThrow().contains(":"));
        assertThat(all).anyMatch(s -> s.clientName().orElseThrow().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        assertThat(all).anyMatch(s -> s.clientName().orElseThrow().matches("[A-Za-z][\\w.-]*"));
        assertThat(all).extracting(s -> s.clientType().orElseThrow()).contains("Windows 10 Enterprise 19045",
                "Windows 11 Pro 22631", "Unix", "macOS");
        assertThat(all).extracting(s -> s.transport().orElseThrow()).contains("\\Device\\NetbiosSmb", "QUIC")
                .anyMatch(t -> t.startsWith("\\Device\\NetBT_Tcpip_{"));
        assertThat(all).allSatisfy(s -> {
            assertThat(s.idleSeconds().orElseThrow()).isLessThanOrEqualTo(s.activeSeconds().orElseThrow());
            assertThat(s.activeSeconds().orElseThrow()).isLessThan(30L * 86_400);
            assertThat(s.openCount().orElseThrow()).isBetween(0L, 500L);
        });
    }

    @Test
    void sessionsComeAndGoAndTheirNumbersChangeOverTime() {
        List<Session> before = sessions(fleet, DemoFleet.HQ_01, InfoLevel.LEVEL_502);
        clock.advance(Duration.ofMinutes(30));
        List<Session> after = sessions(fleet, DemoFleet.HQ_01, InfoLevel.LEVEL_502);

        Set<String> usersBefore = userSet(before);
        Set<String> usersAfter = userSet(after);
        assertThat(usersBefore).isNotEqualTo(usersAfter);
        assertThat(usersAfter).containsAnyElementsOf(usersBefore);
        // Someone who stayed has aged by exactly the half hour.
        String stayer = usersBefore.stream().filter(u -> u != null && usersAfter.contains(u)).findFirst().orElseThrow();
        long activeBefore = byUser(before, stayer).activeSeconds().orElseThrow();
        assertThat(byUser(after, stayer).activeSeconds().orElseThrow()).isEqualTo(activeBefore + 1800);
        // Idle times reset for some and grow for others; open counts move.
        long idleReset = before.stream().filter(b -> usersAfter.contains(b.userName().orElse(null)))
                .filter(b -> byUser(after, b.userName().orElse(null)).idleSeconds().orElseThrow()
                        < b.idleSeconds().orElseThrow() + 1800).count();
        assertThat(idleReset).isPositive();
        assertThat(before.stream().map(b -> b.userName().orElse(null)).filter(usersAfter::contains)
                .anyMatch(u -> byUser(after, u).openCount().orElseThrow() != byUser(before, u).openCount().orElseThrow()))
                .isTrue();
    }

    @Test
    void filtersByClientAndUserLikeNetSessionEnum() {
        Session someone = sessions(fleet, DemoFleet.HQ_02, InfoLevel.LEVEL_502).stream()
                .filter(s -> s.userName().isPresent() && !s.userName().get().endsWith("$")).findFirst().orElseThrow();
        String user = someone.userName().orElseThrow();
        String client = someone.clientName().orElseThrow();

        EnumerationRequest byUser = new EnumerationRequest(DemoFleet.HQ_02, InfoLevel.LEVEL_502, null,
                user.toUpperCase(java.util.Locale.ROOT), NetApiStatus.MAX_PREFERRED_LENGTH);
        EnumerationRequest byClient = new EnumerationRequest(DemoFleet.HQ_02, InfoLevel.LEVEL_502, "\\\\" + client,
                null, NetApiStatus.MAX_PREFERRED_LENGTH);
        EnumerationRequest noMatch = new EnumerationRequest(DemoFleet.HQ_02, InfoLevel.LEVEL_502, null, "nobody",
                NetApiStatus.MAX_PREFERRED_LENGTH);

        assertThat(success(byUser)).extracting(s -> s.userName().orElseThrow()).containsOnly(user);
        assertThat(success(byClient)).isNotEmpty().allSatisfy(s -> assertThat(s.clientName()).contains(client));
        assertThat(success(noMatch)).isEmpty();
    }

    @Test
    void repeatedStringsAreSharedNotCopiedOnEveryPoll() {
        List<Session> first = sessions(fleet, DemoFleet.HQ_01, InfoLevel.LEVEL_502);
        clock.advance(Duration.ofSeconds(15));
        List<Session> second = sessions(fleet, DemoFleet.HQ_01, InfoLevel.LEVEL_502);

        Session a = first.get(0);
        Session b = second.stream().filter(s -> s.userName().equals(a.userName())).findFirst().orElseThrow();
        assertThat(b.userName().orElseThrow()).isSameAs(a.userName().orElseThrow());
        assertThat(b.clientName().orElseThrow()).isSameAs(a.clientName().orElseThrow());
        assertThat(b.clientType().orElseThrow()).isSameAs(a.clientType().orElseThrow());
        assertThat(b.transport().orElseThrow()).isSameAs(a.transport().orElseThrow());
        assertThat(b.server()).isSameAs(a.server());
        // one instance per distinct transport in a whole poll
        assertThat(first.stream().map(s -> s.transport().orElseThrow())
                .map(System::identityHashCode).distinct().count())
                .isEqualTo(first.stream().map(s -> s.transport().orElseThrow()).distinct().count());
    }

    private List<Session> success(EnumerationRequest request) {
        EnumerationResult result = fleet.enumerate(request);
        assertThat(result).isInstanceOf(EnumerationResult.Success.class);
        return ((EnumerationResult.Success) result).sessions();
    }

    private org.sessionwatch.netapi.NetApiError failure(String server, InfoLevel level) {
        EnumerationResult result = fleet.enumerate(EnumerationRequest.of(server).withLevel(level));
        assertThat(result).as(server).isInstanceOf(EnumerationResult.Failure.class);
        return ((EnumerationResult.Failure) result).error();
    }

    @Test
    void eachServerIsAFileServerViewThatClosingLeavesTheFleetAnswering() {
        FileServer hq = fleet.server(DemoFleet.HQ_01);

        assertThat(hq.name()).isEqualTo(DemoFleet.HQ_01);
        assertThat(hq.listSessions(EnumerationRequest.of(DemoFleet.HQ_01)))
                .isEqualTo(fleet.enumerate(EnumerationRequest.of(DemoFleet.HQ_01)));
        hq.close();
        assertThat(fleet.server(DemoFleet.HQ_02).listSessions(EnumerationRequest.of(DemoFleet.HQ_02)))
                .isInstanceOf(EnumerationResult.Success.class);
        assertThat(hq.listSessions(EnumerationRequest.of(DemoFleet.HQ_01)))
                .isInstanceOf(EnumerationResult.Success.class);
    }

    private static List<Session> sessions(DemoFleet fleet, String server, InfoLevel level) {
        EnumerationResult result = fleet.enumerate(EnumerationRequest.of(server).withLevel(level));
        assertThat(result).as(server).isInstanceOf(EnumerationResult.Success.class);
        return ((EnumerationResult.Success) result).sessions();
    }

    private static Set<String> userSet(List<Session> sessions) {
        Set<String> users = new HashSet<>();
        sessions.forEach(s -> users.add(s.userName().orElse(null)));
        return users;
    }

    private static Session byUser(List<Session> sessions, String user) {
        return sessions.stream().filter(s -> java.util.Objects.equals(s.userName().orElse(null), user))
                .findFirst().orElseThrow();
    }
}
