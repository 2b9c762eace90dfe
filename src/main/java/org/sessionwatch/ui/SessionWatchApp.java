package org.sessionwatch.ui;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.sessionwatch.app.PollSources;
import org.sessionwatch.cli.Cli;
import org.sessionwatch.history.HistoryPaths;
import org.sessionwatch.ui.common.UiState;
import org.sessionwatch.ui.common.UiStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the monitoring window. Files are read in {@link #init()} (the launcher thread, before the
 * FX thread needs them) and written on the I/O executor; with no configured server the window shows the demo fleet.
 */
public final class SessionWatchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWatchApp.class);

    private AppEnvironment environment;
    private AppEnvironment.Startup startup;
    private UiStateStore uiStore;
    private UiState uiState;
    private List<Image> icons;
    private Cli.WindowOptions options;
    private AppContext context;
    private MainWindow window;
    private Stage stage;
    private volatile boolean dark;
    private final AtomicBoolean layoutSaved = new AtomicBoolean();

    public static void launchApp(String[] args) {
        Application.launch(SessionWatchApp.class, args);
    }

    @Override
    public void init() {
        // The launcher opens the window only for a command line of window options, so this always finds them.
        options = Cli.windowOptions(getParameters().getRaw()).orElse(Cli.WindowOptions.NONE);
        environment = DefaultEnvironment.system();
        startup = environment.loadConfig();
        uiStore = new UiStateStore(environment.uiStateFile());
        uiState = uiStore.load();
        dark = uiState.dark();
        icons = MainWindow.loadIcons();
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        MainWindow.applyTheme(dark);
        AppWindowActions actions = new AppWindowActions(environment, icons, value -> dark = value, this::quit);
        PollSources sources = PollSources.standard(environment.credentials(), Clock.systemUTC());
        context = new AppContext(startup.config(), sources::forConfig, actions, Clock.systemUTC(),
                ZoneId.systemDefault());
        context.useHistory(options.historyDb().orElseGet(() -> HistoryPaths.ofSystem().databaseFile()),
                options.noHistory());
        actions.attach(context, stage);
        window = new MainWindow(context);
        org.sessionwatch.ui.common.WindowLayout.restoreBounds(stage, uiState);
        double width = uiState.window() == null ? 1360 : uiState.window().width();
        double height = uiState.window() == null ? 840 : uiState.window().height();
        window.show(stage, width, height, icons);
        window.offerFirstRun(() -> actions.openSettings(true));
        window.controller().setDarkSelected(dark);
        window.restoreLayout(uiState);
        stage.setOnCloseRequest(e -> saveLayout());
        startup.problem().ifPresent(problem -> {
            Alert alert = new Alert(Alert.AlertType.WARNING, problem, ButtonType.OK);
            alert.initOwner(stage);
            alert.setHeaderText("The configuration file could not be used");
            alert.show();
        });
    }

    /** Captures the layout on the FX thread and writes it on the I/O executor, once. */
    private void saveLayout() {
        if (window == null || !layoutSaved.compareAndSet(false, true)) {
            return;
        }
        UiState state = window.captureLayout(stage, dark);
        context.ioExecutor().execute(() -> {
            try {
                uiStore.save(state);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot save the window layout to {}", uiStore.file(), e);
            }
        });
    }

    private void quit() {
        saveLayout();
        stage.close();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (context != null) {
            saveLayout();
            window.controller().stop();
            // close() waits briefly for the layout and settings writes queued above.
            context.close();
        }
    }
}
