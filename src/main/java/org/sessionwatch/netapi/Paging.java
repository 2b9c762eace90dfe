package org.sessionwatch.netapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The paging loop of {@code NetSessionEnum} and {@code NetFileEnum}, shared by both backends.
 *
 * <p>The first call passes resume handle 0; while a page comes back with {@code ERROR_MORE_DATA} the handle it
 * returned is passed back unchanged (it is opaque: Windows also returns non-zero handles on the last page, so the loop
 * stops on status 0, never on the handle). Sessions can shift between pages while the server's list changes, so an
 * entry that reappears on a later page is dropped; identical entries within one page are kept, since at level 0 two
 * sessions from one client look the same. The loop is generic over the entry type; {@link #sessions} and
 * {@link #openFiles} wrap its outcome in each call's result type.
 */
public final class Paging {

    /** A page that makes no progress this many times in a row is a broken server, not a long list. */
    static final int MAX_STALLED_PAGES = 3;
    /** Bounds the loop against a server that never stops answering {@code ERROR_MORE_DATA}. */
    static final int MAX_PAGES = 100_000;

    private Paging() {
    }

    /**
     * One page as a backend read it.
     *
     * @param resumeHandle the handle to pass back for the next page: a DWORD for {@code NetSessionEnum}, pointer-sized
     *                     for {@code NetFileEnum} ({@code PDWORD_PTR}), so it is held in a {@code long}
     */
    public record Page<T>(long status, List<T> entries, long resumeHandle) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** Fetches the page that starts at {@code resumeHandle}; throws for transport or decode failures. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(long resumeHandle) throws NetApiException;
    }

    /** What paging produced: every entry, or the error that stopped it. */
    public sealed interface Collected<T> {
        /** @param filterMiss set when the server said a filter matched nothing (then {@code entries} is empty) */
        record Complete<T>(List<T> entries, FilterMiss filterMiss) implements Collected<T> {
            public Complete {
                entries = List.copyOf(entries);
            }

            public Complete(List<T> entries) {
                this(entries, null);
            }
        }

        record Failed<T>(NetApiError error) implements Collected<T> {
        }
    }

    /** Pages through all sessions of {@code request.server()} at {@code request.level()}. */
    public static EnumerationResult sessions(EnumerationRequest request, PageFetcher<Session> fetcher) {
        return switch (collect(request.server(), fetcher)) {
            case Collected.Complete<Session> complete ->
                    new EnumerationResult.Success(request.server(), request.level(), complete.entries(),
                            complete.filterMiss());
            case Collected.Failed<Session> failed ->
                    new EnumerationResult.Failure(request.server(), request.level(), failed.error());
        };
    }

    /** Pages through all open files of {@code request.server()} at {@code request.level()}. */
    public static OpenFilesResult openFiles(OpenFilesRequest request, PageFetcher<OpenFile> fetcher) {
        return switch (collect(request.server(), fetcher)) {
            case Collected.Complete<OpenFile> complete ->
                    new OpenFilesResult.Success(request.server(), request.level(), complete.entries());
            case Collected.Failed<OpenFile> failed ->
                    new OpenFilesResult.Failure(request.server(), request.level(), failed.error());
        };
    }

    /**
     * Pages through every entry {@code server} has, whatever their type. Entries need value equality (records,
     * {@link Session}): that is how an entry repeated on a later page is recognised.
     */
    public static <T> Collected<T> collect(String server, PageFetcher<T> fetcher) {
        List<T> entries = new ArrayList<>();
        Set<T> seenOnEarlierPages = new HashSet<>();
        long resumeHandle = 0;
        int stalled = 0;
        try {
            for (int pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
                Page<T> page = fetcher.fetch(resumeHandle);
                long status = page.status();
                if (status != NetApiStatus.NERR_SUCCESS && status != NetApiStatus.ERROR_MORE_DATA) {
                    return FilterMiss.ofStatus(status)
                            .<Collected<T>>map(miss -> new Collected.Complete<>(entries, miss))
                            .orElseGet(() -> new Collected.Failed<>(NetApiStatus.toError(status, server)));
                }
                int added = 0;
                for (T entry : page.entries()) {
                    if (!seenOnEarlierPages.contains(entry)) {
                        entries.add(entry);
                        added++;
                    }
                }
                seenOnEarlierPages.addAll(page.entries());
                if (status == NetApiStatus.NERR_SUCCESS) {
                    return new Collected.Complete<>(entries);
                }
                stalled = added == 0 && page.resumeHandle() == resumeHandle ? stalled + 1 : 0;
                if (stalled >= MAX_STALLED_PAGES) {
                    return new Collected.Failed<>(NetApiStatus.protocolError(server,
                            "it kept answering 'more data' without returning any"));
                }
                resumeHandle = page.resumeHandle();
            }
            return new Collected.Failed<>(
                    NetApiStatus.protocolError(server, "it returned more than " + MAX_PAGES + " pages"));
        } catch (NetApiException e) {
            return new Collected.Failed<>(e.error());
        }
    }
}
