package org.sessionwatch.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.app.PollSources;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.polling.PollerRuntime;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.ui.AppContext;
import org.sessionwatch.ui.MainWindow;
import org.sessionwatch.ui.servers.ServerHealth;
import org.sessionwatch.ui.servers.ServerState;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.GuiFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no configured server the window shows the demo fleet through the application's wiring and the real poller. */
@ExtendWith(ApplicationExtension.class)
class DemoWindowGuiTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private final DemoFleet fleet = DemoFleet.withoutLatency(DemoFleet.DEFAULT_SEED, clock);
    private final PollSources sources = new PollSources(new InMemoryCredentialStore(),
            (credentials, deadline) -> server -> {
                throw new AssertionError("no real backend expected for " + server.name());
            }, () -> fleet, PollerRuntime.system());
    private AppContext context;

    @Start
    void start(Stage stage) {
        AppConfig config = AppConfig.builder().pollInterval(Duration.ofHours(1)).build();
        context = new AppContext(config, sources::forConfig, new GuiFixture.RecordingActions(), clock,
                ZoneOffset.UTC);
        MainWindow.applyTheme(false);
        new MainWindow(context).show(stage, 1280, 800);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(context::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void demoFleetFillsTheTableAndSaysItIsDemoData(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.status().pollCountProperty().get() >= 1);
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<SessionRow> table = robot.lookup(".session-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSizeGreaterThan(100);
        assertThat(((Stage) table.getScene().getWindow()).getTitle()).isEqualTo("SessionWatch — Demo data");
        assertThat(robot.lookup("#demoStatus").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#demoBadge").queryAs(Label.class).isVisible()).isTrue();

        @SuppressWarnings("unchecked")
        TableView<ServerHealth> servers = robot.lookup(".server-table").queryAs(TableView.class);
        assertThat(servers.getItems()).extracting(ServerHealth::getState)
                .contains(ServerState.OK, ServerState.ACCESS_DENIED, ServerState.UNREACHABLE);
    }
}
