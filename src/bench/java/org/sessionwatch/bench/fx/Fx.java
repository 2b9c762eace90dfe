package org.sessionwatch.bench.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/** Starting the JavaFX toolkit in a benchmark JVM and running work on its thread. */
final class Fx {
    private Fx() {
    }

    /** Starts the toolkit (headless Monocle when the JVM has the properties of {@code ChildJvm.HEADLESS_FX}). */
    static void start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The JavaFX toolkit did not start within 30 s");
        }
        Platform.setImplicitExit(false);
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }
}
