package org.sessionwatch.netapi.windows;

import com.sun.jna.Pointer;

/**
 * The seam between {@link AlternateLogon} and advapi32.dll / kernel32.dll: {@link Advapi32Native} calls the real
 * functions, tests script a fake. Implementations pass arguments and results through and add no policy; a failing
 * function is reported by its {@code GetLastError()} code, read right after the call on the same thread.
 */
interface LogonNative {

    /** {@code LOGON32_LOGON_NEW_CREDENTIALS}: local identity unchanged, the given account for outbound connections. */
    int LOGON32_LOGON_NEW_CREDENTIALS = 9;
    /** {@code LOGON32_PROVIDER_WINNT50}: the provider that supports {@link #LOGON32_LOGON_NEW_CREDENTIALS}. */
    int LOGON32_PROVIDER_WINNT50 = 3;

    /**
     * {@code LogonUserW(user, domain, password, LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_WINNT50, &token)}.
     * The password is read, not kept; the caller clears its array afterwards.
     *
     * @return the token (the caller closes it with {@link #closeHandle}), or the error
     */
    Logon logonNewCredentials(String user, String domain, char[] password);

    /** {@code ImpersonateLoggedOnUser(token)} on the calling thread: 0, or the last error. */
    int impersonate(Pointer token);

    /** {@code RevertToSelf()} on the calling thread: 0, or the last error. */
    int revertToSelf();

    /** {@code CloseHandle(token)}: 0, or the last error. */
    int closeHandle(Pointer token);

    /**
     * What {@code LogonUserW} returned.
     *
     * @param token the token handle, or null when the logon failed
     * @param error the last error when the logon failed, else 0
     */
    record Logon(Pointer token, int error) {
    }
}
