package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;

import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.messages.RequestCall;

/**
 * The {@code NetrSessionDel} request (MS-SRVS 3.1.4.6, srvsvc opnum 13): ends the sessions of a user, of a client or
 * of that user from that client.
 *
 * <pre>
 * NET_API_STATUS NetrSessionDel(
 *   [in, string, unique] SRVSVC_HANDLE ServerName,
 *   [in, string, unique] WCHAR* ClientName,
 *   [in, string, unique] WCHAR* UserName);
 * </pre>
 *
 * <p>The answer is a {@link NetApiStatusResponse}: 0, 2312 (no session from that client), 2221 (no session of that
 * user), or 5 (denied; Samba also answers 5 when nothing matched).
 */
public final class NetrSessionDelRequest extends RequestCall<NetApiStatusResponse> {

    /** srvsvc's operation number for NetrSessionDel. */
    public static final short OPNUM = 13;

    private final String serverName;
    private final String clientName;
    private final String userName;

    /**
     * @param serverName {@code ServerName} as sent (the caller adds {@code \\}), or {@code null} for the pipe's server
     * @param clientName {@code ClientName} as sent: Windows wants {@code \\name}; {@code null} for any client
     * @param userName   {@code UserName}, or {@code null} for any user; not both {@code null}, which would end every
     *                   session on the server
     */
    public NetrSessionDelRequest(String serverName, String clientName, String userName) {
        super(OPNUM);
        if (clientName == null && userName == null) {
            throw new IllegalArgumentException("Name a client, a user or both: without either NetrSessionDel would end"
                    + " every session on the server");
        }
        this.serverName = NdrWriting.requireNoNul("ServerName", serverName);
        this.clientName = NdrWriting.requireNoNul("ClientName", clientName);
        this.userName = NdrWriting.requireNoNul("UserName", userName);
    }

    /** This request's stub bytes: what goes after the request PDU header. */
    public byte[] toStubBytes() {
        return NdrWriting.stubBytes(this);
    }

    @Override
    public void marshal(PacketOutput out) throws IOException {
        NdrWriting.writeUniqueString(out, serverName);
        NdrWriting.writeUniqueString(out, clientName);
        NdrWriting.writeUniqueString(out, userName);
    }

    @Override
    public NetApiStatusResponse getResponseObject() {
        return new NetApiStatusResponse();
    }
}
