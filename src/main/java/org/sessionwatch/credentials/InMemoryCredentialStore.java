package org.sessionwatch.credentials;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Passwords kept in this process's memory only, for as long as it runs: the fallback where the operating system offers
 * no credential store (a headless Linux without a Secret Service), and the store of tests.
 *
 * <p>Holds its own {@code char[]} copies, never {@link String}s, so a password can be wiped: a replaced or deleted
 * password is overwritten with zeros, and callers get a fresh copy they should wipe in turn.
 */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, char[]> passwords = new HashMap<>();

    @Override
    public synchronized Optional<char[]> password(String key) {
        char[] stored = passwords.get(Objects.requireNonNull(key, "key"));
        return stored == null ? Optional.empty() : Optional.of(stored.clone());
    }

    @Override
    public synchronized void store(String key, char[] password) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(password, "password");
        wipe(passwords.put(key, password.clone()));
    }

    @Override
    public synchronized void delete(String key) {
        wipe(passwords.remove(Objects.requireNonNull(key, "key")));
    }

    /** Wipes and forgets every password, e.g. on exit. */
    public synchronized void clear() {
        passwords.values().forEach(InMemoryCredentialStore::wipe);
        passwords.clear();
    }

    @Override
    public String description() {
        return "memory (this run only)";
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
