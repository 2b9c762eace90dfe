package org.sessionwatch.ui.files;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.ui.common.ControllerFactory;
import org.sessionwatch.ui.common.FxmlViews;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.main.ActionCommands;
import org.sessionwatch.ui.sessions.FilterControls;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * Open files, closing them and ending sessions, in the window: the "Open files" tab (built when first selected), the
 * details pane's open files of the selected session, the context-menu and menu-bar actions with their confirmation,
 * outcome and audit line, read-only mode, and the audit log viewer. The composition root creates one and wires it in
 * a few lines; everything else about the feature lives in this package. FX thread, except where noted.
 */
public final class OpenFilesFeature implements ActionCommands {
    private static final String TAB_ID = "openFilesTab";

    private final Supplier<ServerActions> actions;
    private final TaskExecutor filterThread = TaskExecutor.singleThread("sessionwatch-files");
    private final SessionDirectory directory = new SessionDirectory();
    private final OpenFilesViewModel openFiles;
    private final SessionFilesViewModel sessionFiles;
    private final FileActions fileActions;
    private final ActionGate gate;
    private final Supplier<ActionLog> auditLog;
    private final Executor io;
    private final Consumer<Runnable> fxThread;
    private final ZoneId zone;
    private final Runnable refreshSessions;
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private volatile Set<String> demoServers = Set.of();
    private volatile boolean allDemo;
    private TabPane views;
    private Tab tab;
    private TableView<SessionRow> sessionTable;
    private OpenFilesController tabController;
    private SessionFilesController paneController;
    private ControllerFactory controllers;

