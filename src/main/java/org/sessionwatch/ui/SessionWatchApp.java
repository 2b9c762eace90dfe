package org.sessionwatch.ui;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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
import org.sessionwatch.ui.startup.StartupCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the monitoring window. The configuration, the window layout and the keyring are read on a
 * thread of their own while JavaFX starts its toolkit ({@link #launchApp}), joined in {@link #init()}; files are
 * written on the I/O executor. With no configured server the window shows the demo fleet.
 */
public final class SessionWatchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWatchApp.class);

    private AppEnvironment environment;
    private AppEnvironment.Startup startup;
    private UiStateStore uiStore;
    private UiState uiState;
    /** Decoded on a thread of their own while the window is built: 56–72 ms of the path to the first frame. */
    private CompletableFuture<List<Image>> icons;
    private Cli.WindowOptions options;
    private AppContext context;
    private MainWindow window;
    private Stage stage;
    private volatile boolean dark;
    private final AtomicBoolean layoutSaved = new AtomicBoolean();

    /** Started by {@link #launchApp} before the toolkit; null when JavaFX was launched some other way. */
    private static volatile CompletableFuture<StartupFiles> startupFiles;
    private static final Consumer<Stage> ON_SCREEN = Stage::show;
    /** What {@link #start} does with the built window: shows it, or hands it to the start-up training. */
    private static volatile Consumer<Stage> presenter = ON_SCREEN;
    /**
     * How long after the window appeared the start-up cache is trained when this start did not use it: late enough
     * not to compete with the first polls for the CPU, early enough that the next start is fast.
     */
    private static final Duration CACHE_TRAINING_DELAY =
            Duration.ofSeconds(Long.getLong("sessionwatch.startupCache.delaySeconds", 20));

    /** What the window needs from disk and the OS before it can be built. */
    private record StartupFiles(AppEnvironment environment, AppEnvironment.Startup startup, UiStateStore uiStore,
            UiState uiState) {
        /** Probes the keyring (D-Bus on Linux), reads the configuration and the window layout: blocking I/O. */
        static StartupFiles read() {
            AppEnvironment environment = DefaultEnvironment.system();
            AppEnvironment.Startup startup = environment.loadConfig();
            UiStateStore uiStore = new UiStateStore(environment.uiStateFile());
            return new StartupFiles(environment, startup, uiStore, uiStore.load());
        }
    }

    /**
     * Opens the window and returns when it is closed. JavaFX starts its toolkit (display connection, GTK, rendering
     * pipeline) before it calls {@link #init()}; the keyring, configuration and layout files (and the JSON library
     * that reads them) are read meanwhile on a second thread, not one after the other (BENCHMARKS.md, start-up).
     */
    public static void launchApp(String[] args) {
        run(args, ON_SCREEN);
    }

    /**
     * Runs the window's whole start path without putting the window on screen: {@code present} gets the built stage
     * where {@code stage.show()} would be called. For {@link org.sessionwatch.ui.startup.StartupTraining} only.
     */
    public static void launchHidden(String[] args, Consumer<Stage> present) {
        run(args, present);
    }

    private static void run(String[] args, Consumer<Stage> present) {
        presenter = present;
        startupFiles = CompletableFuture.supplyAsync(StartupFiles::read,
                task -> Thread.ofPlatform().daemon().name("sessionwatch-startup-files").start(task));
        Application.launch(SessionWatchApp.class, args);
    }

    @Override
    public void init() {
        icons = CompletableFuture.supplyAsync(MainWindow::loadIcons,
                task -> Thread.ofPlatform().daemon().name("sessionwatch-icons").start(task));
        // The launcher opens the window only for a command line of window options, so this always finds them.
        options = Cli.windowOptions(getParameters().getRaw()).orElse(Cli.WindowOptions.NONE);
        StartupFiles files = readStartupFiles();
        environment = files.environment();
        startup = files.startup();
        uiStore = files.uiStore();
        uiState = files.uiState();
        dark = uiState.dark();
    }

    private static StartupFiles readStartupFiles() {
        CompletableFuture<StartupFiles> started = startupFiles;
        if (started == null) {
            return StartupFiles.read();
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            // What read() threw, unchanged, as if init() had read the files itself.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        MainWindow.applyTheme(dark);
        AppWindowActions actions = new AppWindowActions(environment, () -> icons.join(), value -> dark = value,
                this::quit);
        PollSources sources = PollSources.standard(environment.credentials(), Clock.systemUTC());
        context = new AppContext(startup.config(), sources::forWindow, actions, Clock.systemUTC(),
                ZoneId.systemDefault());
        context.useHistory(options.historyDb().orElseGet(() -> HistoryPaths.ofSystem().databaseFile()),
                options.noHistory());
        actions.attach(context, stage);
        // The first poll runs while the window is built, so its rows are there when the window first shows.
        context.scheduler().start();
        window = new MainWindow(context);
        org.sessionwatch.ui.common.WindowLayout.restoreBounds(stage, uiState);
        double width = uiState.window() == null ? 1360 : uiState.window().width();
        double height = uiState.window() == null ? 840 : uiState.window().height();
        window.open(stage, width, height, presenter);
        MainWindow.showIcons(stage, icons);
        window.offerFirstRun(() -> actions.openSettings(true));
        window.controller().setDarkSelected(dark);
        window.restoreLayout(uiState);
        stage.setOnCloseRequest(e -> saveLayout());
        if (presenter == ON_SCREEN) {
            StartupCache.trainLaterIfUnused(CACHE_TRAINING_DELAY);
        }
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
