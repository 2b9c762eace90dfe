package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class HostNameResolverTest {
    private final List<Runnable> background = new ArrayList<>();
    private final List<String> lookedUp = new ArrayList<>();
    private final AtomicInteger resolved = new AtomicInteger();
    private final HostNameResolver resolver = new HostNameResolver(background::add, ip -> {
        lookedUp.add(ip);
        return ip.equals("10.0.0.5") ? Optional.of("pc-alice.corp.example") : Optional.empty();
    });

    {
        resolver.setOnResolved(resolved::incrementAndGet);
    }

    @Test
    void looksEachAddressUpOnceInTheBackgroundAndSaysWhenANameArrived() {
        resolver.request("10.0.0.5");
        resolver.request("10.0.0.5");
        assertThat(resolver.known("10.0.0.5")).as("nothing happens on the calling thread").isNull();
        assertThat(background).as("a lookup under way is not started twice").hasSize(1);

        background.forEach(Runnable::run);

        assertThat(lookedUp).containsExactly("10.0.0.5");
        assertThat(resolver.known("10.0.0.5")).isEqualTo("pc-alice.corp.example");
        assertThat(resolved).hasValue(1);

        background.clear();
        resolver.request("10.0.0.5");
        assertThat(background).as("cached").isEmpty();
    }

    @Test
    void addressesWithoutANameAreRememberedAndNamesAreNotLookedUp() {
        resolver.request("10.0.0.9");
        background.forEach(Runnable::run);
        background.clear();
        resolver.request("10.0.0.9");
        resolver.request("PC-BOB");

        assertThat(resolver.known("10.0.0.9")).isNull();
        assertThat(background).isEmpty();
        assertThat(lookedUp).containsExactly("10.0.0.9");
        assertThat(resolved).as("no name, nothing to show").hasValue(0);
    }

    @Test
    void recognisesAddressLiterals() {
        assertThat(HostNameResolver.isIpAddress("10.1.2.3")).isTrue();
        assertThat(HostNameResolver.isIpAddress("fe80::1")).isTrue();
        assertThat(HostNameResolver.isIpAddress("PC-ALICE")).isFalse();
        assertThat(HostNameResolver.isIpAddress("pc.corp.example")).isFalse();
    }
}
