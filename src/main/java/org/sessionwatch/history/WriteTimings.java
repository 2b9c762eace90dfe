package org.sessionwatch.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The slowest writes of a recorder and what went on around each: how long it sat in the queue, ran and committed,
 * the retention batch before it and the WAL checkpoint at that moment. Read by the retention figure's notes, which
 * must say what a slow write waited for, not only that it was slow; counted from the first retention batch on.
 * Written by the writer thread only.
 */
final class WriteTimings {
    /** One write, queued to committed, with its parts; {@code around} tells what else happened then. */
    record SlowWrite(long totalNanos, long queueNanos, long executeNanos, long commitNanos, int items, String around) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f ms (queue %.1f, execute %.1f, commit %.1f; %d items; %s)",
                    totalNanos / 1e6, queueNanos / 1e6, executeNanos / 1e6, commitNanos / 1e6, items, around);
        }
    }

    private record Batch(String kind, int rows, long startNanos, long endNanos) {
    }

    private final int keep;
    private volatile List<SlowWrite> slowest = List.of();
    private Batch lastBatch;

    /** @param keep how many of the slowest writes are kept */
    WriteTimings(int keep) {
        this.keep = keep;
    }

    /** A retention batch has run; the first one starts the count afresh (writes before it waited for no retention). */
    void retentionBatch(String kind, int rows, long startNanos, long endNanos) {
        if (lastBatch == null) {
            slowest = List.of();
        }
        lastBatch = new Batch(kind, rows, startNanos, endNanos);
    }

    /**
     * A write has committed.
     *
     * @param queuedNanos when its earliest item was queued
     * @param checkpoint  what the last checkpoint was, seen from a write queued at the given time (asked only when
     *                    the write is one of the slowest)
     */
    void write(long queuedNanos, long takenNanos, long executedNanos, long committedNanos, int items,
               LongFunction<String> checkpoint) {
        long total = committedNanos - queuedNanos;
        List<SlowWrite> current = slowest;
        if (current.size() == keep && current.get(keep - 1).totalNanos() >= total) {
            return;
        }
        String around = batchBefore(takenNanos) + "; "
                + checkpoint.apply(queuedNanos);
        List<SlowWrite> next = new ArrayList<>(current);
        next.add(new SlowWrite(total, takenNanos - queuedNanos, executedNanos - takenNanos,
                committedNanos - executedNanos, items, around));
        next.sort((a, b) -> Long.compare(b.totalNanos(), a.totalNanos()));
        slowest = List.copyOf(next.subList(0, Math.min(keep, next.size())));
    }

    /** The slowest writes so far, slowest first (any thread). */
    List<SlowWrite> slowest() {
        return slowest;
    }

    private String batchBefore(long takenNanos) {
        Batch batch = lastBatch;
        if (batch == null) {
            return "no retention batch yet";
        }
        return String.format(Locale.ROOT, "last retention batch %s, %d rows, %.1f ms, ended %.1f ms before", batch.kind(),
                batch.rows(), (batch.endNanos() - batch.startNanos()) / 1e6, (takenNanos - batch.endNanos()) / 1e6);
    }
}
