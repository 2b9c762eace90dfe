package org.sessionwatch.netapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

class PagingTest {

    private static final EnumerationRequest REQUEST = EnumerationRequest.of("FS01");

    private static Session s(String client) {
        return Session.builder("FS01", InfoLevel.LEVEL_502).clientName(client).userName("u").build();
    }

    /** Serves scripted pages in order and records the resume handles it was given. */
    private static final class Script<T> implements Paging.PageFetcher<T> {
        final Deque<Object> pages = new ArrayDeque<>();
        final List<Long> handles = new ArrayList<>();

        @SafeVarargs
        final Script<T> page(long status, long nextHandle, T... entries) {
            pages.add(new Paging.Page<>(status, List.of(entries), nextHandle));
            return this;
        }

        Script<T> fail(NetApiError error) {
            pages.add(error);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Paging.Page<T> fetch(long resumeHandle) throws NetApiException {
            handles.add(resumeHandle);
            Object next = pages.poll();
            if (next == null) {
                throw new AssertionError("asked for a page after the last one");
            }
            if (next instanceof NetApiError error) {
                throw new NetApiException(error);
            }
            return (Paging.Page<T>) next;
        }
    }

    @Test
    void followsMoreDataPassingOpaqueHandlesBackUnchanged() {
        Script<Session> script = new Script<Session>()
                .page(NetApiStatus.ERROR_MORE_DATA, 0x7FFF_0001, s("a"), s("b"))
                .page(NetApiStatus.ERROR_MORE_DATA, 0xFFFF_FFFF_8000_0000L, s("c"))
                .page(NetApiStatus.NERR_SUCCESS, 99, s("d"));

        EnumerationResult result = Paging.sessions(REQUEST, script);

        // NetFileEnum's handle is pointer-sized: all 64 bits go back as they came
        assertThat(script.handles).containsExactly(0L, 0x7FFF_0001L, 0xFFFF_FFFF_8000_0000L);
        assertThat(sessions(result)).extracting(x -> x.clientName().orElseThrow()).containsExactly("a", "b", "c", "d");
        assertThat(result.level()).isEqualTo(InfoLevel.LEVEL_502);
    }

    @Test
    void stopsOnSuccessEvenWithANonZeroHandle() {
        Script<Session> script = new Script<Session>().page(NetApiStatus.NERR_SUCCESS, 42, s("a"));

        assertThat(sessions(Paging.sessions(REQUEST, script))).hasSize(1);
        assertThat(script.handles).containsExactly(0L);
    }

    @Test
    void dropsDuplicatesAcrossPagesButKeepsThemWithinAPage() {
        Session level0 = Session.builder("FS01", InfoLevel.LEVEL_0).clientName("10.0.0.1").build();
        Script<Session> script = new Script<Session>()
                .page(NetApiStatus.ERROR_MORE_DATA, 1, level0, level0, s("a"))
                .page(NetApiStatus.NERR_SUCCESS, 0, s("a"), level0, s("b"));

        List<Session> sessions = sessions(Paging.sessions(REQUEST.withLevel(InfoLevel.LEVEL_0), script));

        assertThat(sessions).containsExactly(level0, level0, s("a"), s("b"));
    }

    @Test
    void noMatchForTheFilterIsAnEmptySuccess() {
        for (long status : new long[] {NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND, NetApiStatus.NERR_USER_NOT_FOUND}) {
            EnumerationResult result = Paging.sessions(REQUEST, new Script<Session>().page(status, 0));

            assertThat(sessions(result)).as("status %d", status).isEmpty();
        }
    }

    @Test
    void errorStatusIsAFailureWithTheMappedError() {
        EnumerationResult result = Paging.sessions(REQUEST, new Script<Session>()
                .page(NetApiStatus.ERROR_MORE_DATA, 1, s("a"))
                .page(NetApiStatus.ERROR_ACCESS_DENIED, 0));

        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, f -> {
            assertThat(f.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
            assertThat(f.server()).isEqualTo("FS01");
        });
    }

