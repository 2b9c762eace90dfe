package org.sessionwatch.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.concurrent.NamedThreads;
import org.sessionwatch.ui.about.AboutController;
import org.sessionwatch.ui.common.FxmlViews;
import org.sessionwatch.ui.export.SessionExport;
import org.sessionwatch.ui.main.WindowActions;
import org.sessionwatch.ui.settings.AlertRulesController;
import org.sessionwatch.ui.settings.ConnectionCheck;
import org.sessionwatch.ui.settings.SettingsController;
import org.sessionwatch.ui.settings.SettingsResult;
import org.sessionwatch.ui.settings.SettingsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialogs and file operations of the main window. Files are chosen on the FX thread and written on the I/O
 * executor; outcomes come back through {@code Platform.runLater}.
 */
public final class AppWindowActions implements WindowActions {
    private static final Logger LOG = LoggerFactory.getLogger(AppWindowActions.class);
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final AppEnvironment environment;
    private final Supplier<List<Image>> icons;
    private final Consumer<Boolean> themeListener;
    private final Runnable quit;
    private AppContext context;
    private Stage owner;

    /**
     * @param icons         the application icons, for the About dialog; asked for only when it opens
     * @param themeListener told when the user switches the theme (to remember it)
     * @param quit          closes the application after saving the layout
     */
    public AppWindowActions(AppEnvironment environment, Supplier<List<Image>> icons, Consumer<Boolean> themeListener,
                            Runnable quit) {
        this.environment = environment;
        this.icons = icons;
        this.themeListener = themeListener;
        this.quit = quit;
    }

    /** Connects the actions to the window once both exist. */
    public void attach(AppContext appContext, Stage stage) {
        this.context = Objects.requireNonNull(appContext);
        this.owner = Objects.requireNonNull(stage);
    }

    @Override
    public void openSettings(boolean addServer) {
        SettingsViewModel settings = new SettingsViewModel(context.config());
        if (addServer) {
            settings.addServer();
        }
        String storeName = environment.credentials().description();
        // Each test gets a thread of its own: a server may take the whole deadline to answer.
        ConnectionCheck connectionCheck = new ConnectionCheck(
                environment.connectionTester(context.config().serverDeadline()),
                test -> NamedThreads.daemon("sessionwatch-connection-test").newThread(test).start(), Platform::runLater);
        FxmlViews views = new FxmlViews(context.controllers().with(SettingsController.class,
                () -> new SettingsController(settings, environment.serverLists(), context.ioExecutor(), storeName,
                        connectionCheck)).with(AlertRulesController.class, () -> new AlertRulesController(
                                settings.alertRules(), context::matchingNow, Platform::runLater)), null);
        FxmlViews.View<SettingsController> view = views.load("settings/settings.fxml");
        Dialog<ButtonType> dialog = dialog("Settings");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(view.root());
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(settings.validProperty().not());
        if (dialog.showAndWait().filter(save::equals).isEmpty()) {
            return;
        }
        SettingsResult result = settings.result();
        context.applyConfig(result.config());
        context.ioExecutor().execute(() -> {
            try {
                result.applyCredentials(environment.credentials());
                environment.saveConfig(result.config());
                Platform.runLater(() -> context.status().notice("Settings saved"));
            } catch (IOException | RuntimeException e) {
                LOG.error("Saving the settings failed", e);
                Platform.runLater(() -> error("The settings could not be saved",
                        "They apply until SessionWatch closes. " + e.getMessage()));
            }
        });
    }

    @Override
    public void export(List<SessionExport.Snapshot> snapshot) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + snapshot.size() + " visible sessions");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV (spreadsheets)", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName("sessions-" + FILE_STAMP.format(LocalDateTime.now(context.clock())) + ".csv");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        Path path = withExtension(file.toPath(), chooser.getSelectedExtensionFilter());
        context.ioExecutor().execute(() -> {
            try {
                SessionExport.write(path, SessionExport.Format.ofFile(path), snapshot);
                Platform.runLater(() -> context.status().notice(
                        "Exported " + snapshot.size() + " sessions to " + path.getFileName()));
            } catch (IOException | RuntimeException e) {
                LOG.error("Export to {} failed", path, e);
                Platform.runLater(() -> error("The export failed", "Cannot write " + path + ": " + e.getMessage()));
            }
        });
    }

    static Path withExtension(Path chosen, FileChooser.ExtensionFilter filter) {
        String name = chosen.getFileName().toString();
        if (name.contains(".") || filter == null) {
            return chosen;
        }
        return chosen.resolveSibling(name + filter.getExtensions().get(0).substring(1));
    }

    @Override
    public void showAbout() {
        FxmlViews views = new FxmlViews(context.controllers().with(AboutController.class,
                () -> new AboutController(icons.get())), null);
        Dialog<ButtonType> dialog = dialog("About SessionWatch");
        dialog.getDialogPane().setContent(views.load("about/about.fxml").root());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    @Override
    public void setDarkTheme(boolean dark) {
        MainWindow.applyTheme(dark);
        themeListener.accept(dark);
    }

    @Override
    public ActionLog actionLog() {
        return environment.actionLog();
    }

    @Override
    public void quit() {
        quit.run();
    }

    private Dialog<ButtonType> dialog(String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        return dialog;
    }

    private void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.show();
    }
}