    /**
     * @param actions         the current source's actions
     * @param selected        the window's selected session
     * @param auditLog        the audit log (read when an action is taken)
     * @param io              where audit lines are written and read
     * @param refreshSessions polls again now, after an action changed the sessions
     * @param fxThread        runs results on the FX thread
     */
    public OpenFilesFeature(AppConfig config, Supplier<ServerActions> actions, ObservableValue<SessionRow> selected,
                            Supplier<ActionLog> auditLog, Executor io, Runnable refreshSessions, Clock clock,
                            ZoneId zone, Consumer<Runnable> fxThread) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.auditLog = auditLog;
        this.io = io;
        this.fxThread = fxThread;
        this.zone = zone;
        this.refreshSessions = refreshSessions;
        this.openFiles = new OpenFilesViewModel(actions, directory, filterThread, fxThread);
        this.sessionFiles = new SessionFilesViewModel(selected, actions, directory, fxThread);
        this.fileActions = new FileActions(actions, auditLog, ActionLog.localAccount(), this::isDemo, io, clock);
        this.gate = new ActionGate(actions);
        configure(config);
    }

    /** The session poll's consumer that tells the open-files views which client each user connects from. */
    public SessionDirectory directory() {
        return directory;
    }

    /** Takes read-only mode and the demo servers from a new configuration. */
    public void configure(AppConfig config) {
        readOnly.set(config.readOnly());
        allDemo = config.servers().isEmpty();
        demoServers = config.servers().stream().filter(s -> s.backend() == Backend.DEMO).map(ServerConfig::name)
                .map(n -> n.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private boolean isDemo(String server) {
        return allDemo || demoServers.contains(server.toUpperCase(Locale.ROOT));
    }

    /** Registers the feature's controllers in the window's one factory. */
    public void register(ControllerFactory factory) {
        this.controllers = factory;
        factory.register(OpenFilesController.class, () -> tabController = new OpenFilesController(openFiles,
                        rows -> fileMenuItems(rows, true)))
                .register(SessionFilesController.class, () -> paneController = new SessionFilesController(
                        sessionFiles, rows -> fileMenuItems(rows, false)));
    }

    /**
     * Connects the feature to the loaded window: the "Open files" tab (its content is loaded on first selection) and
     * the session table whose selection "End session" acts on.
     */
    public void attach(TabPane windowViews, TableView<SessionRow> sessions) {
        this.views = windowViews;
        this.sessionTable = sessions;
        this.tab = windowViews.getTabs().stream().filter(t -> TAB_ID.equals(t.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("main.fxml has no tab " + TAB_ID));
        tab.selectedProperty().subscribe(selected -> {
            if (selected) {
                if (tab.getContent() == null) {
                    tab.setContent(new FxmlViews(controllers, null).load("files/open-files.fxml").root());
                }
                openFiles.refresh();
            }
        });
    }

    /** A poll cycle was applied: the visible open-files views list again. */
    public void pollApplied() {
        if (tab != null && tab.isSelected() && tab.getContent() != null) {
            openFiles.refresh();
        } else if (tab == null || !tab.isSelected()) {
            sessionFiles.refresh();
        }
    }

    /** The session table's context-menu actions for the selected sessions; none in read-only mode. */
    public List<MenuItem> sessionMenuItems(List<SessionRow> rows) {
        if (readOnly.get()) {
            return List.of();
        }
        return items(gate.endSessions(rows), "End session", "Shift+Delete");
    }

    /** Close file and End session for open-file rows; none in read-only mode. */
    private List<MenuItem> fileMenuItems(List<FileRow> rows, boolean withEndSession) {
        if (readOnly.get() || rows.isEmpty()) {
            return List.of();
        }
        List<MenuItem> items = new ArrayList<>(items(gate.closeFiles(rows), "Close file", "Delete"));
        if (withEndSession) {
            items.addAll(items(gate.endSessionsOfFiles(rows), "End session of the file's user", "Shift+Delete"));
        }
        return items;
    }

    private List<MenuItem> items(ActionGate.Decision<? extends ActionTarget> decision, String label, String key) {
        if (!decision.allowed()) {
            MenuItem item = new MenuItem(label + "…  (" + key + ")");
            item.setDisable(true);
            MenuItem why = new MenuItem("    " + decision.refusal());
            why.setMnemonicParsing(false);
            why.setDisable(true);
            return List.of(item, why);
        }
        int n = decision.targets().size();
        MenuItem item = FilterControls.item(label + (n > 1 ? " (" + n + ")" : "") + "…  (" + key + ")",
                "mdal-close", () -> confirmAndRun(decision.targets()));
        item.getStyleClass().add("danger-item");
        return List.of(item);
    }

    @Override
    public ObservableBooleanValue readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    @Override
    public void closeSelectedFiles() {
        if (readOnly.get()) {
            return;
        }
        List<FileRow> rows = focusedFileRows();
        ActionGate.Decision<ActionTarget.CloseFile> decision = gate.closeFiles(rows);
        if (rows.isEmpty()) {
            decision = ActionGate.Decision.no("Select open files in the Open files tab or in the session's details"
                    + " first");
        }
        decide("Close file", decision);
    }

    @Override
    public void endSelectedSessions() {
        if (readOnly.get()) {
            return;
        }
        if (tab != null && tab.isSelected() && tabController != null) {
            decide("End session", gate.endSessionsOfFiles(tabController.selected()));
        } else if (sessionTable != null) {
            decide("End session", gate.endSessions(List.copyOf(sessionTable.getSelectionModel().getSelectedItems())));
        }
    }

    /** Confirms and runs an allowed action; a refused one is explained, nothing is asked of a server. */
    private void decide(String action, ActionGate.Decision<? extends ActionTarget> decision) {
        if (decision.allowed()) {
            confirmAndRun(decision.targets());
        } else {
            ActionDialogs.explain(owner(), action, decision.refusal());
        }
    }

    /** The files table with keyboard focus, else the one on screen. */
    private List<FileRow> focusedFileRows() {
        boolean tabShown = tab != null && tab.isSelected() && tabController != null;
        if (paneController != null && paneController.table().isFocused()) {
            return paneController.selected();
        }
        if (tabShown) {
            return tabController.selected();
        }
        return paneController == null ? List.of() : paneController.selected();
    }

    private void confirmAndRun(List<? extends ActionTarget> targets) {
        boolean demo = targets.stream().anyMatch(t -> isDemo(t.server()));
        ActionPlan plan = targets.getFirst() instanceof ActionTarget.CloseFile
                ? ActionPlan.closeFiles(targets.stream().map(ActionTarget.CloseFile.class::cast).toList(), demo)
                : ActionPlan.endSessions(targets.stream().map(ActionTarget.EndSession.class::cast).toList(), demo);
        Window owner = owner();
        if (!ActionDialogs.confirm(owner, plan)) {
            return;
        }
        String title = plan.confirm();
        fileActions.run(plan).thenAccept(outcomes -> fxThread.accept(() -> {
            ActionDialogs.showOutcomes(owner, title, outcomes);
            // The servers acted on are asked again at once: the tables show the result, not the past.
            refreshSessions.run();
            openFiles.refresh();
            sessionFiles.refresh();
        }));
    }

    private Window owner() {
        return views == null || views.getScene() == null ? null : views.getScene().getWindow();
    }

    @Override
    public void showAuditLog() {
        AuditLogViewModel viewModel = new AuditLogViewModel(auditLog.get(), io, fxThread, zone);
        FxmlViews views = new FxmlViews(controllers.with(AuditLogController.class,
                () -> new AuditLogController(viewModel)), null);
        Dialog<ButtonType> dialog = new Dialog<>();
        Window owner = owner();
        dialog.initOwner(owner);
        dialog.setTitle("Audit log");
        dialog.setHeaderText("Closed files and ended sessions, newest first");
        dialog.setResizable(true);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().setContent(views.load("files/audit-log.fxml").root());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    /** Stops the filter thread. */
    public void close() {
        filterThread.shutdown();
    }
}
