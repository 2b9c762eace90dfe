package org.sessionwatch.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.ui.testing.GuiFixture;
import org.sessionwatch.ui.testing.ScriptedSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With the demo fleet the window says so under the toolbar and its button opens the server editor on a new server. */
@ExtendWith(ApplicationExtension.class)
class DemoCallGuiTest {
    private final GuiFixture fixture = new GuiFixture(new ScriptedSource()
            .then(cycle(T0, ok("FS-HQ-01", T0, session("FS-HQ-01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0))))
            .then(cycle(T0, ok("FS01", T0))), AppConfig.defaults());
    private final AtomicInteger addServerOpened = new AtomicInteger();

    @Start
    void start(Stage stage) {
        fixture.show(stage);
        fixture.window.offerFirstRun(addServerOpened::incrementAndGet);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void demoDataCallToActionOpensTheServerEditorAndGoesAwayOnceServersAreConfigured(FxRobot robot) throws Exception {
        fixture.awaitPolls(1);
        Node bar = robot.lookup(".demo-call").query();
        assertThat(bar.isVisible()).isTrue();
        assertThat(robot.lookup(".demo-call .label").queryLabeled().getText())
                .startsWith("This is demo data — add your servers");

        Button add = robot.lookup("#addServersButton").queryButton();
        robot.clickOn(add);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(addServerOpened).hasValue(1);

        WaitForAsyncUtils.asyncFx(() -> fixture.context.applyConfig(
                AppConfig.defaults().withServers(List.of(ServerConfig.of("FS01"))))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).as("no demo data any more").isFalse();
        assertThat(bar.isManaged()).isFalse();
    }
}
