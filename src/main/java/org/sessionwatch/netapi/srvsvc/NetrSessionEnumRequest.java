package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.util.Objects;

import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.messages.RequestCall;

import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.InfoLevel;

/**
 * The {@code NetrSessionEnum} request (MS-SRVS 3.1.4.5, srvsvc opnum 12), marshalled as NDR20 little-endian with
 * dcerpc's {@link PacketOutput}. Send it with {@code transport.call(request)}; the answer is a
 * {@link NetrSessionEnumResponse}.
 *
 * <pre>
 * NET_API_STATUS NetrSessionEnum(
 *   [in, string, unique] SRVSVC_HANDLE ServerName,
 *   [in, string, unique] WCHAR* ClientName,
 *   [in, string, unique] WCHAR* UserName,
 *   [in, out] PSESSION_ENUM_STRUCT InfoStruct,
 *   [in] DWORD PreferedMaximumLength,
 *   [out] DWORD* TotalEntries,
 *   [in, out, unique] DWORD* ResumeHandle);
 * </pre>
 *
 * <p>On the wire: each string is a unique pointer immediately followed by its conformant varying UTF-16LE array
 * (counts include the NUL); {@code InfoStruct} is Level, the union discriminant (the same level), a pointer to an
 * empty container (EntriesRead 0, NULL Buffer); then PreferedMaximumLength and the unique ResumeHandle pointer with
 * its value. Referent ids are dcerpc's 0x00020000 + 4n, NULL pointers take none, pads are zero, which is byte for
 * byte what Windows and Samba clients send.
 */
public final class NetrSessionEnumRequest extends RequestCall<NetrSessionEnumResponse> {

    /** srvsvc's operation number for NetrSessionEnum. */
    public static final short OPNUM = 12;

    private final String serverName;
    private final String clientName;
    private final String userName;
    private final InfoLevel level;
    private final int preferredMaximumLength;
    private final Integer resumeHandle;
    private final String sessionServer;

    /**
     * Equivalent to the full constructor with the sessions' server taken from {@code serverName} without its leading
     * {@code \\} (the empty string when {@code serverName} is {@code null}).
     */
    public NetrSessionEnumRequest(String serverName, String clientName, String userName, InfoLevel level,
                                  int preferredMaximumLength, Integer resumeHandle) {
        this(serverName, clientName, userName, level, preferredMaximumLength, resumeHandle,
                serverName == null ? "" : ClientNames.strip(serverName));
    }

    /**
     * @param serverName             {@code ServerName}, sent as given (the caller adds {@code \\}); {@code null} sends a
     *                               NULL pointer, which names the server the pipe is open on
     * @param clientName             the {@code ClientName} filter as given (Windows wants {@code \\name}), or
     *                               {@code null} for all clients
     * @param userName               the {@code UserName} filter, or {@code null} for all users
     * @param level                  the information level to ask for
     * @param preferredMaximumLength {@code PreferedMaximumLength} in bytes; -1 is {@code MAX_PREFERRED_LENGTH}
     *                               (0xFFFFFFFF)
     * @param resumeHandle           the opaque handle from the previous page (0 for the first), or {@code null} to send a
     *                               NULL pointer and get everything in one answer or none
     * @param sessionServer          the server name to put into the decoded {@link org.sessionwatch.netapi.Session}s,
     *                               normally the name as configured
     */
    public NetrSessionEnumRequest(String serverName, String clientName, String userName, InfoLevel level,
                                  int preferredMaximumLength, Integer resumeHandle, String sessionServer) {
        super(OPNUM);
        this.serverName = NdrWriting.requireNoNul("ServerName", serverName);
        this.clientName = NdrWriting.requireNoNul("ClientName", clientName);
        this.userName = NdrWriting.requireNoNul("UserName", userName);
        this.level = Objects.requireNonNull(level, "level");
        this.preferredMaximumLength = preferredMaximumLength;
        this.resumeHandle = resumeHandle;
        this.sessionServer = Objects.requireNonNull(sessionServer, "sessionServer");
    }

    /** The stub bytes of a request with these parameters (see the constructor). */
    public static byte[] encode(String serverName, String clientName, String userName, InfoLevel level,
                                int preferredMaximumLength, Integer resumeHandle) {
        return new NetrSessionEnumRequest(serverName, clientName, userName, level, preferredMaximumLength,
                resumeHandle).toStubBytes();
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
        NdrWriting.writeEnumStruct(out, level.code(), preferredMaximumLength, resumeHandle);
    }

    @Override
    public NetrSessionEnumResponse getResponseObject() {
        return new NetrSessionEnumResponse(level, sessionServer);
    }

    public InfoLevel level() {
        return level;
    }

    public Integer resumeHandle() {
        return resumeHandle;
    }
}
