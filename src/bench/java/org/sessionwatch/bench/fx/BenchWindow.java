package org.sessionwatch.bench.fx;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.sessionwatch.config.AppConfig;
import org.sessionwatch.ui.AppContext;
import org.sessionwatch.ui.MainWindow;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.ui.export.SessionExport;
import org.sessionwatch.ui.main.WindowActions;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * The application's real monitoring window (FXML, controllers, view models, poll scheduler, stylesheet), built as
 * {@code SessionWatchApp} builds it, but with the sessions coming from a source the benchmark controls and without
 * the configuration files, keyring and dialogs of the real environment.
 */
final class BenchWindow implements AutoCloseable {
    final AppContext context;
    final Stage stage;
    final Scene scene;
    final TableView<SessionRow> table;

    private BenchWindow(AppContext context, Stage stage, Scene scene, TableView<SessionRow> table) {
        this.context = context;
        this.stage = stage;
        this.scene = scene;
        this.table = table;
    }

    /** Opens the window; call on the FX thread. The scheduler starts polling {@code source} at once. */
    static BenchWindow open(AppConfig config, PollSource source) {
        return open(config, source, Platform::runLater);
    }

    /** As {@link #open(AppConfig, PollSource)}, with the window's work for the FX thread going to fxThread. */
    static BenchWindow open(AppConfig config, PollSource source, Consumer<Runnable> fxThread) {
        MainWindow.applyTheme(false);
        AppContext context = new AppContext(config, c -> source, new NoDialogs(), Clock.systemUTC(),
                ZoneId.systemDefault(), fxThread);
        Stage stage = new Stage();
        Scene scene = new MainWindow(context).show(stage, 1360, 840);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return new BenchWindow(context, stage, scene, context.sessionTable());
    }

    /**
     * CSS of every node of the window, then its layout: for setting a benchmark up, never inside a timed step. It
     * re-styles all of the window's nodes, changed or not, which a pulse never does (a pulse re-styles only the nodes
     * whose style may have changed): {@link #nextLayoutPulse} is what a change costs the app.
     */
    void styleAndLayoutAll() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /**
     * Waits, on the calling thread (not the FX thread), until the FX thread's next pulse has run its CSS and layout
     * passes, as every change in the app is styled and laid out. Returns the wall-clock milliseconds from the moment
     * the FX thread has run what was posted before the call to the end of that layout pass, and the FX thread's CPU
     * milliseconds over the same time ({@code fxCpuNanos} reads that thread's CPU time).
     */
    double[] nextLayoutPulse(LongSupplier fxCpuNanos) throws Exception {
        long[] start = new long[2];
        CompletableFuture<double[]> laidOut = new CompletableFuture<>();
        Runnable listener = new Runnable() {
            @Override
            public void run() {
                laidOut.complete(new double[] {(System.nanoTime() - start[0]) / 1e6,
                        (fxCpuNanos.getAsLong() - start[1]) / 1e6});
                // not during the pulse that is iterating over its listeners
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
            }
        };
        Fx.run(() -> { // queued behind what was posted before the call
            start[0] = System.nanoTime();
            start[1] = fxCpuNanos.getAsLong();
            scene.addPostLayoutPulseListener(listener);
            Platform.requestNextPulse();
        });
        return laidOut.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        context.close();
        stage.close();
    }

    /** The benchmark never opens a dialog; a call would mean the window did something unexpected. */
    private static final class NoDialogs implements WindowActions {
        @Override
        public void openSettings(boolean addServer) {
            throw new UnsupportedOperationException("no settings dialog in a benchmark");
        }

        @Override
        public void export(List<SessionExport.Snapshot> rows) {
            throw new UnsupportedOperationException("no export in a benchmark");
        }

        @Override
        public void showAbout() {
            throw new UnsupportedOperationException("no about dialog in a benchmark");
        }

        @Override
        public void setDarkTheme(boolean dark) {
            MainWindow.applyTheme(dark);
        }

        @Override
        public void quit() {
            throw new UnsupportedOperationException("the benchmark closes the window itself");
        }
    }
}
