package org.sessionwatch.credentials;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

/**
 * Passwords in the operating system's credential store through java-keyring: Windows Credential Manager, the macOS
 * Keychain, or on Linux the Secret Service (GNOME Keyring, KWallet) over D-Bus. Entries use the service name
 * {@value #SERVICE} and the account {@link org.sessionwatch.config.ServerConfig#credentialKey()}.
 *
 * <p>A headless Linux usually has no session bus or no Secret Service, and some setups hang waiting for an unlock
 * prompt nobody sees. {@link #open(Duration)} therefore proves the store works with one read under a time limit and
 * reports it unavailable otherwise; {@link CredentialStores#systemOrMemory()} then falls back to memory.
 *
 * <p>java-keyring's API takes and returns {@link String}s, so a password briefly exists as an immutable string on
 * its way to or from the store; the arrays this class hands out are fresh copies the caller should wipe.
 */
public final class KeyringCredentialStore implements CredentialStore {

    /** The service (target name prefix) every SessionWatch entry is stored under. */
    public static final String SERVICE = "SessionWatch";

    private static final Logger LOG = LoggerFactory.getLogger(KeyringCredentialStore.class);
    private static final String PROBE_ACCOUNT = "sessionwatch-availability-probe";

    private final Keyring keyring;
    private final String description;

    private KeyringCredentialStore(Keyring keyring) {
        this.keyring = keyring;
        this.description = describe(keyring.getKeyringStorageType());
    }

    /**
     * Opens the system store and reads a probe entry; empty when there is no store, it fails, or it does not answer
     * within {@code timeout}. Runs on a daemon thread, so a hanging D-Bus call cannot block the caller or exit.
     */
    public static Optional<KeyringCredentialStore> open(Duration timeout) {
        CompletableFuture<KeyringCredentialStore> probe = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                probe.complete(probe());
            } catch (Throwable e) {
                probe.completeExceptionally(e);
            }
        }, "credential-store-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.of(probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.info("The system credential store did not answer within {} ms; passwords stay in memory",
                    timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.info("No system credential store available ({}); passwords stay in memory",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
        return Optional.empty();
    }

    private static KeyringCredentialStore probe() throws BackendNotSupportedException {
        Keyring keyring = Keyring.create();
        try {
            keyring.getPassword(SERVICE, PROBE_ACCOUNT);
        } catch (PasswordAccessException notFound) {
            // The usual answer: the store works, the probe entry just does not exist.
        }
        return new KeyringCredentialStore(keyring);
    }

    @Override
    public Optional<char[]> password(String key) {
        Objects.requireNonNull(key, "key");
        try {
            String password = keyring.getPassword(SERVICE, key);
            return password == null ? Optional.empty() : Optional.of(password.toCharArray());
        } catch (PasswordAccessException e) {
            // java-keyring reports "no such entry" and real failures alike; both mean we have no password.
            LOG.debug("No password for {} in {}: {}", key, description, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void store(String key, char[] password) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(password, "password");
        try {
            keyring.setPassword(SERVICE, key, new String(password));
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("Could not save the password for " + key + " in " + description + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        Objects.requireNonNull(key, "key");
        try {
            keyring.deletePassword(SERVICE, key);
        } catch (PasswordAccessException e) {
            LOG.debug("Nothing deleted for {} in {}: {}", key, description, e.getMessage());
        }
    }

    @Override
    public String description() {
        return description;
    }

    static String describe(KeyringStorageType type) {
        return switch (type) {
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case GNOME_KEYRING -> "Secret Service (GNOME Keyring)";
            case KWALLET -> "KWallet";
        };
    }
}
