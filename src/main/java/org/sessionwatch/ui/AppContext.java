package org.sessionwatch.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
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
import javafx.scene.control.TableView;

import org.sessionwatch.concurrent.NamedThreads;
import org.sessionwatch.history.HistoryRepository;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.ui.common.ControllerFactory;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.ui.common.TaskExecutor;
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
    private final WindowHistory history;
    private final HistoryViewModel historyView;
    /** The names in the server list, offered by the History tab's server picker. */
    private final ObservableList<String> serverNames = FXCollections.observableArrayList();
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
        // The scheduler's task reads the current source each time, so a settings change takes effect at the next poll.
        this.scheduler = new PollScheduler(PollSource.following(source::get), pollExecutor, config.pollInterval(),
                status, clock, tracker, trackerThread, fxThread);
        switchTo(config);
        SessionCommands commands = new WindowSessionCommands(sessions, actions);
        controllers
                .register(MainWindowController.class, () -> new MainWindowController(status, commands, scheduler,
                        actions, clock, now -> {
                            status.tick(now);
                            sessions.expireHighlights(now);
                        }))
                .register(SessionTableController.class, () -> {
                    tableController = new SessionTableController(sessions, () -> actions.openSettings(true));
                    tableController.extendContextMenu(row -> HistoryMenu.items(row.user(), row.client(),
                            historyView::open));
                    return tableController;
                })
                .register(DetailsController.class, () -> new DetailsController(details, lastSeen.textProperty()))
                .register(HistoryController.class, () -> new HistoryController(historyView, serverNames))
                .register(ServerListController.class, () -> new ServerListController(servers, zone,
                        server -> sessions.filters().showOnly(FilterChip.Kind.SERVER, server)));
    }

    /** Applies a new configuration: source, interval, server list and demo mode. Call on the FX thread. */
    public void applyConfig(AppConfig newConfig) {
        this.config = newConfig;
        switchTo(newConfig);
        scheduler.setInterval(newConfig.pollInterval());
        scheduler.restartNow();
    }

    private void switchTo(AppConfig newConfig) {
        boolean demo = newConfig.servers().isEmpty();
        boolean wasDemo = source.get() != null && status.isDemo();
        PollSource previous = source.getAndSet(sources.apply(newConfig));
        if (previous != null) {
            // Closing may wait for network calls; never on the FX thread.
            ioExecutor.execute(() -> closeQuietly(previous));
        }
        status.setDemo(demo);
        history.configure(newConfig, demo);
        if (!(demo && wasDemo)) {
            // The demo fleet lists its own servers on each poll; keep them rather than blank the list meanwhile.
            servers.configure(newConfig.servers());
        }
        sessions.setNoServers(!demo && newConfig.enabledServers().isEmpty());
    }

    public AppConfig config() {
        return config;
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
