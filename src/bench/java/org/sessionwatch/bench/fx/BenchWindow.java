package org.sessionwatch.bench.fx;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.sessionwatch.config.AppConfig;
import org.sessionwatch.ui.AppContext;
import org.sessionwatch.ui.MainWindow;
import org.sessionwatch.polling.PollSource;
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
        MainWindow.applyTheme(false);
        AppContext context = new AppContext(config, c -> source, new NoDialogs(), Clock.systemUTC(),
                ZoneId.systemDefault());
        Stage stage = new Stage();
        Scene scene = new MainWindow(context).show(stage, 1360, 840, List.of());
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        TableView<SessionRow> table = sessionTable(scene, context);
        return new BenchWindow(context, stage, scene, table);
    }

    @SuppressWarnings("unchecked")
    private static TableView<SessionRow> sessionTable(Scene scene, AppContext context) {
        for (Node node : scene.getRoot().lookupAll(".table-view")) {
            if (node instanceof TableView<?> table && table.getItems() == context.mainViewModel().sortedRows()) {
                return (TableView<SessionRow>) table;
            }
        }
        throw new IllegalStateException("The main window has no table showing the sorted session rows");
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
        public void export(List<SessionRow> rows) {
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
