package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;

import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.io.ndr.Alignment;
import com.rapid7.client.dcerpc.messages.RequestCall;

/**
 * The {@code NetrFileClose} request (MS-SRVS 3.1.4.4, srvsvc opnum 11): forces one open file closed.
 *
 * <pre>
 * NET_API_STATUS NetrFileClose(
 *   [in, string, unique] SRVSVC_HANDLE ServerName,
 *   [in] DWORD FileId);
 * </pre>
 *
 * <p>The answer is a {@link NetApiStatusResponse}: 0, or 2 / 2314 when the file is no longer open (Samba answers 2,
 * Windows 2314), or 5 when the caller may not close files.
 */
public final class NetrFileCloseRequest extends RequestCall<NetApiStatusResponse> {

    /** srvsvc's operation number for NetrFileClose. */
    public static final short OPNUM = 11;
    private static final long DWORD_MAX = 0xFFFF_FFFFL;

    private final String serverName;
    private final long fileId;

    /**
     * @param serverName {@code ServerName} as sent (the caller adds {@code \\}), or {@code null} for the server the
     *                   pipe is open on
     * @param fileId     the id from {@code NetrFileEnum}, an unsigned 32-bit value (0 to 4294967295)
     */
    public NetrFileCloseRequest(String serverName, long fileId) {
        super(OPNUM);
        if (fileId < 0 || fileId > DWORD_MAX) {
            throw new IllegalArgumentException("File id " + fileId + " is not an unsigned 32-bit value");
        }
        this.serverName = NdrWriting.requireNoNul("ServerName", serverName);
        this.fileId = fileId;
    }

    public long fileId() {
        return fileId;
    }

    /** This request's stub bytes: what goes after the request PDU header. */
    public byte[] toStubBytes() {
        return NdrWriting.stubBytes(this);
    }

    @Override
    public void marshal(PacketOutput out) throws IOException {
        NdrWriting.writeUniqueString(out, serverName);
        out.align(Alignment.FOUR);
        out.writeInt((int) fileId); // the low 32 bits: ids above 2^31 go out unchanged
    }

    @Override
    public NetApiStatusResponse getResponseObject() {
        return new NetApiStatusResponse();
    }
}
