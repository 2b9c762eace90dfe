package org.sessionwatch.ui.settings;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.config.AppConfig;

/**
 * What Save in the settings dialog produced: the configuration to save and apply, and the password changes for the
 * credential store (which never go into the configuration file).
 *
 * @param config           the new configuration
 * @param passwordsToStore passwords typed in the dialog, by credential key
 * @param keysToDelete     credential keys no server uses any more
 */
public record SettingsResult(AppConfig config, Map<String, char[]> passwordsToStore, Set<String> keysToDelete) {

    /** Stores and deletes the passwords, then wipes the copies held here. Call off the FX thread (OS keyring). */
    public void applyCredentials(CredentialStore store) {
        try {
            passwordsToStore.forEach(store::store);
            keysToDelete.forEach(store::delete);
        } finally {
            passwordsToStore.values().forEach(password -> Arrays.fill(password, '\0'));
        }
    }
}
