package org.sessionwatch.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

class SessionFilterTest {

    private static final OwnSession ME = new OwnSession("CORP\\helpdesk",
            Set.of("10.0.0.5", "fe80:0:0:0:0:0:0:1%eth0", "WS-HELP01", "ws-help01.corp.example"));

    private static Session session(String user, String client) {
        return Session.builder("FS01", InfoLevel.LEVEL_502).userName(user).clientName(client).build();
    }

    @Test
    void hidesNothingByDefault() {
        List<Session> all = List.of(session("PC042$", "10.0.0.9"), session(null, "10.0.0.9"),
                session("helpdesk", "10.0.0.5"));

        assertThat(SessionFilter.NONE.apply(all, ME)).isEqualTo(all);
        assertThat(SessionFilter.NONE.hidesAnything()).isFalse();
    }

    @Test
    void hidesComputerAccounts() {
        SessionFilter filter = new SessionFilter(false, true, false);

        assertThat(filter.hides(session("PC042$", "10.0.0.9"), ME)).isTrue();
        assertThat(filter.hides(session("BUILD-07$", "build-07"), ME)).isTrue();
        assertThat(filter.hides(session("alice", "10.0.0.9"), ME)).isFalse();
        assertThat(filter.hides(session("$alice", "10.0.0.9"), ME)).isFalse();
        assertThat(filter.hides(session(null, "10.0.0.9"), ME)).isFalse();
    }

    @Test
    void hidesAnonymousSessionsWithAbsentOrEmptyUser() {
        SessionFilter filter = new SessionFilter(false, false, true);

        assertThat(filter.hides(session(null, "10.0.0.9"), ME)).isTrue();
        assertThat(filter.hides(session("", "10.0.0.9"), ME)).isTrue();
        assertThat(filter.hides(Session.builder("FS01", InfoLevel.LEVEL_0).clientName("10.0.0.9").build(), ME))
                .isTrue();
        assertThat(filter.hides(session("alice", "10.0.0.9"), ME)).isFalse();
        assertThat(filter.hides(session("Guest", "10.0.0.9"), ME)).isFalse();
    }

    @Test
    void hidesOwnSessionOnlyWhenAccountAndClientBothMatch() {
        SessionFilter filter = new SessionFilter(true, false, false);

        assertThat(filter.hides(session("helpdesk", "10.0.0.5"), ME)).isTrue();
        assertThat(filter.hides(session("HELPDESK", "\\\\10.0.0.5"), ME)).isTrue();
        assertThat(filter.hides(session("helpdesk", "fe80::1"), ME)).isTrue();
        assertThat(filter.hides(session("helpdesk", "ws-help01"), ME)).isTrue();
        assertThat(filter.hides(session("helpdesk", "WS-HELP01.corp.example"), ME)).isTrue();
        assertThat(filter.hides(session("helpdesk", "ws-help01.other.example"), ME)).isTrue();
        // same account elsewhere: a colleague, keep it
        assertThat(filter.hides(session("helpdesk", "10.0.0.6"), ME)).isFalse();
        // someone else on this machine: keep it
        assertThat(filter.hides(session("alice", "10.0.0.5"), ME)).isFalse();
        assertThat(filter.hides(session(null, "10.0.0.5"), ME)).isFalse();
        assertThat(new SessionFilter(false, false, false).hides(session("helpdesk", "10.0.0.5"), ME)).isFalse();
    }

    @Test
    void ownAccountIsTheConfiguredUserOrTheOperatingSystemUser() {
        ServerConfig withCredentials = new ServerConfig("FS01", Backend.SRVSVC, true, 445, "svc-watch@corp.example",
                null, true);
        OwnSession configured = OwnSession.forServer(withCredentials, Set.of("10.0.0.5"));
        OwnSession osUser = OwnSession.forServer(ServerConfig.of("FS01"), Set.of("10.0.0.5"));

        assertThat(configured.matches(session("svc-watch", "10.0.0.5"))).isTrue();
        assertThat(osUser.matches(session(System.getProperty("user.name"), "10.0.0.5"))).isTrue();
        assertThat(osUser.matches(session("svc-watch", "10.0.0.5"))).isFalse();
    }

    @Test
    void onWindowsAServerWithAUserNameIsPolledAsThatAccountSoThatIsTheOwnSession() {
        // the Windows backend logs on with the configured account (runas /netonly): the server sees that account
        ServerConfig windowsWithAccount = new ServerConfig("FS02", Backend.WINDOWS, true, 445, "helpdesk", "CORP", true);
        OwnSession own = OwnSession.forServer(windowsWithAccount, Set.of("10.0.0.5"));

        assertThat(own.matches(session("helpdesk", "10.0.0.5"))).isTrue();
        assertThat(own.matches(session(System.getProperty("user.name"), "10.0.0.5")))
                .isEqualTo("helpdesk".equalsIgnoreCase(System.getProperty("user.name")));
    }

    @Test
    void normalisesClientSpellings() {
        assertThat(OwnSession.normaliseClient("[FE80::1%12]")).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(OwnSession.normaliseClient("::ffff:10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(OwnSession.normaliseClient("Host.Example.")).isEqualTo("host.example");
        assertThat(OwnSession.normaliseClient("cafe:beef")).isEqualTo("cafe:beef");
        assertThat(OwnSession.bareAccount("CORP\\Alice")).isEqualTo("alice");
        assertThat(OwnSession.bareAccount("alice@corp.example")).isEqualTo("alice");
        assertThat(OwnSession.bareAccount(null)).isEmpty();
    }

    @Test
    void applyKeepsOrderAndCombinesOptions() {
        SessionFilter all = new SessionFilter(true, true, true);
        List<Session> sessions = List.of(session("bob", "10.0.0.9"), session("PC042$", "10.0.0.9"),
                session("", "10.0.0.9"), session("helpdesk", "10.0.0.5"), session("alice", "10.0.0.7"));

        assertThat(all.apply(sessions, ME)).extracting(s -> s.userName().orElseThrow())
                .containsExactly("bob", "alice");
        assertThat(all.apply(sessions, OwnSession.NONE)).hasSize(3);
    }

    @Test
    void localMachineNamesIncludeLoopback() {
        assertThat(LocalMachine.clientNames()).contains("127.0.0.1").allSatisfy(n -> assertThat(n).isLowerCase());
    }
}
