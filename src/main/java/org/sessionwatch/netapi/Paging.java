package org.sessionwatch.netapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code NetSessionEnum} paging loop both backends share.
 *
 * <p>The first call passes resume handle 0; while a page comes back with {@code ERROR_MORE_DATA} the handle it
 * returned is passed back unchanged (it is opaque: Windows also returns non-zero handles on the last page, so the loop
 * stops on status 0, never on the handle). Sessions can shift between pages while the server's list changes, so an
 * entry that reappears on a later page is dropped; identical entries within one page are kept, since at level 0 two
 * sessions from one client look the same.
 */
public final class Paging {

    /** A page that makes no progress this many times in a row is a broken server, not a long list. */
    static final int MAX_STALLED_PAGES = 3;
    /** Bounds the loop against a server that never stops answering {@code ERROR_MORE_DATA}. */
    static final int MAX_PAGES = 100_000;

    private Paging() {
    }

    /** One page as a backend read it. */
    public record Page(long status, List<Session> entries, int resumeHandle) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** Fetches the page that starts at {@code resumeHandle}; throws for transport or decode failures. */
    @FunctionalInterface
    public interface PageFetcher {
        Page fetch(int resumeHandle) throws NetApiException;
    }

    /** Pages through all sessions of {@code request.server()} at {@code request.level()}. */
    public static EnumerationResult collect(EnumerationRequest request, PageFetcher fetcher) {
        String server = request.server();
        InfoLevel level = request.level();
        List<Session> sessions = new ArrayList<>();
        Set<Session> seenOnEarlierPages = new HashSet<>();
        int resumeHandle = 0;
        int stalled = 0;
        try {
            for (int pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
                Page page = fetcher.fetch(resumeHandle);
                long status = page.status();
                if (status != NetApiStatus.NERR_SUCCESS && status != NetApiStatus.ERROR_MORE_DATA) {
                    return FilterMiss.ofStatus(status)
                            .<EnumerationResult>map(miss -> new EnumerationResult.Success(server, level, sessions, miss))
                            .orElseGet(() -> new EnumerationResult.Failure(server, level,
                                    NetApiStatus.toError(status, server)));
                }
                int added = 0;
                for (Session session : page.entries()) {
                    if (!seenOnEarlierPages.contains(session)) {
                        sessions.add(session);
                        added++;
                    }
                }
                seenOnEarlierPages.addAll(page.entries());
                if (status == NetApiStatus.NERR_SUCCESS) {
                    return new EnumerationResult.Success(server, level, sessions);
                }
                stalled = added == 0 && page.resumeHandle() == resumeHandle ? stalled + 1 : 0;
                if (stalled >= MAX_STALLED_PAGES) {
                    return new EnumerationResult.Failure(server, level, NetApiStatus.protocolError(server,
                            "it kept answering 'more data' without returning any"));
                }
                resumeHandle = page.resumeHandle();
            }
            return new EnumerationResult.Failure(server, level,
                    NetApiStatus.protocolError(server, "it returned more than " + MAX_PAGES + " pages"));
        } catch (NetApiException e) {
            return new EnumerationResult.Failure(server, level, e.error());
        }
    }
}
