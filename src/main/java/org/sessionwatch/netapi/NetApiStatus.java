package org.sessionwatch.netapi;

import java.util.Optional;

/**
 * The status codes {@code NetSessionEnum} and {@code NetrSessionEnum} return, and their mapping to {@link NetApiError}.
 * Both backends use this one table so the same server problem reads the same whichever way it was asked.
 */
public final class NetApiStatus {
    /** The SMB port the Windows API connects to, whatever a server's configuration says. */
    public static final int NETAPI_PORT = 445;
    public static final int NERR_SUCCESS = 0;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    public static final int ERROR_NOT_SUPPORTED = 50;
    public static final int ERROR_BAD_NETPATH = 53;
    public static final int ERROR_NETWORK_ACCESS_DENIED = 65;
    public static final int ERROR_NETNAME_DELETED = 64;
    public static final int ERROR_BAD_NET_NAME = 67;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int ERROR_INVALID_NAME = 123;
    public static final int ERROR_INVALID_LEVEL = 124;
    public static final int ERROR_MORE_DATA = 234;
    public static final int ERROR_SEM_TIMEOUT = 121;
    public static final int ERROR_NETWORK_UNREACHABLE = 1231;
    public static final int ERROR_HOST_UNREACHABLE = 1232;
    public static final int ERROR_LOGON_FAILURE = 1326;
    public static final int ERROR_ACCOUNT_RESTRICTION = 1327;
    public static final int ERROR_PASSWORD_EXPIRED = 1330;
    public static final int ERROR_ACCOUNT_DISABLED = 1331;
    public static final int ERROR_TRUSTED_RELATIONSHIP_FAILURE = 1789;
    public static final int RPC_S_SERVER_UNAVAILABLE = 1722;
    public static final int RPC_S_CALL_FAILED = 1726;
    public static final int RPC_S_CALL_FAILED_DNE = 1727;
    public static final int RPC_S_PROCNUM_OUT_OF_RANGE = 1745;
    public static final int ERROR_TIMEOUT = 1460;
    public static final int ERROR_SESSION_CREDENTIAL_CONFLICT = 1219;
    public static final int ERROR_NO_LOGON_SERVERS = 1311;
    public static final int NERR_SERVER_NOT_STARTED = 2114;
    public static final int NERR_USER_NOT_FOUND = 2221;
    public static final int NERR_CLIENT_NAME_NOT_FOUND = 2312;
    public static final int NERR_INVALID_COMPUTER = 2351;

    /** {@code MAX_PREFERRED_LENGTH}: let the server size the buffer to hold everything. */
    public static final int MAX_PREFERRED_LENGTH = -1;

    private static final String ADMIN_REMEDY =
            "Ask for membership of the local Administrators or Server Operators group on %s. Since Windows Server 2016"
                    + " / Windows 10 1607 even levels 0 and 10 are admin-only unless the SrvsvcSessionInfo ACL under"
                    + " HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\DefaultSecurity grants your helpdesk"
                    + " group access.";

    private NetApiStatus() {
    }

    /**
     * Maps a non-success status as the srvsvc backend, which logs on with the configured account, explains it (see
     * {@link #toError(long, String, CallerAccount)}).
     */
    public static NetApiError toError(long status, String server) {
        return toError(status, server, CallerAccount.SRVSVC_CONFIGURED);
    }

