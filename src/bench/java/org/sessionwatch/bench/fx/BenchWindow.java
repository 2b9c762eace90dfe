package org.sessionwatch.bench.fx;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

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

    /** CSS and layout of the whole window, as the next pulse would do them. */
    void layout() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
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
