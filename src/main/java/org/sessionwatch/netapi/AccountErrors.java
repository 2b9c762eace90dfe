package org.sessionwatch.netapi;

import java.util.Optional;

/**
 * The statuses whose explanation depends on whose account asked ({@link CallerAccount}): logon failures, a
 * credential conflict, network logon refused, no domain controller. Every other status reads the same for every
 * backend and is mapped by {@link NetApiStatus#toError(long, String, CallerAccount)}.
 */
final class AccountErrors {

    private AccountErrors() {
    }

    /** The error for {@code status}, or empty when its text does not depend on the account. */
    static Optional<NetApiError> forStatus(long status, String server, CallerAccount caller) {
        boolean signIn = caller == CallerAccount.WINDOWS_SIGN_IN;
        String account = signIn ? "your Windows account" : "the account configured for " + server;
        String checkConfigured = "Check the user name, domain and password configured for " + server + ".";
        String useConfigured = "Or enter an account for " + server + " in the server settings: SessionWatch then logs"
                + " on with it for this server only, as runas /netonly does.";
        NetApiError error = switch ((int) status) {
            case NetApiStatus.ERROR_LOGON_FAILURE -> auth(status, signIn
                    ? server + " did not accept your Windows sign-in: it does not know your account or password."
                    : "The user name or password configured for " + server + " is wrong.", signIn
                    ? server + " may be in another domain without a trust to yours, or a stand-alone server. "
                    + useConfigured : checkConfigured);
            case NetApiStatus.ERROR_ACCOUNT_RESTRICTION -> auth(status,
                    capitalised(account) + " may not log on to " + server + " from here or at this time.", signIn
                    ? "Ask your administrator about the account's logon restrictions. " + useConfigured
                    : checkConfigured);
            case NetApiStatus.ERROR_PASSWORD_EXPIRED -> auth(status,
                    "The password of " + account + " has expired, so " + server + " refuses it.", signIn
                    ? "Change your Windows password (Ctrl+Alt+Del, Change a password), then refresh."
                    : "Change the password of that account, then enter the new one in the server settings.");
            case NetApiStatus.ERROR_ACCOUNT_DISABLED -> auth(status,
                    capitalised(account) + " is disabled, so " + server + " refuses it.", signIn
                    ? "Ask your administrator to enable it. " + useConfigured : checkConfigured);
            case NetApiStatus.ERROR_TRUSTED_RELATIONSHIP_FAILURE -> auth(status,
                    server + " could not verify " + account + " with its domain (trust relationship failure).",
                    "Ask the administrator of " + server + " to repair its domain membership"
                            + (signIn ? ", or enter an account of the server's own domain in the server settings."
                            : "; meanwhile a local account of the server may work."));
            case NetApiStatus.ERROR_SESSION_CREDENTIAL_CONFLICT -> credentialConflict(status, server, caller);
            case NetApiStatus.ERROR_NETWORK_ACCESS_DENIED -> new NetApiError(ErrorKind.ACCESS_DENIED, status,
                    server + " does not let " + account + " connect over the network.",
                    "The server's \"Access this computer from the network\" policy must include the account; for a"
                            + " local account of the server, Windows' remote restrictions also remove administrator"
                            + " rights, so use a domain account in its Administrators group.");
            case NetApiStatus.ERROR_NO_LOGON_SERVERS -> new NetApiError(ErrorKind.AUTHENTICATION_FAILED, status,
                    "No domain controller was available to check " + account + " for " + server + ".", signIn
                    ? "Check the network or VPN connection to your domain, then refresh (F5)."
                    : "Check the domain configured for " + server + " and the network or VPN connection to it,"
                    + " then refresh (F5).");
            default -> null;
        };
        return Optional.ofNullable(error);
    }

    /** 1219: only Windows' own SMB client keeps one account per server; srvsvc hears it from the server. */
    private static NetApiError credentialConflict(long status, String server, CallerAccount caller) {
        String closeIt = "net use \\\\" + bare(server) + "\\IPC$ /delete";
        return switch (caller) {
            case WINDOWS_SIGN_IN -> new NetApiError(ErrorKind.AUTHENTICATION_FAILED, status,
                    "Windows already has a connection to " + server + " under another account (for example a drive"
                            + " mapped with other credentials) and allows only one account per server.",
                    "Close that connection (net use lists it; " + closeIt + "), or enter that same account for "
                            + server + " in the server settings.");
            case WINDOWS_CONFIGURED -> new NetApiError(ErrorKind.AUTHENTICATION_FAILED, status,
                    "Windows refused the account configured for " + server + " because a connection to it under"
                            + " another account is already open.",
                    "Close the other connection to " + server + " (" + closeIt + "), then refresh (F5).");
            case SRVSVC_CONFIGURED -> new NetApiError(ErrorKind.AUTHENTICATION_FAILED, status,
                    server + " refused the account configured for it because of a conflicting connection under"
                            + " another account.",
                    "Refresh (F5) to connect again; if it persists, check the account configured for " + server
                            + ".");
        };
    }

    private static NetApiError auth(long status, String message, String remedy) {
        return new NetApiError(ErrorKind.AUTHENTICATION_FAILED, status, message, remedy);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String bare(String server) {
        return ClientNames.strip(server);
    }
}
