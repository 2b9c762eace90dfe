package org.sessionwatch.netapi.srvsvc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.config.ServerConfig;

import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.auth.GSSAuthenticationContext;

/**
 * How the srvsvc backend logs on to one server, decided from its {@link ServerConfig} and the credential store.
 *
 * <ul>
 *   <li>User name and a stored password: NTLMv2 ({@link Method#PASSWORD}).</li>
 *   <li>User name, no stored password: Kerberos through GSS-API with the ticket the operating system already holds
 *       ({@link Method#KERBEROS}). The ticket comes from the default credential cache ({@code KRB5CCNAME}, or
 *       {@code /tmp/krb5cc_<uid>} after {@code kinit}); realm and KDC come from {@code krb5.conf} or the
 *       {@code java.security.krb5.*} system properties. Best effort: without a usable ticket the server's result says
 *       so and names both remedies. Not exercised by the test suite, which has no KDC.</li>
 *   <li>No user name: an anonymous (null session) logon ({@link Method#ANONYMOUS}), which real servers refuse to list
 *       sessions to; the enumerator turns that refusal into a message asking for a configured user.</li>
 * </ul>
 */
record SmbLogon(Method method, AuthenticationContext context) {

    enum Method { PASSWORD, KERBEROS, ANONYMOUS }

    private static final String KERBEROS_V5_OID = "1.2.840.113554.1.2.2";
    private static final String KRB5_LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";

    /** Chooses the logon for {@code server}; the password copy read from the store is zeroed before returning. */
    static SmbLogon forServer(ServerConfig server, CredentialStore credentials) throws NetApiException {
        return forServer(server, credentials, null);
    }

    /**
     * As {@link #forServer(ServerConfig, CredentialStore)}, reading Kerberos tickets from {@code ticketCache} instead
     * of the default cache (tests point it at a cache that cannot hold a ticket, so the outcome is known).
     */
    static SmbLogon forServer(ServerConfig server, CredentialStore credentials, java.nio.file.Path ticketCache)
            throws NetApiException {
        Optional<String> user = server.user();
        if (user.isEmpty()) {
            return new SmbLogon(Method.ANONYMOUS, AuthenticationContext.anonymous());
        }
        Optional<char[]> password = server.credentialKey().flatMap(credentials::password);
        if (password.isPresent()) {
            char[] secret = password.get();
            try {
                // AuthenticationContext keeps its own copy.
                return new SmbLogon(Method.PASSWORD,
                        new AuthenticationContext(user.get(), secret, server.userDomain().orElse(null)));
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        return new SmbLogon(Method.KERBEROS, kerberos(server, user.get(), ticketCache));
    }

    boolean isAnonymous() {
        return method == Method.ANONYMOUS;
    }

    private static AuthenticationContext kerberos(ServerConfig server, String user, java.nio.file.Path ticketCache)
            throws NetApiException {
        String domain = server.userDomain().orElse(null);
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext("SessionWatch", subject, null, ticketCacheOnly(user, domain, ticketCache));
            login.login();
            GSSCredential credential = Subject.callAs(subject, () -> GSSManager.getInstance().createCredential(
                    null, GSSCredential.DEFAULT_LIFETIME, new Oid(KERBEROS_V5_OID), GSSCredential.INITIATE_ONLY));
            return new GSSAuthenticationContext(user, domain, subject, credential);
        } catch (LoginException | RuntimeException e) {
            throw new NetApiException(new NetApiError(ErrorKind.AUTHENTICATION_FAILED, 0,
                    "No password is stored for " + user + " on " + server.name()
                            + " and no Kerberos ticket for that user is available.",
                    "Enter the password in the server settings, or obtain a Kerberos ticket (kinit " + user
                            + (domain == null ? "" : "@" + domain.toUpperCase(Locale.ROOT)) + ") and poll again."), e);
        }
    }

    /** JAAS: read the ticket cache, never prompt, never store anything. */
    private static Configuration ticketCacheOnly(String user, String domain, java.nio.file.Path ticketCache) {
        Map<String, String> options = new java.util.HashMap<>(Map.of(
                "useTicketCache", "true",
                "doNotPrompt", "true",
                "isInitiator", "true",
                "refreshKrb5Config", "true"));
        if (ticketCache != null) {
            options.put("ticketCache", ticketCache.toString());
        }
        if (domain != null && !user.contains("@")) {
            options.put("principal", user + "@" + domain.toUpperCase(Locale.ROOT));
        }
        AppConfigurationEntry entry = new AppConfigurationEntry(KRB5_LOGIN_MODULE,
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {entry};
            }
        };
    }

    @Override
    public String toString() {
        // AuthenticationContext.toString shows no password; still, keep secrets out of every string.
        return "SmbLogon[" + method + "]";
    }
}
