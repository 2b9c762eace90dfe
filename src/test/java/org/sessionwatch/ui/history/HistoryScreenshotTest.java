package org.sessionwatch.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.app.PollSources;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.history.HistoryDatabase;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryRecorder;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.PollerRuntime;
import org.sessionwatch.tracking.SessionTracker;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's picture of the History tab (docs/history-screenshot.sh): three days of the demo fleet, polled
 * every five minutes on a simulated clock with the window closed one night, recorded through the tracker into a temp
 * history file; then the real window shows who was on one server an hour ago and the timeline of the user with the
 * most sessions. Runs only when {@code -Dhistory.screenshot=FILE} names where to write the PNG.
 */
@EnabledIfSystemProperty(named = "history.screenshot", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class HistoryScreenshotTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private static final Duration STEP = Duration.ofMinutes(10);

    @TempDir
    static Path folder;

    private static Path file;
    private static String user;
    private GuiFixture fixture;

    /** A clock the recording loop moves forward. */
    private static final class SteppedClock extends Clock {
        private final AtomicReference<Instant> now;

        SteppedClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant at) {
            now.set(at);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static PollSources demoSources(Clock clock) {
        DemoFleet fleet = DemoFleet.withoutLatency(DemoFleet.DEFAULT_SEED, clock);
        return new PollSources(new InMemoryCredentialStore(), (credentials, deadline) -> server -> {
            throw new AssertionError("only the demo fleet is polled here: " + server.name());
        }, () -> fleet, PollerRuntime.system(clock));
    }

    /** Three days of the demo fleet into a temp history file; SessionWatch was not running one night. */
    @BeforeAll
    static void record() throws Exception {
        file = folder.resolve("history.db");
        Instant start = NOW.minus(Duration.ofDays(3));
        SteppedClock clock = new SteppedClock(start);
        Instant closedFrom = NOW.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(3));
        Instant closedTo = closedFrom.plus(Duration.ofHours(8));
        SessionTracker tracker = new SessionTracker();
        try (HistoryRecorder recorder = HistoryRecorder.start(file, Duration.ofDays(90), STEP.multipliedBy(3), clock,
                status -> { });
             PollSource source = demoSources(clock).forConfig(AppConfig.defaults())) {
            tracker.subscribe(recorder);
            for (Instant t = start; t.isBefore(NOW); t = t.plus(STEP)) {
                if (!t.isBefore(closedFrom) && t.isBefore(closedTo)) {
                    continue;
                }
                clock.set(t);
                PollCycle cycle = source.poll(result -> { });
                tracker.completeCycle(cycle);
                // The queue holds about two cycles: keep the writer up with the simulated clock.
                assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
            }
        }
        user = busiestUser();
    }

    /** The user with the most intervals on at least two servers. */
    private static String busiestUser() {
        HistoryDatabase database = HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, NOW);
        Set<String> users = new LinkedHashSet<>();
        for (int hours = 2; hours < 72; hours += 7) {
            Instant at = NOW.minus(Duration.ofHours(hours));
            database.read(h -> h.openAt(at, Optional.empty())).stream().map(HistoryInterval::user)
                    .filter(u -> u != null && !u.isEmpty() && !u.endsWith("$")).forEach(users::add);
        }
        return users.stream().max(Comparator.comparingInt(u -> {
            List<HistoryInterval> intervals = database.read(h -> h.intervals(Party.USER, u, Optional.empty(), null,
                    null));
            long servers = intervals.stream().map(HistoryInterval::server).distinct().count();
            return servers >= 2 ? intervals.size() : 0;
        })).orElseThrow();
    }

    @Start
    void start(Stage stage) throws Exception {
        PollSources sources = demoSources(Clock.systemUTC());
        ScriptedSource live = new ScriptedSource();
        try (PollSource demo = sources.forConfig(AppConfig.defaults())) {
            live.then(demo.poll(result -> { }));
        }
        // The demo servers as configured servers: the window records (and says so in its status bar).
        fixture = new GuiFixture(live, AppConfig.defaults().withServers(sources.demoServers()));
        fixture.context.useHistory(file, false);
        // 1280 x 800: the size of the headless screen of the GUI tests.
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void timelineOfTheBusiestUser(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Labeled l && "History".equals(l.getText()))
                .<javafx.scene.Node>query());
        HistoryViewModel model = fixture.context.historyView();
        robot.interact(() -> {
            model.serverProperty().set("FS-HQ-01");
            model.showAt(HistoryViewModel.Shortcut.HOUR_AGO);
            model.open(Party.USER, user);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.getTimeline() != null
                && !model.busyProperty().get());
        robot.interact(() -> {
            model.zoom(3, 1);
            robot.lookup(".history-pane > .split-pane").queryAs(SplitPane.class).setDividerPositions(0.36);
        });
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(robot.window(0).getScene().snapshot(null)));
        Path out = Path.of(System.getProperty("history.screenshot"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(toBufferedImage(shot.get()), "png", out.toFile());
        assertThat(out).exists();
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
