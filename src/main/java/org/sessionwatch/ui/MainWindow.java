package org.sessionwatch.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import org.sessionwatch.ui.alerts.AlertNavigator;
import org.sessionwatch.ui.alerts.AlertsTab;
import org.sessionwatch.ui.common.FxmlViews;
import org.sessionwatch.ui.common.UiState;
import org.sessionwatch.ui.common.WindowLayout;
import org.sessionwatch.ui.firstrun.DemoCallController;
import org.sessionwatch.ui.history.HistoryTab;
import org.sessionwatch.ui.main.MainWindowController;
import org.slf4j.LoggerFactory;

/** Builds the monitoring window on a stage: FXML, stylesheet, title, icons; then starts polling. */
public final class MainWindow {
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private final AppContext context;
    private MainWindowController controller;
    private Parent root;

    public MainWindow(AppContext context) {
        this.context = context;
    }

    /**
     * Loads the window into {@code stage}, shows it and starts polling. Call on the FX thread. The icons come apart,
     * {@link #showIcons}, so that decoding them need not delay the window.
     */
    public Scene show(Stage stage, double width, double height) {
        return open(stage, width, height, Stage::show);
    }

    /**
     * As {@link #show}, with {@code present} in place of {@code stage.show()}: the start-up training
     * ({@link org.sessionwatch.ui.startup.StartupTraining}) builds the same window and polls, but never puts it on
     * screen.
     */
    public Scene open(Stage stage, double width, double height, Consumer<Stage> present) {
        FxmlViews.View<MainWindowController> view = new FxmlViews(context.controllers(), null).load("main/main.fxml");
        controller = view.controller();
        root = view.root();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/org/sessionwatch/ui/sessionwatch.css")).toExternalForm());
        installHistory();
        stage.setScene(scene);
        stage.titleProperty().bind(context.status().titleProperty());
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        // The Alerts tab comes last, after the views main.fxml declares.
        AlertsTab.install(controller.views(), (Pane) root.lookup("#alert-status"), context.alerts().model(),
                new FxmlViews(context.controllers(), null));
        context.alerts().openWith(new AlertNavigator(context.sessions(), controller.views(), stage,
                context.status()::notice));
        present.accept(stage);
        context.files().attach(controller.views(), context.sessionTable());
        // Arrow keys, Ctrl+C and the context-menu key work on the sessions straight away.
        context.sessionTable().requestFocus();
        context.scheduler().start();
        return scene;
    }

    private void installHistory() {
        Tab historyTab = controller.views().getTabs().stream().filter(tab -> "history-tab".equals(tab.getId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("main.fxml has no History tab"));
        HistoryTab.install(historyTab, new FxmlViews(context.controllers(), null), context.historyView());
        HistoryTab.bindStatus((Label) root.lookup("#history-status"), context.history().indicatorProperty());
    }

    /**
     * Adds the first-run call to action under the toolbar: shown while the window shows the demo fleet, its button
     * runs {@code addServers} (the settings dialog with a new server). Call on the FX thread after {@link #show}.
     */
    public void offerFirstRun(Runnable addServers) {
        FxmlViews.View<DemoCallController> view = new FxmlViews(context.controllers().with(DemoCallController.class,
                () -> new DemoCallController(context.status().demoProperty(), addServers)), null)
                .load("firstrun/demo-call.fxml");
        ((Pane) root.lookup("#first-run")).getChildren().setAll(view.root());
    }

    public MainWindowController controller() {
        return controller;
    }

    private Map<String, SplitPane> splits() {
        return Map.of("main", controller.mainSplit(), "content", controller.contentSplit(),
                "servers", controller.serversSplit());
    }

    /** The layout to remember; FX thread, no I/O. */
    public UiState captureLayout(Stage stage, boolean dark) {
        return WindowLayout.capture(stage, splits(), context.sessionTable(), dark,
                context.sessions().resolveHostNamesProperty().get());
    }

    /** Restores columns and sort now and the dividers once the first layout pass has sized the split panes. */
    public void restoreLayout(UiState state) {
        WindowLayout.restoreTable(context.sessionTable(), state);
        context.sessions().resolveHostNamesProperty().set(state.hostNames());
        Platform.runLater(() -> WindowLayout.restoreDividers(splits(), state));
    }

    /** Switches between AtlantaFX Primer light and dark. */
    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * Puts {@code icons} on {@code stage} once they are decoded: on the FX thread, whichever thread completes them. A
     * window without its icons still works, so a failure to read them is logged, not shown.
     */
    public static void showIcons(Stage stage, CompletionStage<List<Image>> icons) {
        icons.whenCompleteAsync((images, failure) -> {
            if (failure != null) {
                LoggerFactory.getLogger(MainWindow.class).warn("Cannot read the window icons", failure);
            } else {
                stage.getIcons().setAll(images);
            }
        }, Platform::runLater);
    }

    /**
     * Reads whichever of the packaged icon sizes exist (a build without them just has the default icon). Reads the
     * jar and decodes every size (56–72 ms at start-up, before the JIT has compiled the decoder), so call it off the
     * FX thread.
     */
    public static List<Image> loadIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            String name = "/org/sessionwatch/icons/sessionwatch-" + size + ".png";
            try (InputStream in = MainWindow.class.getResourceAsStream(name)) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // A class-path resource that cannot be read is a broken jar; the window works without an icon.
                LoggerFactory.getLogger(MainWindow.class).warn("Cannot read icon {}", name, e);
            }
        }
        return icons;
    }
}
