package org.sessionwatch.credentials;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where passwords live on this machine. */
public final class CredentialStores {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialStores.class);
    /** Long enough for a cold D-Bus activation of a keyring daemon, short enough not to delay start-up much. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private CredentialStores() {
    }

    /**
     * The operating system's credential store when it works here (see {@link KeyringCredentialStore#open}), otherwise
     * an {@link InMemoryCredentialStore}. Blocks for up to {@link #PROBE_TIMEOUT}: call it off the JavaFX thread.
     */
    public static CredentialStore systemOrMemory() {
        CredentialStore store = KeyringCredentialStore.open(PROBE_TIMEOUT)
                .<CredentialStore>map(keyring -> keyring)
                .orElseGet(InMemoryCredentialStore::new);
        LOG.info("Passwords are kept in {}", store.description());
        return store;
    }
}
