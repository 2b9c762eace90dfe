package org.sessionwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The slowest writes a recorder keeps for the retention figure's notes, and what each is said to have waited for. */
class WriteTimingsTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A write queued at {@code at} ms that sat {@code queue}, ran {@code execute} and committed in {@code commit}. */
    private static void write(WriteTimings timings, long at, long queue, long execute, long commit) {
        long taken = (at + queue) * MS;
        timings.write(at * MS, taken, taken + execute * MS, taken + (execute + commit) * MS, 1,
                queued -> "checkpoint seen from " + queued / MS);
    }

    @Test
    void keepsTheSlowestWritesSlowestFirstWithTheirParts() {
        WriteTimings timings = new WriteTimings(2);
        timings.retentionBatch("INTERVALS", 96, 0, 4 * MS);
        write(timings, 10, 1, 2, 1);
        write(timings, 20, 30, 5, 2);
        write(timings, 30, 0, 1, 1);
        write(timings, 40, 3, 10, 1);

        assertThat(timings.slowest()).extracting(WriteTimings.SlowWrite::totalNanos)
                .containsExactly(37 * MS, 14 * MS);
        WriteTimings.SlowWrite slowest = timings.slowest().getFirst();
        assertThat(slowest.queueNanos()).isEqualTo(30 * MS);
        assertThat(slowest.executeNanos()).isEqualTo(5 * MS);
        assertThat(slowest.commitNanos()).isEqualTo(2 * MS);
        assertThat(slowest.around()).isEqualTo("last retention batch INTERVALS, 96 rows, 4.0 ms, ended 46.0 ms"
                + " before; checkpoint seen from 20");
        assertThat(slowest.toString()).startsWith("37.0 ms (queue 30.0, execute 5.0, commit 2.0; 1 items;");
    }

    @Test
    void writesBeforeTheFirstRetentionBatchAreForgottenWhenItStarts() {
        WriteTimings timings = new WriteTimings(3);
        write(timings, 0, 0, 200, 5);
        assertThat(timings.slowest()).singleElement()
                .satisfies(w -> assertThat(w.around()).startsWith("no retention batch yet"));

        timings.retentionBatch("SAMPLES", 10, 300 * MS, 301 * MS);
        assertThat(timings.slowest()).isEmpty();
        write(timings, 310, 1, 1, 1);
        timings.retentionBatch("SAMPLES", 10, 320 * MS, 321 * MS);
        assertThat(timings.slowest()).as("only the first batch starts afresh").hasSize(1);
    }
}
