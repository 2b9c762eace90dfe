package org.sessionwatch.netapi.windows;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sessionwatch.netapi.CallerAccount;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.NetApiStatus;

/**
 * Calls as the account configured for a server, as {@code runas /netonly} does: {@code LogonUserW} with
 * {@code LOGON32_LOGON_NEW_CREDENTIALS} makes a token that is still the signed-in user locally but presents the
 * configured account to other computers, and the poll thread impersonates it for exactly one call.
 *
 * <p>Each call logs on, impersonates, runs, reverts and closes the token; the revert and the close are in
 * {@code finally} blocks and run whatever happened. Such a logon is local (it checks no password: a wrong one shows
 * up as the server's logon failure), so doing it per call costs nothing on the network and picks up a changed
 * password at once. A thread whose revert failed would keep acting as the other account for whatever it runs next,
 * so it is ended with {@link ImpersonationNotRevertedError} instead of being handed back to the pool.
 */
final class AlternateLogon implements CallIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(AlternateLogon.class);

    /** Binds advapi32 (shared and cached by the real loader). */
    @FunctionalInterface
    interface Loader {
        LogonNative load() throws NetApiException;
    }

    /** Thrown when a thread could not stop impersonating: it must not run anything else. */
    static final class ImpersonationNotRevertedError extends Error {
        ImpersonationNotRevertedError(String message) {
            super(message);
        }
    }

    private final String user;
    private final String domain;
    private final Supplier<Optional<char[]>> password;
    private final String passwordHome;
    private final Loader loader;

    /**
     * @param user         the account, as configured ({@code alice}, {@code CORP\alice} or {@code alice@corp.example})
     * @param domain       its domain, or null (then {@code user} may carry it)
     * @param password     reads the stored password; the array is cleared after use
     * @param passwordHome where passwords are kept, for the "no password" remedy (e.g. "Windows Credential Manager")
     */
    AlternateLogon(String user, String domain, Supplier<Optional<char[]>> password, String passwordHome,
                   Loader loader) {
        int backslash = user.indexOf('\\');
        this.user = backslash >= 0 && domain == null ? user.substring(backslash + 1) : user;
        this.domain = backslash >= 0 && domain == null ? user.substring(0, backslash) : domain;
        this.password = password;
        this.passwordHome = passwordHome;
        this.loader = loader;
    }

    @Override
    public CallerAccount account() {
        return CallerAccount.WINDOWS_CONFIGURED;
    }

    /** The account as Windows is given it, e.g. {@code CORP\helpdesk}. */
    String accountName() {
        return domain == null ? user : domain + "\\" + user;
    }

    @Override
    public <T> T runAs(String server, Call<T> call) throws NetApiException {
        LogonNative api = loader.load();
        Pointer token = logon(api, server);
        try {
            try {
                int impersonated = api.impersonate(token);
                if (impersonated != 0) {
                    throw new NetApiException(new NetApiError(ErrorKind.OTHER, impersonated,
                            "Windows did not let SessionWatch act as " + accountName() + " for " + server + ".",
                            "Try again; if it keeps failing, use the srvsvc backend for " + server + "."));
                }
                return call.call();
            } finally {
                revert(api, server);
            }
        } finally {
            close(api, token, server);
        }
    }

    private Pointer logon(LogonNative api, String server) throws NetApiException {
        char[] secret = password.get().orElseThrow(() -> new NetApiException(new NetApiError(
                ErrorKind.AUTHENTICATION_FAILED, 0,
                "No password is stored for " + accountName() + ", the account configured for " + server + ".",
                "Enter the password in the server settings (Ctrl+,); it is kept in " + passwordHome + ".")));
        LogonNative.Logon logon;
        try {
            logon = api.logonNewCredentials(user, domain, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (logon.token() != null) {
            return logon.token();
        }
        NetApiError explained = NetApiStatus.toError(logon.error(), server, account());
        if (explained.kind() == ErrorKind.OTHER) {
            explained = new NetApiError(ErrorKind.AUTHENTICATION_FAILED, logon.error(),
                    "Windows could not log on as " + accountName() + " for " + server + ".",
                    "Check the user name and domain configured for " + server + ".");
        }
        throw new NetApiException(explained);
    }

    private void revert(LogonNative api, String server) {
        int status;
        try {
            status = api.revertToSelf();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("RevertToSelf failed after a call to {}; ending this thread", server, e);
            throw new ImpersonationNotRevertedError("RevertToSelf failed: " + e);
        }
        if (status != 0) {
            LOG.error("RevertToSelf returned error {} after a call to {}; ending this thread", status, server);
            throw new ImpersonationNotRevertedError("RevertToSelf returned error " + status);
        }
    }

    private static void close(LogonNative api, Pointer token, String server) {
        try {
            int status = api.closeHandle(token);
            if (status != 0) {
                LOG.warn("CloseHandle returned {} for the logon token used for {}; the handle may leak", status,
                        server);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("CloseHandle failed for the logon token used for {}; the handle may leak", server, e);
        }
    }
}
