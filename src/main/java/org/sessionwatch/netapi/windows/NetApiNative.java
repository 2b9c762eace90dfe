package org.sessionwatch.netapi.windows;

import com.sun.jna.Pointer;

/**
 * The seam between {@link WindowsFileServer} and netapi32.dll: {@link Netapi32Native} calls the real functions,
 * tests script a fake. Implementations pass arguments and results through unchanged and add no policy.
 */
interface NetApiNative {

    /**
     * One {@code NetSessionEnum} call.
     *
     * @param serverName    {@code \\NAME}, or {@code null} for the local computer
     * @param uncClientName {@code \\client}, or {@code null} for all clients
     * @param userName      a user name, or {@code null} for all users
     * @param level         the {@code SESSION_INFO_n} level
     * @param prefMaxLen    {@code prefmaxlen} in bytes, {@code -1} for {@code MAX_PREFERRED_LENGTH}
     * @param resumeHandle  0 for the first page, afterwards the handle the previous page returned
     * @return what the call returned; a non-null buffer belongs to the caller, who must free it
     */
    EnumCall netSessionEnum(String serverName, String uncClientName, String userName, int level, int prefMaxLen,
                            int resumeHandle);

    /**
     * One {@code NetFileEnum} call.
     *
     * @param serverName   {@code \\NAME}, or {@code null} for the local computer
     * @param basePath     only files under this path, or {@code null}
     * @param userName     only files of this user, or {@code null}
     * @param level        the {@code FILE_INFO_n} level (2 or 3)
     * @param prefMaxLen   {@code prefmaxlen} in bytes, {@code -1} for {@code MAX_PREFERRED_LENGTH}
     * @param resumeHandle 0 for the first page, afterwards the handle the previous page returned; pointer-sized
     *                     ({@code PDWORD_PTR}), so a {@code long}
     * @return what the call returned; a non-null buffer belongs to the caller, who must free it
     */
    EnumCall netFileEnum(String serverName, String basePath, String userName, int level, int prefMaxLen,
                         long resumeHandle);

    /** {@code NetFileClose}: returns the {@code NET_API_STATUS}. {@code fileId} is the DWORD's bits. */
    int netFileClose(String serverName, int fileId);

    /** {@code NetSessionDel}: returns the {@code NET_API_STATUS}; {@code uncClientName} is {@code \\client}. */
    int netSessionDel(String serverName, String uncClientName, String userName);

    /** {@code NetApiBufferFree}: returns 0 on success or an error status. */
    int netApiBufferFree(Pointer buffer);

    /** {@code NetApiBufferSize}: how many bytes netapi32 allocated for {@code buffer}. */
    BufferSize netApiBufferSize(Pointer buffer);

    /**
     * The outputs of one {@code NetApiBufferSize} call.
     *
     * @param status    the {@code NET_API_STATUS}
     * @param byteCount {@code *ByteCount}, a DWORD, valid when {@code status} is 0
     */
    record BufferSize(int status, int byteCount) {
    }

    /**
     * The outputs of one {@code NetSessionEnum} or {@code NetFileEnum} call, as raw as they came.
     *
     * @param status       the {@code NET_API_STATUS}
     * @param buffer       {@code *bufptr}: the entries and their strings, or {@code null}
     * @param entriesRead  {@code *entriesread}, a DWORD
     * @param totalEntries {@code *totalentries}, a DWORD (a hint; Windows' value is not exact)
     * @param resumeHandle {@code *resume_handle}, opaque, to pass back for the next page: a DWORD read unsigned for
     *                     {@code NetSessionEnum}, pointer-sized for {@code NetFileEnum}
     */
    record EnumCall(int status, Pointer buffer, int entriesRead, int totalEntries, long resumeHandle) {
    }
}
