package org.sessionwatch.bench.fx;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The child JVM of the start-up benchmark. {@code app}: runs the real {@link org.sessionwatch.Launcher} unchanged and
 * watches the scene graph from the outside until a table shows its first row (a laid-out, non-empty
 * {@link TableRow}); {@code trivial}: the baseline, a JavaFX window with one label, until its first pulse. Either
 * way it prints {@code STARTUP-DONE <epoch millis>} and {@code STARTUP-VM <java.vm.info>}, and exits.
 */
public final class StartupProbe {
    static final String DONE = "STARTUP-DONE ";
    static final String WINDOW = "STARTUP-WINDOW ";
    /** The JVM's {@code java.vm.info}: "sharing" when it started from a class-data archive (the start-up cache). */
    static final String VM = "STARTUP-VM ";
    private static final AtomicBoolean WINDOW_SEEN = new AtomicBoolean();
    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "app" : args[0];
        switch (mode) {
            case "app" -> {
                Thread watcher = new Thread(StartupProbe::watchForRows, "bench-startup-watcher");
                watcher.setDaemon(true);
                watcher.start();
                org.sessionwatch.Launcher.main(new String[0]);
            }
            case "trivial" -> Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new Label("SessionWatch"), 640, 400));
                stage.show();
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        report();
                    }
                }.start();
            });
            default -> throw new IllegalArgumentException("Invalid mode '" + mode + "': use app or trivial");
        }
    }

    /** Asks the FX thread every 2 ms (once the toolkit is up) whether any window shows a table row with an item. */
    private static void watchForRows() {
        AtomicBoolean checkPending = new AtomicBoolean();
        while (!REPORTED.get()) {
            if (checkPending.compareAndSet(false, true)) {
                try {
                    Platform.runLater(() -> {
                        if (!WINDOW_SEEN.get() && Window.getWindows().stream().anyMatch(Window::isShowing)) {
                            WINDOW_SEEN.set(true);
                            System.out.println(WINDOW + System.currentTimeMillis());
                        }
                        if (hasFilledRow()) {
                            report();
                        }
                        checkPending.set(false);
                    });
                } catch (IllegalStateException toolkitNotStartedYet) {
                    checkPending.set(false);
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean hasFilledRow() {
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            if (window.isShowing() && scene != null && scene.getRoot() != null) {
                for (Node node : scene.getRoot().lookupAll(".table-row-cell")) {
                    if (node instanceof TableRow<?> row && !row.isEmpty() && row.getItem() != null
                            && row.isVisible()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void report() {
        if (REPORTED.compareAndSet(false, true)) {
            System.out.println(DONE + System.currentTimeMillis());
            System.out.println(VM + System.getProperty("java.vm.info", ""));
            System.out.flush();
            if (Boolean.getBoolean("bench.profile")) {
                // a normal exit, off the FX thread, so a flight recording is written; slower, so only to profile
                Thread.ofPlatform().start(() -> System.exit(0));
            } else {
                Runtime.getRuntime().halt(0);
            }
        }
    }
}
