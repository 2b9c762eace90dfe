package org.sessionwatch.netapi.srvsvc;

import java.util.List;
import java.util.Objects;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.Session;

/**
 * One decoded {@code NetrSessionEnum} response page.
 *
 * @param level        the information level of the entries (always the one requested: another is a decode error)
 * @param status       the {@code NET_API_STATUS} the server returned in the stub, unsigned (0, 234 = more data, 5 =
 *                     access denied, ...)
 * @param entries      the sessions on this page; empty unless {@code status} is {@link NetApiStatus#NERR_SUCCESS} or
 *                     {@link NetApiStatus#ERROR_MORE_DATA}, since the buffer means nothing with any other status
 * @param totalEntries {@code TotalEntries}, unsigned: the server's estimate of all sessions, across pages
 * @param resumeHandle the opaque handle to send back for the next page, or {@code null} when the server returned a
 *                     NULL {@code ResumeHandle} pointer
 */
public record DecodedSessionEnum(InfoLevel level, long status, List<Session> entries, long totalEntries,
                                 Integer resumeHandle) {

    public DecodedSessionEnum {
        Objects.requireNonNull(level, "level");
        entries = List.copyOf(entries);
    }

    /** Whether another page follows ({@code ERROR_MORE_DATA}); the loop must stop on status 0, not on the handle. */
    public boolean hasMoreData() {
        return status == NetApiStatus.ERROR_MORE_DATA;
    }
}
