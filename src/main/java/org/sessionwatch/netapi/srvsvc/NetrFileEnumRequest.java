package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.util.Objects;

import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.messages.RequestCall;

import org.sessionwatch.netapi.FileInfoLevel;

/**
 * The {@code NetrFileEnum} request (MS-SRVS 3.1.4.1, srvsvc opnum 9), NDR20 little-endian. The answer is a
 * {@link NetrFileEnumResponse}.
 *
 * <pre>
 * NET_API_STATUS NetrFileEnum(
 *   [in, string, unique] SRVSVC_HANDLE ServerName,
 *   [in, string, unique] WCHAR* BasePath,
 *   [in, string, unique] WCHAR* UserName,
 *   [in, out] PFILE_ENUM_STRUCT InfoStruct,
 *   [in] DWORD PreferedMaximumLength,
 *   [out] DWORD* TotalEntries,
 *   [in, out, unique] DWORD* ResumeHandle);
 * </pre>
 *
 * <p>Laid out exactly as {@link NetrSessionEnumRequest}, with BasePath in the place of ClientName. Samba 4.17 ignores
 * BasePath, PreferedMaximumLength and the resume handle and always answers everything at once.
 */
public final class NetrFileEnumRequest extends RequestCall<NetrFileEnumResponse> {

    /** srvsvc's operation number for NetrFileEnum. */
    public static final short OPNUM = 9;

    private final String serverName;
    private final String basePath;
    private final String userName;
    private final FileInfoLevel level;
    private final int preferredMaximumLength;
    private final Integer resumeHandle;
    private final String fileServer;

    /**
     * @param serverName             {@code ServerName} as sent (the caller adds {@code \\}), or {@code null} for the
     *                               server the pipe is open on
     * @param basePath               only files under this path, or {@code null} for all
     * @param userName               only files this user opened, or {@code null} for all
     * @param level                  the information level to ask for
     * @param preferredMaximumLength {@code PreferedMaximumLength} in bytes; -1 is {@code MAX_PREFERRED_LENGTH}
     * @param resumeHandle           the handle from the previous page (0 for the first), or {@code null} for a NULL
     *                               pointer
     * @param fileServer             the server name to put into the decoded {@link org.sessionwatch.netapi.OpenFile}s
     */
    public NetrFileEnumRequest(String serverName, String basePath, String userName, FileInfoLevel level,
                               int preferredMaximumLength, Integer resumeHandle, String fileServer) {
        super(OPNUM);
        this.serverName = NdrWriting.requireNoNul("ServerName", serverName);
        this.basePath = NdrWriting.requireNoNul("BasePath", basePath);
        this.userName = NdrWriting.requireNoNul("UserName", userName);
        this.level = Objects.requireNonNull(level, "level");
        this.preferredMaximumLength = preferredMaximumLength;
        this.resumeHandle = resumeHandle;
        this.fileServer = Objects.requireNonNull(fileServer, "fileServer");
    }

    /** This request's stub bytes: what goes after the request PDU header. */
    public byte[] toStubBytes() {
        return NdrWriting.stubBytes(this);
    }

    @Override
    public void marshal(PacketOutput out) throws IOException {
        NdrWriting.writeUniqueString(out, serverName);
        NdrWriting.writeUniqueString(out, basePath);
        NdrWriting.writeUniqueString(out, userName);
        NdrWriting.writeEnumStruct(out, level.code(), preferredMaximumLength, resumeHandle);
    }

    @Override
    public NetrFileEnumResponse getResponseObject() {
        return new NetrFileEnumResponse(level, fileServer);
    }

    public FileInfoLevel level() {
        return level;
    }
}
