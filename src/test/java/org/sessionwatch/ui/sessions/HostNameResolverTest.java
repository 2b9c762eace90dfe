package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HostNameResolverTest {
    private final List<Runnable> background = new ArrayList<>();
    private final List<String> lookedUp = new ArrayList<>();
    private final HostNameResolver resolver = new HostNameResolver(background::add, Runnable::run, ip -> {
        lookedUp.add(ip);
        return ip.equals("10.0.0.5") ? Optional.of("pc-alice.corp.example") : Optional.empty();
    });

    private static SessionRow row(String client) {
        return SessionRow.of(session("FS01", "alice", client, T0.minusSeconds(60), T0, 0), T0);
    }

    @Test
    void looksEachAddressUpOnceInTheBackgroundAndUpdatesEveryWaitingRow() {
        SessionRow first = row("10.0.0.5");
        SessionRow second = row("10.0.0.5");
        resolver.resolve(first);
        resolver.resolve(second);
        assertThat(first.getHostName()).as("nothing happens on the calling thread").isNull();

        background.forEach(Runnable::run);

        assertThat(lookedUp).containsExactly("10.0.0.5");
        assertThat(first.getHostName()).isEqualTo("pc-alice.corp.example");
        assertThat(second.getHostName()).isEqualTo("pc-alice.corp.example");

        SessionRow later = row("10.0.0.5");
        resolver.resolve(later);
        assertThat(later.getHostName()).as("cached").isEqualTo("pc-alice.corp.example");
        assertThat(lookedUp).hasSize(1);
    }

    @Test
    void addressesWithoutANameAreRememberedAndNamesAreNotLookedUp() {
        SessionRow unnamed = row("10.0.0.9");
        resolver.resolve(unnamed);
        background.forEach(Runnable::run);
        background.clear();
        resolver.resolve(row("10.0.0.9"));
        resolver.resolve(row("PC-BOB"));

        assertThat(unnamed.getHostName()).isNull();
        assertThat(background).isEmpty();
        assertThat(lookedUp).containsExactly("10.0.0.9");
    }

    @Test
    void recognisesAddressLiterals() {
        assertThat(HostNameResolver.isIpAddress("10.1.2.3")).isTrue();
        assertThat(HostNameResolver.isIpAddress("fe80::1")).isTrue();
        assertThat(HostNameResolver.isIpAddress("PC-ALICE")).isFalse();
        assertThat(HostNameResolver.isIpAddress("pc.corp.example")).isFalse();
    }
}