    /**
     * Maps a non-success status returned for {@code server} to an error with message and remedy; logon problems are
     * explained for the account that asked ({@link AccountErrors}).
     */
    public static NetApiError toError(long status, String server, CallerAccount caller) {
        Optional<NetApiError> accountError = AccountErrors.forStatus(status, server, caller);
        if (accountError.isPresent()) {
            return accountError.get();
        }
        int code = (int) status;
        return switch (code) {
            case ERROR_ACCESS_DENIED -> new NetApiError(ErrorKind.ACCESS_DENIED, status,
                    "Access denied: your account may not list sessions on " + server + ".",
                    ADMIN_REMEDY.formatted(server));
            case ERROR_INVALID_LEVEL -> new NetApiError(ErrorKind.INVALID_LEVEL, status,
                    server + " does not support this information level.", null);
            case ERROR_BAD_NETPATH, ERROR_NETNAME_DELETED, ERROR_BAD_NET_NAME, ERROR_NETWORK_UNREACHABLE,
                 ERROR_HOST_UNREACHABLE, RPC_S_SERVER_UNAVAILABLE -> unreachable(server, NETAPI_PORT, status);
            case ERROR_INVALID_NAME, NERR_INVALID_COMPUTER -> new NetApiError(ErrorKind.INVALID_NAME, status,
                    "'" + server + "' is not a valid server name.",
                    "Use a host name, an IP address or \\\\NAME.");
            case ERROR_INVALID_PARAMETER -> new NetApiError(ErrorKind.OTHER, status,
                    server + " rejected the request as invalid.", "Check the server name and filters.");
            case NERR_SERVER_NOT_STARTED -> new NetApiError(ErrorKind.OTHER, status,
                    "The Server service is not running on " + server + ", so it shares nothing and has no sessions"
                            + " to list.",
                    "Start the Server service (LanmanServer) on " + server + ", or ask its administrator to.");
            case ERROR_SEM_TIMEOUT, ERROR_TIMEOUT -> timeout(server, status);
            case RPC_S_CALL_FAILED, RPC_S_CALL_FAILED_DNE, RPC_S_PROCNUM_OUT_OF_RANGE ->
                    new NetApiError(ErrorKind.PROTOCOL_ERROR, status,
                            "The session-list call to " + server + " failed in the RPC layer.", null);
            case ERROR_NOT_SUPPORTED -> new NetApiError(ErrorKind.OTHER, status,
                    server + " does not support listing sessions.", null);
            case ERROR_NOT_ENOUGH_MEMORY -> new NetApiError(ErrorKind.OTHER, status,
                    server + " ran out of memory answering the request.", null);
            case NERR_USER_NOT_FOUND -> new NetApiError(ErrorKind.OTHER, status,
                    "No session of that user on " + server + ".", null);
            case NERR_CLIENT_NAME_NOT_FOUND -> new NetApiError(ErrorKind.OTHER, status,
                    "No session from that client on " + server + ".", null);
            case ERROR_MORE_DATA -> new NetApiError(ErrorKind.PROTOCOL_ERROR, status,
                    server + " had more data, but paging did not complete.", null);
            default -> new NetApiError(ErrorKind.OTHER, status,
                    "Listing sessions on " + server + " failed with status " + status + ".", null);
        };
    }

    /**
     * The error for a server that could not be reached on TCP {@code port}: the Windows API always connects to
     * {@link #NETAPI_PORT}, srvsvc to the port the server is configured with.
     */
    public static NetApiError unreachable(String server, int port, long status) {
        return new NetApiError(ErrorKind.UNREACHABLE, status, server + " could not be reached.",
                unreachableRemedy(port));
    }

    /** What to check when a server does not accept a connection on TCP {@code port}. */
    public static String unreachableRemedy(int port) {
        return "Check the name, that the server is running and that TCP port " + port + " is open to you.";
    }

    /** The error for a call abandoned after its deadline. */
    public static NetApiError timeout(String server, long status) {
        return new NetApiError(ErrorKind.TIMEOUT, status, server + " did not answer in time.",
                "The server may be overloaded or a firewall may drop the traffic.");
    }

    /** The error for malformed data from the server; {@code detail} says what was wrong with it. */
    public static NetApiError protocolError(String server, String detail) {
        return new NetApiError(ErrorKind.PROTOCOL_ERROR, 0,
                server + " sent a malformed answer: " + detail + ".", null);
    }
}
