package org.sessionwatch.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A {@link LocalLayoutLabel} in the details pane's arrangement (a grid in a scroll pane fitted to its width): a text
 * that needs the same height lays out the label alone and shows in full; a text that wraps onto more lines, or a font
 * that needs more room, lays out the pane and gets the height it needs.
 */
@ExtendWith(ApplicationExtension.class)
class LocalLayoutLabelGuiTest {
    private static final String SHORT = "2 h 13 min (7,985 s)";
    private static final String LONG = "a value long enough to wrap onto several lines of a narrow details pane, "
            + "as a client name with its reverse-DNS name or a long transport name can be";

    /** The pane around the grid, counting its layouts: each one is a layout of everything above the label. */
    private static final class CountingBox extends VBox {
        int layouts;

        @Override
        protected void layoutChildren() {
            layouts++;
            super.layoutChildren();
        }
    }

    private CountingBox content;
    private LocalLayoutLabel value;

    @Start
    void start(Stage stage) {
        content = new CountingBox();
        value = new LocalLayoutLabel();
        GridPane grid = new GridPane();
        grid.setHgap(14);
        ColumnConstraints labels = new ColumnConstraints(100);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        value.label().setWrapText(true);
        value.label().setText(SHORT);
        grid.addRow(0, new Label("Connected for"), value);
        grid.addRow(1, new Label("Idle for"), new Label("12 s"));
        content.getChildren().add(grid);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(new StackPane(scroll), 320, 300));
        stage.sizeToScene(); // TestFX's one stage may still have the size of an earlier test's window
        stage.show();
    }

    @Test
    void aTextOfTheSameHeightLaysOutTheLabelAloneAndShowsInFull() {
        WaitForAsyncUtils.waitForFxEvents();
        int before = onFx(() -> content.layouts);
        double height = onFx(value::getHeight);

        for (String text : new String[] {"2 h 13 min (7,986 s)", "2 h 14 min (8,040 s)", "1 s (1 s)"}) {
            onFx(() -> {
                value.label().setText(text);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(shownText()).isEqualTo(text);
        }

        assertThat(onFx(() -> content.layouts)).as("layouts of the pane around the label").isEqualTo(before);
        assertThat(value.containerLayouts).isZero();
        assertThat(onFx(value::getHeight)).isEqualTo(height);
    }

    @Test
    void aTextThatWrapsOrAFontThatNeedsMoreRoomGetsTheHeightItNeeds() {
        WaitForAsyncUtils.waitForFxEvents();
        double oneLine = onFx(value::getHeight);
        int before = onFx(() -> content.layouts);

        onFx(() -> {
            value.label().setText(LONG);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double wrapped = onFx(value::getHeight);
        assertThat(wrapped).as("several lines").isGreaterThan(2 * oneLine);
        assertThat(wrapped).isEqualTo(onFx(() -> value.label().prefHeight(value.getWidth())));
        assertThat(onFx(() -> content.layouts)).isGreaterThan(before);
        assertThat(shownText()).as("wrapped, not cut off").isEqualTo(LONG);

        onFx(() -> {
            value.label().setText(SHORT);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(value::getHeight)).as("back to one line").isEqualTo(oneLine);

        onFx(() -> {
            value.label().setStyle("-fx-font-size: 40px");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(value::getHeight)).as("a bigger font").isGreaterThan(2 * oneLine);
        assertThat(shownText()).as("the bigger text wraps rather than being cut off").isEqualTo(SHORT);
        assertThat(value.containerLayouts).as("each of the three changes laid out the pane (a font change may"
                + " change the label's padding too, when the theme sizes it in em)").isBetween(3L, 6L);
    }

    /** The text the label draws: its full text, or a shortened one ending in an ellipsis when it does not fit. */
    private String shownText() {
        return onFx(() -> ((Text) value.label().lookup(".text")).getText().replace("\n", " ").replaceAll(" +", " "));
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
