package org.sessionwatch.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something another thread or process does; fails with {@code what} when it does not happen in time. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.call();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        AssertionError failure = new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until "
                + what);
        if (last != null) {
            failure.initCause(last);
        }
        throw failure;
    }
}
