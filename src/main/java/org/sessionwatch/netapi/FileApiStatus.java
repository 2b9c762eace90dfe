package org.sessionwatch.netapi;

/**
 * The status codes of {@code NetFileEnum}, {@code NetFileClose} and {@code NetSessionDel} (and their srvsvc RPCs),
 * turned into results a helpdesk agent can act on. Both backends use this one table, as {@link NetApiStatus} is
 * used for sessions; transport and logon codes keep {@link NetApiStatus}'s wording.
 *
 * <p>The rights differ by server: Windows wants Administrators or Server Operators for all three calls; Samba wants
 * BUILTIN\Administrators to list and close files, and Domain Admins (RID 512) or root to end a session. Samba answers
 * 5 from {@code NetrSessionDel} also when no session matched, so that refusal says so.
 */
public final class FileApiStatus {
    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int NERR_FILE_ID_NOT_FOUND = 2314;

    private FileApiStatus() {
    }

    /** Maps a non-success {@code NetFileEnum} status as asked by the srvsvc backend (the configured account). */
    public static NetApiError listError(long status, String server) {
        return listError(status, server, CallerAccount.SRVSVC_CONFIGURED);
    }

    /**
     * Maps a non-success {@code NetFileEnum} status for {@code server} to an error with message and remedy; logon
     * problems are explained for the account that asked.
     */
    public static NetApiError listError(long status, String server, CallerAccount caller) {
        return switch ((int) status) {
            case NetApiStatus.ERROR_ACCESS_DENIED -> new NetApiError(ErrorKind.ACCESS_DENIED, status,
                    "Access denied: your account may not list the open files on " + server + ".",
                    filesRemedy(server));
            case NetApiStatus.ERROR_INVALID_LEVEL -> new NetApiError(ErrorKind.INVALID_LEVEL, status,
                    server + " does not support this information level for open files.", null);
            case NetApiStatus.ERROR_NOT_SUPPORTED -> new NetApiError(ErrorKind.OTHER, status,
                    server + " does not support listing open files.", null);
            default -> generic(status, server, "Listing the open files on " + server, caller);
        };
    }

    /** The outcome of {@code NetFileClose(fileId)} on {@code server} as the srvsvc backend asked it. */
    public static ActionResult closeResult(long status, String server, long fileId) {
        return closeResult(status, server, fileId, CallerAccount.SRVSVC_CONFIGURED);
    }

    /** The outcome of {@code NetFileClose(fileId)} on {@code server} from its status, asked as {@code caller}. */
    public static ActionResult closeResult(long status, String server, long fileId, CallerAccount caller) {
        return switch ((int) status) {
            case NetApiStatus.NERR_SUCCESS -> new ActionResult.Done();
            case ERROR_FILE_NOT_FOUND, NERR_FILE_ID_NOT_FOUND -> new ActionResult.AlreadyGone(
                    "File " + fileId + " is no longer open on " + server + ".");
            case NetApiStatus.ERROR_ACCESS_DENIED -> new ActionResult.Refused(new NetApiError(ErrorKind.ACCESS_DENIED,
                    status, "Access denied: your account may not close files on " + server + ".",
                    filesRemedy(server)));
            default -> new ActionResult.Refused(generic(status, server, "Closing file " + fileId + " on " + server,
                    caller));
        };
    }

    /** The outcome of {@code NetSessionDel(client, user)} on {@code server} as the srvsvc backend asked it. */
    public static ActionResult endSessionResult(long status, String server, String client, String user) {
        return endSessionResult(status, server, client, user, CallerAccount.SRVSVC_CONFIGURED);
    }

    /**
     * The outcome of {@code NetSessionDel(client, user)} on {@code server} from its status, asked as {@code caller}.
     *
     * @param client the client as a person reads it (without {@code \\}), or null for any
     * @param user   the user, or null for any
     */
    public static ActionResult endSessionResult(long status, String server, String client, String user,
                                                CallerAccount caller) {
        String sessions = describeSessions(client, user);
        return switch ((int) status) {
            case NetApiStatus.NERR_SUCCESS -> new ActionResult.Done();
            case NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND, NetApiStatus.NERR_USER_NOT_FOUND ->
                    new ActionResult.AlreadyGone("There is no session " + sessions + " on " + server + " any more.");
            case NetApiStatus.ERROR_ACCESS_DENIED -> new ActionResult.Refused(new NetApiError(ErrorKind.ACCESS_DENIED,
                    status, "Access denied: your account may not end sessions on " + server + ". (A Samba server"
                    + " also answers this way when no session " + sessions + " exists; if the session is no longer"
                    + " listed, it has already ended.)",
                    "On Windows the account needs membership of the local Administrators or Server Operators group"
                            + " on " + server + "; on Samba it must be root or a member of Domain Admins (RID 512)."));
            default -> new ActionResult.Refused(generic(status, server, "Ending the session " + sessions + " on "
                    + server, caller));
        };
    }

    /** "of user bob from client 10.0.0.5", "from client PC7", "of user bob". */
    static String describeSessions(String client, String user) {
        if (client == null && user == null) {
            throw new IllegalArgumentException("A session to end needs a client, a user or both");
        }
        String of = user == null ? "" : "of user " + user;
        String from = client == null ? "" : "from client " + ClientNames.strip(client);
        return of.isEmpty() ? from : from.isEmpty() ? of : of + " " + from;
    }

    private static String filesRemedy(String server) {
        return "On Windows the account needs membership of the local Administrators or Server Operators group on "
                + server + "; on Samba, membership of BUILTIN\\Administrators.";
    }

    /**
     * Transport, logon, account and name problems, and a stopped Server service, read as for sessions (explained for
     * {@code caller}); anything else names what was being done.
     */
    private static NetApiError generic(long status, String server, String doing, CallerAccount caller) {
        NetApiError shared = NetApiStatus.toError(status, server, caller);
        if (AccountErrors.forStatus(status, server, caller).isPresent()
                || status == NetApiStatus.NERR_SERVER_NOT_STARTED) {
            return shared;
        }
        return switch (shared.kind()) {
            case UNREACHABLE, INVALID_NAME, AUTHENTICATION_FAILED, TIMEOUT -> shared;
            default -> new NetApiError(shared.kind(), status, doing + " failed with status " + status + ".", null);
        };
    }
}
