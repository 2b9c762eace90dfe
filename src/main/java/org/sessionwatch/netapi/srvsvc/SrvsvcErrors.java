package org.sessionwatch.netapi.srvsvc;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.concurrent.TimeoutException;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiStatus;

import com.hierynomus.mssmb.SMB1NotSupportedException;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.protocol.transport.TransportException;
import com.hierynomus.smbj.session.SMB2GuestSigningRequiredException;
import com.rapid7.client.dcerpc.transport.exceptions.RPCFaultException;
import com.rapid7.helper.smbj.io.SMB2Exception;

/**
 * Translates what smbj and dcerpc throw into the shared {@link NetApiError} kinds, keeping the NTSTATUS or RPC fault
 * code as the error's code. Messages name the server and never carry a password (none of these libraries put one in
 * an exception; the configured user name is the most that appears).
 *
 * <p>A failure usually arrives wrapped (an {@code IOException} around an {@code ExecutionException} around smbj's
 * {@code TransportException} around the {@code SocketException}), so the whole cause chain is searched and the most
 * specific cause wins, in this order: malformed NDR, RPC fault, NTSTATUS, guest logon with signing, srvsvc bind
 * rejected, timeout, unknown host, connection refused / no route, connection lost.
 */
final class SrvsvcErrors {

    /** The answer when the server treats us as anonymous or guest, whatever status it used to say no. */
    static final String ANONYMOUS_REFUSED = "refuses to list sessions to anonymous or guest callers; configure a user";

    /**
     * @param error            what to show
     * @param connectionBroken the connection is unusable (lost, reset, session expired): drop it, and when it was
     *                         a connection kept from an earlier poll, reconnect once and try again
     */
    record Classified(NetApiError error, boolean connectionBroken) {
    }

    private SrvsvcErrors() {
    }

