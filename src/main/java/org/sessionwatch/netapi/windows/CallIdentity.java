package org.sessionwatch.netapi.windows;

import org.sessionwatch.netapi.CallerAccount;
import org.sessionwatch.netapi.NetApiException;

/**
 * Whose account the netapi32 calls for one server run as: the signed-in user ({@link #SIGNED_IN}) or the account
 * configured for the server ({@link AlternateLogon}). Every call to a server (sessions, and later open files and
 * actions) goes through {@link #runAs}, so they all use the same account.
 */
interface CallIdentity {

    /** A step that calls netapi32 on the current thread. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws NetApiException;
    }

    /** The signed-in user's own token: nothing to set up. */
    CallIdentity SIGNED_IN = new CallIdentity() {
        @Override
        public CallerAccount account() {
            return CallerAccount.WINDOWS_SIGN_IN;
        }

        @Override
        public <T> T runAs(String server, Call<T> call) throws NetApiException {
            return call.call();
        }
    };

    /** Whose account this is, for explaining logon errors. */
    CallerAccount account();

    /**
     * Runs {@code call} on the current thread as this identity and returns its result. The thread is itself again
     * afterwards, whatever happened.
     *
     * @throws NetApiException when the identity cannot be taken on (no password, logon refused), explained
     */
    <T> T runAs(String server, Call<T> call) throws NetApiException;
}
