package org.sessionwatch.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;

import org.sessionwatch.alerts.AlertEngine;
import org.sessionwatch.alerts.AlertFeed;
import org.sessionwatch.alerts.AlertStore;
import org.sessionwatch.alerts.LocalAlertFeed;
import org.sessionwatch.concurrent.NamedThreads;
import org.sessionwatch.history.HistoryRepository;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.ui.alerts.AlertsController;
import org.sessionwatch.ui.alerts.AlertsViewModel;
import org.sessionwatch.ui.alerts.ClipSound;
import org.sessionwatch.ui.alerts.WindowAlerts;
import org.sessionwatch.ui.common.ControllerFactory;
import org.sessionwatch.ui.common.FxmlViews;
import org.sessionwatch.tracking.OpenFilesTracker;
import org.sessionwatch.tracking.OpenFilesWatch;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.tracking.TrackedSession;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.files.OpenFilesFeature;
import org.sessionwatch.ui.history.HistoryController;
import org.sessionwatch.ui.history.HistoryMenu;
import org.sessionwatch.ui.history.HistoryViewModel;
import org.sessionwatch.ui.history.LastSeenModel;
import org.sessionwatch.ui.history.WindowHistory;
import org.sessionwatch.ui.main.MainWindowController;
import org.sessionwatch.ui.main.PollScheduler;
import org.sessionwatch.ui.main.SessionCommands;
import org.sessionwatch.ui.main.StatusViewModel;
import org.sessionwatch.ui.main.WindowActions;
import org.sessionwatch.ui.servers.ServerHealth;
import org.sessionwatch.ui.servers.ServerHealthModel;
import org.sessionwatch.ui.servers.ServerListController;
import org.sessionwatch.ui.sessions.DetailsContentController;
import org.sessionwatch.ui.sessions.DetailsController;
import org.sessionwatch.ui.sessions.DetailsViewModel;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.sessions.FilterModel;
import org.sessionwatch.ui.sessions.HostNameResolver;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.sessions.SessionTableController;
import org.sessionwatch.ui.sessions.SessionsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the window: view models, executors, the session tracker, the poll scheduler and the
 * controller factory, all created here and passed by constructor. Where the sessions come from is decided by one
 * function from the configuration to a {@link PollSource}, so the application (real backends, demo fleet) and the
 * GUI tests (a scripted sequence of cycles) share everything else.
 *
 * <p>One flow: poll results go to the tracker on the "sessionwatch-tracker" thread; its subscribers, the session
 * table, the server list and the history recorder, compute what changed there and post it to the FX thread (the
 * recorder queues it for its own writer thread).
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Clock clock;
    private final ZoneId zone;
    private final Function<AppConfig, PollSource> sources;
    private final ExecutorService pollExecutor = NamedThreads.singleThread("sessionwatch-gui-poll");
    private final ExecutorService ioExecutor = NamedThreads.singleThread("sessionwatch-io");
    /** Reverse DNS can block for seconds per address; two threads keep a slow resolver from queueing everything. */
    private final ExecutorService dnsExecutor =
            Executors.newFixedThreadPool(2, NamedThreads.daemon("sessionwatch-dns"));
    private final TaskExecutor trackerThread = TaskExecutor.singleThread("sessionwatch-tracker");
    /** History questions (History tab, last seen) read the disk: one thread, never the FX thread. */
    private final TaskExecutor historyThread = TaskExecutor.singleThread("sessionwatch-history-query");
    private final SessionTracker tracker = new SessionTracker();
    private final AtomicReference<PollSource> source = new AtomicReference<>();
    /** The window's selected session: the table binds its selection to it, the details pane derives from it. */
    private final ObjectProperty<SessionRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final SessionsViewModel sessions;
    private final DetailsViewModel details;
    private final ServerHealthModel servers = new ServerHealthModel();
    private final StatusViewModel status;
    private final PollScheduler scheduler;
    private final ControllerFactory controllers = new ControllerFactory();
    /** The alert rules, evaluated on the tracker thread; the window's Alerts tab and notifications read them. */
    private final LocalAlertFeed localAlerts;
    private final ClipSound alertSound = new ClipSound();
    private final WindowAlerts alerts;
    /** Open files, closing them, ending sessions, read-only mode and the audit log viewer. */
    private final OpenFilesFeature files;
    private final WindowHistory history;
    private final HistoryViewModel historyView;
    /** The names in the server list, offered by the History tab's server picker. */
    private final ObservableList<String> serverNames = FXCollections.observableArrayList();
    /** The open files of every server, tracked on the tracker thread for alerts and history. */
    private final OpenFilesTracker openFiles = new OpenFilesTracker();
    private final OpenFilesWatch filesWatch;
    /** Whether the Alerts tab lists today's earlier alerts already (from the first recorder); FX thread. */
    private boolean keptAlertsListed;
    /** The window's session table once loaded; the window saves and restores its layout. */
    private SessionTableController tableController;
    private volatile AppConfig config;

    /**
     * @param config  the configuration at start; no servers means the demo fleet
     * @param sources creates the source for a configuration (called again when the settings change)
     * @param actions dialogs, files and theme for the main window
     */
    public AppContext(AppConfig config, Function<AppConfig, PollSource> sources, WindowActions actions,
                      Clock clock, ZoneId zone) {
        this(config, sources, actions, clock, zone, Platform::runLater);
    }

    /** @param fxThread runs the tracker thread's results on the FX thread ({@code Platform::runLater}) */
    public AppContext(AppConfig config, Function<AppConfig, PollSource> sources, WindowActions actions,
                      Clock clock, ZoneId zone, Consumer<Runnable> fxThread) {
        this.config = Objects.requireNonNull(config, "config");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = clock;
        this.zone = zone;
        this.sessions = new SessionsViewModel(new FilterModel(), selected,
                new HostNameResolver(dnsExecutor, HostNameResolver::reverseDns), trackerThread, fxThread);
        this.details = new DetailsViewModel(selected, zone);
        this.history = new WindowHistory(clock, ioExecutor, fxThread);
        this.historyView = new HistoryViewModel(this::readHistory, historyThread, fxThread, clock, zone);
        LastSeenModel lastSeen = new LastSeenModel(selected, this::readHistory, historyThread, fxThread, clock, zone);
        servers.servers().subscribe(() -> serverNames.setAll(servers.servers().stream()
                .map(ServerHealth::getName).toList()));
        this.status = new StatusViewModel(sessions.totalProperty(), sessions.shownProperty(), servers.servers(),
                servers.updatesProperty(), zone);
        tracker.subscribe(sessions::trackerUpdated);
        tracker.subscribe(history);
        tracker.subscribe(update -> {
            if (!update.results().isEmpty()) {
                fxThread.accept(() -> servers.apply(update.results()));
            }
        });
        localAlerts = new LocalAlertFeed(config.alerts(), isDemo(config));
        tracker.subscribe(localAlerts);
        // The notifications belong to whichever window shows this context's views (MainWindow.show).
        alerts = new WindowAlerts(localAlerts, new AlertsViewModel(), new org.sessionwatch.ui.alerts.ControlsFxNotifier(
                () -> tableController == null || tableController.table().getScene() == null ? null
                        : tableController.table().getScene().getWindow()),
                alertSound, () -> this.config.alertSound(), fxThread, clock, zone);
        // The scheduler's task reads the current source each time, so a settings change takes effect at the next poll.
        this.scheduler = new PollScheduler(PollSource.following(source::get), pollExecutor, schedule(config),
                status, clock, tracker, trackerThread, fxThread);
        switchTo(config);
        this.files = new OpenFilesFeature(config, () -> {
            PollSource current = source.get();
            return current == null ? ServerActions.unsupported("SessionWatch is closing") : current.actions();
        }, selected, actions::actionLog, ioExecutor, scheduler::restartNow, clock, zone, fxThread);
        tracker.subscribe(files.directory());
        // Open files watched for whoever needs them whether or not a view shows them: FILE_OPENED rules, history.
        openFiles.subscribe(update -> {
            if (localAlerts.acceptFiles(update)) {
                alerts.showInactiveRules();
            }
        });
        openFiles.subscribe(history::acceptFiles);
        this.filesWatch = new OpenFilesWatch(() -> {
            PollSource current = source.get();
            return current == null ? ServerActions.unsupported("SessionWatch is closing") : current.actions();
        }, openFiles, trackerThread::execute, clock);
        history.whenRecording(recorder -> fxThread.accept(() -> recordAlertsInto(recorder)));
        status.pollCountProperty().subscribe(polls -> {
            files.pollApplied();
            if (watchesOpenFiles()) {
                // Asking a server's capabilities may set up its backend: never on the FX thread.
                trackerThread.execute(filesWatch::listAll);
            }
        });
        files.register(controllers);
        SessionCommands commands = new WindowSessionCommands(sessions, actions);
        controllers
                .register(MainWindowController.class, () -> new MainWindowController(status, commands, scheduler,
                        actions, clock, now -> {
                            status.tick(now);
                            PollSource current = source.get();
                            status.sourceStatus(current == null ? "" : current.sourceStatus(now).orElse(""));
                            sessions.expireHighlights(now);
                        }, files))
                .register(SessionTableController.class, () -> tableController = new SessionTableController(
                        sessions, () -> actions.openSettings(true), this::sessionMenuItems))
                .register(DetailsController.class, () -> new DetailsController(details,
                        () -> new FxmlViews(controllers, null).load("sessions/details-content.fxml").root()))
                .register(DetailsContentController.class,
                        () -> new DetailsContentController(details, lastSeen.textProperty()))
                .register(AlertsController.class, () -> new AlertsController(alerts.model(), alerts::open, zone))
                .register(HistoryController.class, () -> new HistoryController(historyView, serverNames))
                .register(ServerListController.class, () -> new ServerListController(servers, zone,
                        server -> sessions.filters().showOnly(FilterChip.Kind.SERVER, server)));
    }

    /**
     * The session table's context-menu items beyond filtering and copying: the history of the row's user and client
     * (one row selected), then the actions on the selected sessions (none in read-only mode).
     */
    private List<MenuItem> sessionMenuItems(List<SessionRow> rows) {
        List<MenuItem> items = new ArrayList<>();
        if (rows.size() == 1) {
            items.addAll(HistoryMenu.items(rows.get(0).user(), rows.get(0).client(), historyView::open));
        }
        List<MenuItem> actionItems = files.sessionMenuItems(rows);
        if (!items.isEmpty() && !actionItems.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        items.addAll(actionItems);
        return items;
    }

    /** Whether anything needs the open files listed after each poll: an enabled FILE_OPENED rule, or history. */
    private boolean watchesOpenFiles() {
        return history.isRecording() || config.alerts().stream()
                .anyMatch(rule -> rule.enabled() && rule.event() == AlertEvent.FILE_OPENED);
    }

    /** Applies a new configuration: source, interval, server list and demo mode. Call on the FX thread. */
    public void applyConfig(AppConfig newConfig) {
        this.config = newConfig;
        switchTo(newConfig);
        trackerThread.execute(() -> {
            localAlerts.configure(newConfig.alerts(), isDemo(newConfig));
            alerts.showInactiveRules();
        });
        files.configure(newConfig);
        scheduler.setInterval(schedule(newConfig));
        scheduler.restartNow();
    }

    /**
     * The scheduler's period. In team mode a poll waits for the collector's notices and returns at the end of each of
     * its cycles: the next one starts within a second, so no notice waits for the window's own interval.
     */
    /** The demo fleet stands in when no server is configured, except in team mode: the collector's servers arrive
     * with its results. */
    private static boolean isDemo(AppConfig config) {
        return config.servers().isEmpty() && !config.teamMode();
    }

    private static java.time.Duration schedule(AppConfig config) {
        return config.teamMode() ? java.time.Duration.ofSeconds(1) : config.pollInterval();
    }

    private void switchTo(AppConfig newConfig) {
        boolean demo = isDemo(newConfig);
        boolean wasDemo = source.get() != null && status.isDemo();
        PollSource next = sources.apply(newConfig);
        // A team collector's source brings the alerts the collector stored; the local rules stand down.
        localAlerts.followShared(next instanceof AlertFeed team ? team : null);
        PollSource previous = source.getAndSet(next);
        if (previous != null) {
            // Closing may wait for network calls; never on the FX thread.
            ioExecutor.execute(() -> closeQuietly(previous));
        }
        status.setDemo(demo);
        history.configure(newConfig, demo);
        if (!(demo && wasDemo)) {
            // The demo fleet lists its own servers on each poll; keep them rather than blank the list meanwhile.
            servers.configure(newConfig.teamMode() ? java.util.List.of() : newConfig.servers());
        }
        status.following(newConfig.teamMode());
        sessions.setNoServers(!demo && !newConfig.teamMode() && newConfig.enabledServers().isEmpty());
    }

    public AppConfig config() {
        return config;
    }

    /** The window's alerts: the Alerts tab's model, notifications, sound. */
    public WindowAlerts alerts() {
        return alerts;
    }

    /** The tracked sessions {@code rule} selects now (Settings' "Test against current sessions"), on the tracker thread. */
    public CompletionStage<List<TrackedSession>> matchingNow(AlertRule rule) {
        CompletableFuture<List<TrackedSession>> answer = new CompletableFuture<>();
        trackerThread.execute(() -> {
            try {
                answer.complete(AlertEngine.matching(rule, tracker.sessions()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /**
     * Keeps every alert fired from now on in {@code store} (each history recorder the window starts) and, the first
     * time, lists today's earlier alerts from it in the Alerts tab. FX thread.
     */
    private void recordAlertsInto(AlertStore store) {
        localAlerts.recordInto(store);
        if (!keptAlertsListed) {
            keptAlertsListed = true;
            alerts.loadKept();
        }
    }

    /**
     * Records into (and reads) {@code historyFile} while the window polls real servers, unless {@code noHistory}
     * ({@code --no-history}) or the setting is off. Without this call the window records nothing. FX thread.
     */
    public void useHistory(Path historyFile, boolean noHistory) {
        history.use(historyFile, noHistory);
    }

    /** The window's history: recording, its status, reading. */
    public WindowHistory history() {
        return history;
    }

    /** The History tab's view model. */
    public HistoryViewModel historyView() {
        return historyView;
    }

    private <T> T readHistory(Function<HistoryRepository, T> question) {
        return history.read(question);
    }

    public ControllerFactory controllers() {
        return controllers;
    }

    public SessionsViewModel sessions() {
        return sessions;
    }

    public DetailsViewModel details() {
        return details;
    }

    public ServerHealthModel servers() {
        return servers;
    }

    public StatusViewModel status() {
        return status;
    }

    /** The session tracker; call it on {@link #trackerThread()} only. */
    public SessionTracker tracker() {
        return tracker;
    }

    /** The one thread that runs the tracker and its subscribers. */
    public TaskExecutor trackerThread() {
        return trackerThread;
    }

    /** The session table of the loaded window; FX thread. */
    public TableView<SessionRow> sessionTable() {
        if (tableController == null) {
            throw new IllegalStateException("The main window is not loaded yet");
        }
        return tableController.table();
    }

    /** Open files, the actions on them and the audit log viewer. */
    public OpenFilesFeature files() {
        return files;
    }

    public PollScheduler scheduler() {
        return scheduler;
    }

    /** The executor for file writes (configuration, UI state, exports), one at a time in order. */
    public ExecutorService ioExecutor() {
        return ioExecutor;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public void close() {
        scheduler.stop();
        files.close();
        PollSource last = source.getAndSet(null);
        if (last != null) {
            ioExecutor.execute(() -> closeQuietly(last));
        }
        // After any pending start or stop of the recorder: writes what is queued and closes the file.
        ioExecutor.execute(history::close);
        ioExecutor.shutdown();
        historyThread.shutdown();
        pollExecutor.shutdownNow();
        trackerThread.shutdown();
        dnsExecutor.shutdownNow();
        alertSound.close();
        try {
            // Let pending saves finish; they are small files.
            if (!ioExecutor.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("Background writes did not finish within 3 s of closing the window");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(PollSource source) {
        try {
            source.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the session source failed", e);
        }
    }
}
