package org.sessionwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's icons are decoded off the path to the first frame (BENCHMARKS.md, start-up) and still reach the stage
 * once they are ready, whether that is before or after the window shows; a failure leaves the window without icons.
 */
@ExtendWith(ApplicationExtension.class)
class WindowIconsGuiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("window"), 200, 100));
        stage.show();
    }

    @Test
    void iconsDecodedOnAnotherThreadReachTheShowingStageOnTheFxThread() throws Exception {
        CompletableFuture<List<Image>> decoding = new CompletableFuture<>();
        MainWindow.showIcons(stage, decoding);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getIcons()).as("nothing to show before the icons are decoded").isEmpty();

        Thread.ofPlatform().name("test-icons").start(() -> decoding.complete(MainWindow.loadIcons())).join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !stage.getIcons().isEmpty());

        assertThat(stage.getIcons()).extracting(Image::getWidth)
                .containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0, 512.0);
    }

    @Test
    void iconsThatCannotBeReadLeaveTheWindowWithoutIcons() {
        MainWindow.showIcons(stage, CompletableFuture.failedFuture(new IllegalStateException("broken jar")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getIcons()).isEmpty();
        assertThat(stage.isShowing()).isTrue();
    }
}
