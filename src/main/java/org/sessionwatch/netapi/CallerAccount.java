package org.sessionwatch.netapi;

/**
 * Whose account a backend's call runs as. It decides how a logon problem is explained: a Windows user polling with
 * their own sign-in has no configured user name or password to check, so telling them to check one misleads.
 */
public enum CallerAccount {
    /** The Windows backend with the signed-in user's own token. */
    WINDOWS_SIGN_IN,
    /** The Windows backend with the account configured for the server (a new-credentials logon, as runas /netonly). */
    WINDOWS_CONFIGURED,
    /** The srvsvc backend, which logs on over SMB with the account configured for the server. */
    SRVSVC_CONFIGURED
}
