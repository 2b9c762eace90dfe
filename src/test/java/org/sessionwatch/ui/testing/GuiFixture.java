package org.sessionwatch.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.ui.AppContext;
import org.sessionwatch.ui.MainWindow;
import org.sessionwatch.ui.main.WindowActions;
import org.sessionwatch.ui.export.SessionExport;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the real main window on a TestFX stage with a scripted source. The poll interval is an hour, so the only
 * polls are the first one and those a test asks for with {@link #pollAndWait()}: nothing waits for a timer.
 */
public final class GuiFixture {
    public final ScriptedSource source;
    public final AppContext context;
    public final RecordingActions actions = new RecordingActions();
    public MainWindow window;

    public GuiFixture(ScriptedSource source, AppConfig config) {
        this.source = source;
        AppConfig slow = config.withPollInterval(Duration.ofHours(1));
        this.context = new AppContext(slow, c -> source, actions, Clock.systemUTC(),
                ZoneOffset.UTC);
    }

    /** Shows the window on the TestFX stage and waits for the first poll to be applied. */
    public void show(Stage stage) {
        MainWindow.applyTheme(false);
        window = new MainWindow(context);
        window.show(stage, 1280, 800);
        // TestFX hands every test class the same stage: one shown smaller before (a component test's window) would
        // keep its size, and a robot's click on a cell outside it would land nowhere.
        stage.sizeToScene();
    }

    /** Stops polling and the executors, on the FX thread as the scheduler requires. */
    public void close() {
        try {
            WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Closing the window's context failed", e);
        }
    }

    public void awaitPolls(int applied) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> context.status().pollCountProperty().get() >= applied);
        } catch (TimeoutException e) {
            throw new AssertionError("The window applied " + context.status().pollCountProperty().get()
                    + " polls, expected " + applied, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Triggers "Refresh now" and waits until the next scripted cycle is on screen. */
    public void pollAndWait() {
        int before = context.status().pollCountProperty().get();
        WaitForAsyncUtils.asyncFx(() -> context.scheduler().refreshNow());
        awaitPolls(before + 1);
    }

    /** Records what the window asked of the application. */
    public static final class RecordingActions implements WindowActions {
        /** A fresh audit log in a temporary directory: tests never write beside the real configuration. */
        public final ActionLog actionLog = temporaryLog();
        public volatile int settingsOpened;
        public volatile List<SessionExport.Snapshot> exported;

        @Override
        public void openSettings(boolean addServer) {
            settingsOpened++;
        }

        @Override
        public void export(List<SessionExport.Snapshot> rows) {
            exported = rows;
        }

        @Override
        public void showAbout() {
        }

        @Override
        public void setDarkTheme(boolean dark) {
        }

        @Override
        public void quit() {
        }

        @Override
        public ActionLog actionLog() {
            return actionLog;
        }

        private static ActionLog temporaryLog() {
            try {
                Path directory = Files.createTempDirectory("sessionwatch-audit");
                directory.toFile().deleteOnExit();
                return new ActionLog(directory.resolve(ActionLog.FILE_NAME));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
