package org.sessionwatch.netapi.windows;

import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.CredentialStore;

/**
 * Which {@link CallIdentity} a server's netapi32 calls use: the signed-in user's, or, when the server has a user name,
 * that account with the password the credential store holds under {@link ServerConfig#credentialKey()} (the same key
 * the srvsvc backend and the settings dialog use), read afresh for every call.
 */
final class WindowsIdentities {

    private WindowsIdentities() {
    }

    static CallIdentity forServer(ServerConfig server, CredentialStore credentials) {
        return forServer(server, credentials, Advapi32Native::shared);
    }

    static CallIdentity forServer(ServerConfig server, CredentialStore credentials, AlternateLogon.Loader advapi32) {
        if (!server.hasExplicitCredentials()) {
            return CallIdentity.SIGNED_IN;
        }
        String key = server.credentialKey().orElseThrow();
        return new AlternateLogon(server.username(), server.domain(), () -> credentials.password(key),
                credentials.description(), advapi32);
    }
}