    /**
     * @param server the server's name as messages show it
     * @param port   the TCP port the connection was made to, which a refused connection's remedy names
     */
    static Classified classify(Throwable failure, String server, int port, boolean anonymousOrGuest) {
        Throwable[] chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof NdrFormatException) {
                return answer(NetApiStatus.protocolError(server, t.getMessage()));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof RPCFaultException fault) {
                return answer(rpcFault(Integer.toUnsignedLong(fault.getRpcFaultValue()), server, anonymousOrGuest));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMBApiException smb) {
                return ntStatus(smb.getStatusCode(), server, anonymousOrGuest);
            }
            if (t instanceof SMB2Exception smb) {
                return ntStatus(smb.getStatusCode(), server, anonymousOrGuest);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMB2GuestSigningRequiredException) {
                return answer(new NetApiError(ErrorKind.AUTHENTICATION_FAILED, 0,
                        server + " accepted the logon only as guest (it does not know the user, or it maps a wrong"
                                + " password to guest), and guest sessions cannot be signed.",
                        "Check the user name, domain and password configured for " + server + "."));
            }
            if (t instanceof SrvsvcPipe.BindRejectedException) {
                return answer(new NetApiError(ErrorKind.PROTOCOL_ERROR, 0,
                        server + " refused the MS-SRVS (srvsvc) RPC interface on its srvsvc pipe.", null));
            }
            if (t instanceof SMB1NotSupportedException) {
                return answer(new NetApiError(ErrorKind.PROTOCOL_ERROR, 0,
                        server + " speaks only SMB 1, which SessionWatch does not use.",
                        "Enable SMB 2 or 3 on the server."));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedByTimeoutException
                    || t instanceof TimeoutException) {
                return new Classified(NetApiStatus.timeout(server, NetApiStatus.ERROR_TIMEOUT), true);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return answer(new NetApiError(ErrorKind.UNREACHABLE, 0,
                        "The name " + server + " could not be resolved.",
                        "Check the spelling and the DNS settings, or use the IP address."));
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof PortUnreachableException) {
                return answer(NetApiStatus.unreachable(server, port, NetApiStatus.ERROR_BAD_NETPATH));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SocketException || t instanceof EOFException || t instanceof TransportException) {
                return new Classified(new NetApiError(ErrorKind.UNREACHABLE, NetApiStatus.ERROR_NETNAME_DELETED,
                        "The connection to " + server + " was lost.",
                        "The server may have restarted or a firewall may have closed the connection; the next poll"
                                + " reconnects."), true);
            }
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new Classified(new NetApiError(ErrorKind.OTHER, 0,
                "Listing sessions on " + server + " failed: " + detail + ".", null), true);
    }

    /** Maps an NTSTATUS from an SMB response (session setup, tree connect, pipe open, read, ioctl). */
    static Classified ntStatus(long status, String server, boolean anonymousOrGuest) {
        int code = (int) status;
        return switch (code) {
            case 0xC000006D, 0xC000006A, 0xC0000064 -> authentication(status, server,
                    "The user name or password configured for " + server + " is wrong.");
            case 0xC0000072 -> authentication(status, server, "The account configured for " + server + " is disabled.");
            case 0xC0000193 -> authentication(status, server, "The account configured for " + server + " has expired.");
            case 0xC0000234 -> authentication(status, server,
                    "The account configured for " + server + " is locked out.");
            case 0xC0000071, 0xC0000224 -> authentication(status, server,
                    "The password of the account configured for " + server + " has expired or must be changed.");
            case 0xC000006E, 0xC000006F, 0xC0000070, 0xC000015B -> authentication(status, server,
                    "The account configured for " + server + " may not log on from here or at this time.");
            case 0xC000018C, 0xC000018D -> authentication(status, server,
                    server + " could not verify the account with its domain (trust relationship failure).");
            case 0xC0000022 -> answer(accessDenied(status, server, anonymousOrGuest));
            case 0xC00000CA -> answer(anonymousOrGuest ? accessDenied(status, server, true)
                    : withCode(NetApiStatus.toError(NetApiStatus.ERROR_NETWORK_ACCESS_DENIED, server), status));
            case 0xC000005E -> answer(withCode(NetApiStatus.toError(NetApiStatus.ERROR_NO_LOGON_SERVERS, server), status));
            case 0xC00000CC -> answer(new NetApiError(ErrorKind.UNREACHABLE, status,
                    server + " does not offer the IPC$ share that remote administration needs.", null));
            case 0xC0000034, 0xC00000AC, 0xC00000AD -> answer(new NetApiError(ErrorKind.PROTOCOL_ERROR, status,
                    server + " does not offer the srvsvc named pipe.",
                    "Check that the Server service (Windows) or smbd and samba-dcerpcd (Samba) are running."));
            case 0xC00000B5 -> new Classified(NetApiStatus.timeout(server, status), true);
            case 0xC0000236, 0xC000023C, 0xC000023D -> answer(new NetApiError(ErrorKind.UNREACHABLE, status,
                    server + " could not be reached.",
                    "Check the name, that the server is running and that its SMB port is open to you."));
            case 0xC000035C, 0xC0000203, 0xC000020C, 0xC000014B, 0xC00000B0, 0xC0000128, 0xC0000008, 0xC00000C9 ->
                    new Classified(new NetApiError(ErrorKind.UNREACHABLE, status,
                            "The connection to " + server + " was lost.", "The next poll reconnects."), true);
            case 0xC00000BB -> answer(new NetApiError(ErrorKind.OTHER, status,
                    server + " does not support a request SessionWatch needs.", null));
            default -> new Classified(new NetApiError(ErrorKind.OTHER, status,
                    server + " answered with an unexpected SMB status.", null), false);
        };
    }

    /** Maps the status a {@code fault} PDU carries. */
    static NetApiError rpcFault(long fault, String server, boolean anonymousOrGuest) {
        if (fault == NetApiStatus.ERROR_ACCESS_DENIED) {
            return accessDenied(fault, server, anonymousOrGuest);
        }
        String what = switch ((int) fault) {
            case 0x1C010002, 0x000006D1 -> " does not implement NetrSessionEnum (RPC operation out of range).";
            case 0x1C010003, 0x000006A5 -> " does not know the srvsvc RPC interface.";
            case 0x000006F7, 0x1C00001A -> " rejected the NetrSessionEnum request as malformed.";
            default -> " answered NetrSessionEnum with an RPC fault.";
        };
        return new NetApiError(ErrorKind.PROTOCOL_ERROR, fault, server + what, null);
    }

    /** ACCESS_DENIED, worded for what was denied: an anonymous or guest caller, or a user without admin rights. */
    static NetApiError accessDenied(long code, String server, boolean anonymousOrGuest) {
        if (anonymousOrGuest) {
            return new NetApiError(ErrorKind.ACCESS_DENIED, code, server + " " + ANONYMOUS_REFUSED + ".",
                    "Enter a user name, domain and password for " + server
                            + " in the server settings; the account must be an administrator there.");
        }
        NetApiError plain = NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, server);
        return new NetApiError(ErrorKind.ACCESS_DENIED, code, plain.message(), plain.remedy());
    }

    private static Classified authentication(long status, String server, String message) {
        return answer(new NetApiError(ErrorKind.AUTHENTICATION_FAILED, status, message,
                "Check the user name, domain and password configured for " + server + "."));
    }

    /** The shared text for a Win32 status, carrying the NTSTATUS the server actually sent. */
    private static NetApiError withCode(NetApiError error, long ntStatus) {
        return new NetApiError(error.kind(), ntStatus, error.message(), error.remedy());
    }

    private static Classified answer(NetApiError error) {
        return new Classified(error, false);
    }

    private static Throwable[] chain(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 16 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain.toArray(Throwable[]::new);
    }
}
