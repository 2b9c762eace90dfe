package org.sessionwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.Supplier;

/**
 * Retained-heap measurement by difference: used heap after several full collections, before and after building a
 * structure that is kept reachable. Run in a JVM of its own with the serial collector, whose full collections
 * compact everything, so the difference is the structure and little else.
 */
public final class Heap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {
    }

    /** Used heap after enough full collections that it stops shrinking. */
    public static long usedAfterGc() {
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (round >= 3 && used >= previous) {
                return used;
            }
            previous = Math.min(previous, used);
        }
        return previous;
    }

    /** A built structure and the heap it retains. */
    public record Retained<T>(T value, long bytes) {
    }

    /** Builds {@code structure} and returns it with the bytes it retains (keep the value reachable until used). */
    public static <T> Retained<T> retainedBy(Supplier<T> structure) {
        long before = usedAfterGc();
        T value = structure.get();
        long after = usedAfterGc();
        return new Retained<>(value, after - before);
    }
}
