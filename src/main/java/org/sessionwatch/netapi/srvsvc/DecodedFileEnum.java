package org.sessionwatch.netapi.srvsvc;

import java.util.List;
import java.util.Objects;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;

/**
 * One decoded {@code NetrFileEnum} response page.
 *
 * @param level        the information level of the entries (always the one requested: another is a decode error)
 * @param status       the {@code NET_API_STATUS} from the stub, unsigned (0, 234 = more data, 5, 124, ...)
 * @param entries      the open files on this page; empty unless {@code status} is 0 or 234, since the buffer means
 *                     nothing with any other status
 * @param totalEntries {@code TotalEntries}, unsigned: the server's estimate across pages
 * @param resumeHandle the opaque handle to send back for the next page, or {@code null} for a NULL pointer
 */
public record DecodedFileEnum(FileInfoLevel level, long status, List<OpenFile> entries, long totalEntries,
                              Integer resumeHandle) {

    public DecodedFileEnum {
        Objects.requireNonNull(level, "level");
        entries = List.copyOf(entries);
    }

    /** Whether another page follows ({@code ERROR_MORE_DATA}). */
    public boolean hasMoreData() {
        return status == NetApiStatus.ERROR_MORE_DATA;
    }
}