    @Test
    void exceptionFromTheFetcherIsAFailure() {
        NetApiError broken = NetApiStatus.protocolError("FS01", "a string ran past the buffer");

        EnumerationResult result = Paging.sessions(REQUEST, new Script<Session>().fail(broken));

        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class,
                f -> assertThat(f.error()).isEqualTo(broken));
    }

    @Test
    void stalledPagesAreAProtocolError() {
        Script<Session> script = new Script<Session>();
        for (int i = 0; i < Paging.MAX_STALLED_PAGES; i++) {
            script.page(NetApiStatus.ERROR_MORE_DATA, 0);
        }

        EnumerationResult result = Paging.sessions(REQUEST, script);

        assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, f -> {
            assertThat(f.error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
            assertThat(f.error().message()).contains("FS01", "more data");
        });
        assertThat(script.handles).hasSize(Paging.MAX_STALLED_PAGES);
    }

    @Test
    void repeatedPagesWithTheSameHandleAndOnlyDuplicatesAlsoStall() {
        Script<Session> script = new Script<Session>().page(NetApiStatus.ERROR_MORE_DATA, 5, s("a"));
        for (int i = 0; i < Paging.MAX_STALLED_PAGES; i++) {
            script.page(NetApiStatus.ERROR_MORE_DATA, 5, s("a"));
        }

        assertThat(Paging.sessions(REQUEST, script)).isInstanceOf(EnumerationResult.Failure.class);
    }

    @Test
    void aPageWithNoEntriesButANewHandleIsProgress() {
        Script<Session> script = new Script<Session>()
                .page(NetApiStatus.ERROR_MORE_DATA, 1)
                .page(NetApiStatus.ERROR_MORE_DATA, 2)
                .page(NetApiStatus.ERROR_MORE_DATA, 3)
                .page(NetApiStatus.NERR_SUCCESS, 0, s("a"));

        assertThat(sessions(Paging.sessions(REQUEST, script))).hasSize(1);
    }

    private static List<Session> sessions(EnumerationResult result) {
        assertThat(result).isInstanceOf(EnumerationResult.Success.class);
        return ((EnumerationResult.Success) result).sessions();
    }

    @Test
    void pagesOpenFilesWithTheSameLoop() {
        OpenFile budget = new OpenFile("FS01", FileInfoLevel.LEVEL_3, 4_026_531_841L, 3L, 0L, "C:\\share\\budget.xlsx",
                "alice");
        OpenFile notes = new OpenFile("FS01", FileInfoLevel.LEVEL_3, 12L, 1L, 1L, "C:\\share\\notes.txt", "bob");
        Script<OpenFile> script = new Script<OpenFile>()
                .page(NetApiStatus.ERROR_MORE_DATA, 0x1_0000_0000L, budget)
                .page(NetApiStatus.NERR_SUCCESS, 0, budget, notes);

        OpenFilesResult result = Paging.openFiles(OpenFilesRequest.of("FS01"), script);

        assertThat(result).isEqualTo(new OpenFilesResult.Success("FS01", FileInfoLevel.LEVEL_3, List.of(budget, notes)));
        assertThat(script.handles).containsExactly(0L, 0x1_0000_0000L);
    }

    @Test
    void anOpenFilesFailureKeepsTheRequestedLevel() {
        NetApiError denied = NetApiStatus.toError(NetApiStatus.ERROR_ACCESS_DENIED, "FS01");
        OpenFilesResult result = Paging.openFiles(OpenFilesRequest.of("FS01").withLevel(FileInfoLevel.LEVEL_2),
                new Script<OpenFile>().fail(denied));
        assertThat(result).isEqualTo(new OpenFilesResult.Failure("FS01", FileInfoLevel.LEVEL_2, denied));
    }
}
