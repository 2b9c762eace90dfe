package org.sessionwatch.ui.main;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.ui.servers.ServerListController;

/**
 * The window frame: menu, toolbar with polling controls and search, split panes and status bar. What the menu does to
 * the session table goes through {@link SessionCommands}; this package does not know the table.
 */
public final class MainWindowController {
    private final StatusViewModel viewModel;
    private final SessionCommands sessions;
    private final PollScheduler scheduler;
    private final WindowActions actions;
    private final Clock clock;
    private final Consumer<Instant> tick;
    private final ActionCommands actionCommands;
    private Timeline ticker;

    @FXML private CustomTextField searchField;
    @FXML private Button pauseButton;
    @FXML private FontIcon pauseIcon;
    @FXML private MenuItem pauseItem;
    @FXML private CheckMenuItem darkItem;
    @FXML private CheckMenuItem hostNamesItem;
    @FXML private ProgressBar pollProgress;
    @FXML private FontIcon pollIcon;
    @FXML private Label pollIndicator;
    @FXML private Label demoBadge;
    @FXML private Label demoStatus;
    @FXML private Label sessionCounts;
    @FXML private Label serverCounts;
    @FXML private FontIcon serverCountsIcon;
    @FXML private Label lastPoll;
    @FXML private Label sourceStatus;
    @FXML private Label pollError;
    @FXML private TabPane views;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane contentSplit;
    @FXML private Label notice;
    @FXML private ServerListController serversController;
    @FXML private javafx.scene.control.SeparatorMenuItem actionsSeparator;
    @FXML private MenuItem closeFilesItem;
    @FXML private MenuItem endSessionsItem;

