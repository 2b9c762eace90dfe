package org.sessionwatch.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class CredentialStoresTest {

    @Test
    void systemOrMemoryAlwaysGivesAStoreThatKeepsAPassword() {
        CredentialStore store = CredentialStores.systemOrMemory();

        assertThat(store.description()).isNotBlank();
        if (store instanceof InMemoryCredentialStore) {
            store.store("probe@test", "x".toCharArray());
            assertThat(store.password("probe@test")).hasValueSatisfying(p -> assertThat(p).containsExactly('x'));
            store.delete("probe@test");
            assertThat(store.password("probe@test")).isEmpty();
        }
    }

    /** A Linux without a D-Bus session bus (every CI container) has no Secret Service: memory it is. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void headlessLinuxHasNoKeyring() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") == null,
                "a D-Bus session bus is present, so a keyring may legitimately be available");

        assertThat(KeyringCredentialStore.open(Duration.ofSeconds(3))).isEmpty();
        assertThat(CredentialStores.systemOrMemory()).isInstanceOf(InMemoryCredentialStore.class);
    }
}
