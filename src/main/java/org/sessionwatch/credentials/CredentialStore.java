package org.sessionwatch.credentials;

import java.util.Optional;

/**
 * Where passwords for explicit server credentials live: the OS credential store when there is one, otherwise memory
 * for the lifetime of the process. Never the configuration file, never a log.
 *
 * <p>Keys are {@link org.sessionwatch.config.ServerConfig#credentialKey()}. Callers own the returned arrays and
 * should overwrite them when done.
 */
public interface CredentialStore {

    /** The stored password for {@code key}, if any. */
    Optional<char[]> password(String key);

    /** Stores (or replaces) the password for {@code key}. */
    void store(String key, char[] password);

    /** Forgets the password for {@code key}; nothing happens if there is none. */
    void delete(String key);

    /** A short description for the UI, e.g. "Windows Credential Manager" or "memory (this run only)". */
    String description();
}
