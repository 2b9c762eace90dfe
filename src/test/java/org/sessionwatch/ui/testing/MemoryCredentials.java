package org.sessionwatch.ui.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.sessionwatch.credentials.CredentialStore;

/** A credential store in a map, for tests. */
public final class MemoryCredentials implements CredentialStore {
    public final Map<String, String> passwords = new HashMap<>();

    @Override
    public synchronized Optional<char[]> password(String key) {
        return Optional.ofNullable(passwords.get(key)).map(String::toCharArray);
    }

    @Override
    public synchronized void store(String key, char[] password) {
        passwords.put(key, new String(password));
    }

    @Override
    public synchronized void delete(String key) {
        passwords.remove(key);
    }

    @Override
    public String description() {
        return "test memory";
    }
}
