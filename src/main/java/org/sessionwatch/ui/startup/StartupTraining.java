package org.sessionwatch.ui.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.sessionwatch.ui.SessionWatchApp;

/**
 * The training run of the start-up cache ({@link StartupCache}): a JVM that records what the window's start loads
 * and runs. It goes through the window's whole start path ({@link SessionWatchApp}, the demo fleet, since its home is
 * a scratch folder without a configuration, and a history file of its own), but never puts the window on screen:
 * where the window would be shown, it renders the scene off screen until the table has rows, selects the first one
 * (the details pane), renders a few more frames and quits. Started by {@link StartupCache#train}, never by a user.
 */
public final class StartupTraining {
    /** Exit code when the window did not show rows and quit within {@link #GIVE_UP}: the recording is thrown away. */
    static final int NO_ROWS = 3;
    static final Duration GIVE_UP = Duration.ofSeconds(90);
    /** Frames rendered once the table has rows: the first one selected, and a second poll's update. */
    private static final int FRAMES_WITH_ROWS = 20;
    private static final Duration FRAME = Duration.ofMillis(100);

    private StartupTraining() {
    }

    public static void main(String[] args) {
        Thread.ofPlatform().daemon().name("sessionwatch-training-deadline").start(() -> {
            try {
                Thread.sleep(GIVE_UP);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("sessionwatch training: not done within " + GIVE_UP.toSeconds() + " s");
            Runtime.getRuntime().halt(NO_ROWS);
        });
        Path home = Path.of(System.getProperty("user.home"));
        SessionWatchApp.launchHidden(new String[] {"--history-db", home.resolve("history.db").toString()},
                StartupTraining::exercise);
        // A normal exit: the JVM writes the recording now.
        System.exit(0);
    }

    /** Where the window would be shown: drive it off screen from a thread of its own. */
    private static void exercise(Stage stage) {
        Scene scene = stage.getScene();
        Thread.ofPlatform().daemon().name("sessionwatch-training").start(() -> drive(scene));
    }

    private static void drive(Scene scene) {
        try {
            int framesWithRows = 0;
            while (framesWithRows < FRAMES_WITH_ROWS) {
                Thread.sleep(FRAME);
                boolean rows = onFx(() -> {
                    // CSS, layout and rendering of the whole scene, as a pulse of a shown window does
                    scene.snapshot(null);
                    TableView<?> table = sessionTable(scene);
                    if (table != null && !table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
                        table.getSelectionModel().selectFirst();
                    }
                    return table != null && !table.getItems().isEmpty();
                });
                if (rows) {
                    framesWithRows++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("sessionwatch training: the window failed: " + e);
            Runtime.getRuntime().halt(NO_ROWS);
        }
        Platform.exit();
    }

    private static TableView<?> sessionTable(Scene scene) {
        Node node = scene.getRoot().lookup(".session-table");
        return node instanceof TableView<?> table ? table : null;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | LinkageError e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
    }
}