    /**
     * @param tick           called about once a second (countdown, end of new-row highlights)
     * @param actionCommands close a file, end a session, the audit log; hidden in read-only mode
     */
    public MainWindowController(StatusViewModel viewModel, SessionCommands sessions, PollScheduler scheduler,
                                WindowActions actions, Clock clock, Consumer<Instant> tick,
                                ActionCommands actionCommands) {
        this.viewModel = viewModel;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.actions = actions;
        this.clock = clock;
        this.tick = tick;
        this.actionCommands = actionCommands;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(sessions.quickSearchProperty());
        searchField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                e.consume();
            }
        });
        FontIcon clear = new FontIcon("mdal-close");
        clear.getStyleClass().add("search-clear");
        clear.setCursor(Cursor.HAND);
        clear.setOnMouseClicked(e -> searchField.clear());
        clear.visibleProperty().bind(searchField.textProperty().isNotEmpty());
        searchField.setRight(clear);

        hostNamesItem.selectedProperty().bindBidirectional(sessions.hostNamesProperty());
        pollIndicator.textProperty().bind(viewModel.pollIndicatorProperty());
        pollProgress.visibleProperty().bind(viewModel.pollStatusProperty().isEqualTo(PollStatus.POLLING));
        pollProgress.managedProperty().bind(pollProgress.visibleProperty());
        pollProgress.progressProperty().bind(viewModel.pollProgressProperty());
        pollIcon.visibleProperty().bind(pollProgress.visibleProperty().not());
        pollIcon.managedProperty().bind(pollIcon.visibleProperty());
        viewModel.pollStatusProperty().subscribe(status -> pollIcon.setIconLiteral(
                status == PollStatus.PAUSED ? "mdmz-pause_circle_outline" : "mdmz-schedule"));
        var paused = viewModel.pollStatusProperty().isEqualTo(PollStatus.PAUSED);
        pauseButton.textProperty().bind(Bindings.when(paused).then("Resume").otherwise("Pause"));
        paused.subscribe(isPaused -> pauseIcon.setIconLiteral(isPaused ? "mdmz-play_arrow" : "mdmz-pause"));
        pauseItem.textProperty().bind(Bindings.when(paused).then("_Resume polling").otherwise("_Pause polling"));

        demoBadge.visibleProperty().bind(viewModel.demoProperty());
        demoBadge.managedProperty().bind(demoBadge.visibleProperty());
        demoStatus.visibleProperty().bind(viewModel.demoProperty());
        demoStatus.managedProperty().bind(demoStatus.visibleProperty());
        sessionCounts.textProperty().bind(viewModel.sessionCountsProperty());
        serverCounts.textProperty().bind(viewModel.serverCountsProperty());
        Tooltip serverTip = new Tooltip();
        serverTip.textProperty().bind(viewModel.failingServersTextProperty());
        serverCounts.setTooltip(serverTip);
        viewModel.serversFailingProperty().subscribe(failing -> {
            serverCounts.pseudoClassStateChanged(PseudoClass.getPseudoClass("failing"), failing);
            serverCountsIcon.setIconLiteral(failing ? "mdal-error_outline" : "mdal-dns");
        });
        lastPoll.textProperty().bind(viewModel.lastPollProperty());
        sourceStatus.textProperty().bind(viewModel.sourceStatusProperty());
        sourceStatus.visibleProperty().bind(viewModel.sourceStatusProperty().isNotEmpty());
        sourceStatus.managedProperty().bind(sourceStatus.visibleProperty());
        pollError.textProperty().bind(viewModel.pollErrorProperty());
        pollError.visibleProperty().bind(viewModel.pollErrorProperty().isNotEmpty());
        pollError.managedProperty().bind(pollError.visibleProperty());
        notice.textProperty().bind(viewModel.noticeProperty());
        // Read-only mode: the actions are neither shown nor reachable by their keys.
        for (MenuItem item : new MenuItem[] {actionsSeparator, closeFilesItem, endSessionsItem}) {
            item.visibleProperty().bind(Bindings.not(actionCommands.readOnlyProperty()));
            item.disableProperty().bind(actionCommands.readOnlyProperty());
        }

        // One tick a second drives the countdown and ends the highlight of new rows; it never polls.
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.accept(Instant.now(clock))));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** The window's views, one tab each (Sessions first); FX thread. */
    public TabPane views() {
        return views;
    }

    public SplitPane mainSplit() {
        return mainSplit;
    }

    public SplitPane contentSplit() {
        return contentSplit;
    }

    public SplitPane serversSplit() {
        return serversController.split();
    }

    public void stop() {
        if (ticker != null) {
            ticker.stop();
        }
    }

    @FXML
    void refresh() {
        scheduler.refreshNow();
    }

    @FXML
    private void togglePause() {
        if (scheduler.isPaused()) {
            scheduler.resume();
        } else {
            scheduler.pause();
        }
    }

    @FXML
    private void togglePauseFromMenu() {
        togglePause();
    }

    @FXML
    void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void clearFilters() {
        sessions.clearFilters();
    }

    @FXML
    private void copyRow() {
        // Ctrl+C is a window-wide accelerator; inside a text field it must still copy the field's selection.
        TextInputControl text = focusedText();
        if (text != null) {
            text.copy();
            return;
        }
        sessions.copySelectedRow();
    }

    /** The text field or area with keyboard focus, whose own keys win over the window's accelerators; or null. */
    private TextInputControl focusedText() {
        return searchField.getScene() != null
                && searchField.getScene().getFocusOwner() instanceof TextInputControl text ? text : null;
    }

    @FXML
    private void closeFiles() {
        // Delete is a window-wide accelerator; inside a text field it must still delete a character.
        TextInputControl text = focusedText();
        if (text != null) {
            text.deleteNextChar();
            return;
        }
        actionCommands.closeSelectedFiles();
    }

    @FXML
    private void endSessions() {
        if (focusedText() == null) {
            actionCommands.endSelectedSessions();
        }
    }

    @FXML
    private void auditLog() {
        actionCommands.showAuditLog();
    }

    @FXML
    private void copyUser() {
        sessions.copySelectedUser();
    }

    @FXML
    private void export() {
        sessions.exportVisible();
    }

    @FXML
    private void openSettings() {
        actions.openSettings(false);
    }

    @FXML
    private void addServer() {
        actions.openSettings(true);
    }

    @FXML
    private void about() {
        actions.showAbout();
    }

    @FXML
    private void toggleTheme() {
        actions.setDarkTheme(darkItem.isSelected());
    }

    public void setDarkSelected(boolean dark) {
        darkItem.setSelected(dark);
    }

    @FXML
    private void exit() {
        actions.quit();
    }
}
