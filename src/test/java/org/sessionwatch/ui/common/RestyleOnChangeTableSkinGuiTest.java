package org.sessionwatch.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The polled tables' skin re-styles a row cell given another item only when its style inputs changed. Items are
 * removed above the visible rows, as a poll removes ended sessions, and every visible row and cell is inspected right
 * after the layout pass of the pulse that applied the change, before that frame is rendered: a row whose style was
 * wrongly kept would show its old selection, highlight or cell colour in that frame.
 */
@ExtendWith(ApplicationExtension.class)
class RestyleOnChangeTableSkinGuiTest {
    private static final PseudoClass HIGHLIGHTED = PseudoClass.getPseudoClass("highlighted");
    private static final Color EVEN = Color.web("#ffffff");
    private static final Color ODD = Color.web("#dddddd");
    private static final Color HIGHLIGHT = Color.web("#ffee88");
    private static final Color SELECTED = Color.web("#3355ff");
    private static final Color TEXT = Color.web("#000000");
    private static final Color TAGGED = Color.web("#cc0000");
    private static final String CSS = """
            .table-row-cell { -fx-background-color: #ffffff; }
            .table-row-cell:odd { -fx-background-color: #dddddd; }
            .table-row-cell:highlighted { -fx-background-color: #ffee88; }
            .table-row-cell:selected { -fx-background-color: #3355ff; }
            .table-cell { -fx-text-fill: #000000; }
            .table-cell.tagged { -fx-text-fill: #cc0000; }
            """;

    private final ObservableList<Integer> items = FXCollections.observableArrayList(
            IntStream.range(0, 1_000).boxed().toList());
    private TableView<Integer> table;
    private RestyleOnChangeTableSkin<Integer> skin;
    /** Whether the cells take their style class off and put it back on every item, as naive cell code does. */
    private volatile boolean naiveCells;

    @Start
    void start(Stage stage) {
        table = new TableView<>(items);
        // an item-dependent pseudo-class on the row, as fresh and stale sessions have
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(HIGHLIGHTED, highlighted(empty ? null : item));
            }
        });
        TableColumn<Integer, Integer> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        // an item-dependent style class on a cell, as anonymous users and flag badges have
        value.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                boolean tagged = tagged(empty ? null : item);
                if (naiveCells || !tagged) {
                    getStyleClass().remove("tagged");
                }
                if (tagged && !getStyleClass().contains("tagged")) {
                    getStyleClass().add("tagged");
                }
            }
        });
        table.getColumns().add(value);
        table.setFixedCellSize(24);
        skin = new RestyleOnChangeTableSkin<>(table);
        table.setSkin(skin);
        Scene scene = new Scene(table, 300, 300);
        scene.getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8)));
        stage.setScene(scene);
        stage.show();
        table.scrollTo(500);
        table.getSelectionModel().select(Integer.valueOf(505));
    }

    private static boolean tagged(Integer item) {
        return item != null && item % 3 == 0;
    }

    private static boolean highlighted(Integer item) {
        return item != null && item % 5 == 0;
    }

    @Test
    void rowsGivenItemsOfAnotherStyleAreRestyledInThePulseThatShiftsThem() {
        WaitForAsyncUtils.waitForFxEvents();
        long restyledBefore = onFx(() -> skin.rowsFlow().restyled);
        long keptBefore = onFx(() -> skin.rowsFlow().kept);

        // each visible row cell keeps its index and shows the next item: a different tag in two rows of three, a
        // different highlight in two of five, the selection one row up
        List<String> wrong = shiftAndInspect(1);

        assertThat(wrong).isEmpty();
        assertThat(onFx(() -> skin.rowsFlow().restyled) - restyledBefore).as("rows re-styled").isPositive();
        assertThat(onFx(() -> skin.rowsFlow().kept) - keptBefore).as("rows whose style inputs held").isPositive();
    }

    @Test
    void rowsGivenItemsOfTheSameStyleAreNotRestyled() {
        WaitForAsyncUtils.waitForFxEvents();
        long restyledBefore = onFx(() -> skin.rowsFlow().restyled);
        long keptBefore = onFx(() -> skin.rowsFlow().kept);
        long visible = onFx(() -> (long) rows().size());

        // 15 items fewer above: every visible row shows an item with the same tag and highlight as before; only
        // the selected item leaves the visible rows (and the focus with it)
        List<String> wrong = shiftAndInspect(15);

        assertThat(wrong).isEmpty();
        assertThat(onFx(() -> skin.rowsFlow().restyled) - restyledBefore).as("rows re-styled").isLessThanOrEqualTo(1);
        assertThat(onFx(() -> skin.rowsFlow().kept) - keptBefore).as("rows whose style inputs held")
                .isGreaterThanOrEqualTo(visible - 1);
    }

    @Test
    void aStyleClassTakenOffAndPutBackIsStyledInThePulseThatShiftsTheRows() {
        WaitForAsyncUtils.waitForFxEvents();
        long restyledBefore = onFx(() -> skin.rowsFlow().restyled);
        long taggedRows = onFx(() -> rows().stream().filter(r -> tagged((Integer) r.getItem())).count());
        naiveCells = true;

        // the tags are as before, but taking a class off resets the cell's styled text colour at once
        List<String> wrong = shiftAndInspect(15);

        assertThat(wrong).isEmpty();
        assertThat(onFx(() -> skin.rowsFlow().restyled) - restyledBefore).as("rows re-styled")
                .isGreaterThanOrEqualTo(taggedRows);
    }

    /**
     * Removes {@code count} items above the visible rows and returns what was wrong with the visible rows and cells
     * right after the layout of the pulse that applied the removal.
     */
    private List<String> shiftAndInspect(int count) {
        CompletableFuture<List<String>> inspected = new CompletableFuture<>();
        Runnable inspect = new Runnable() {
            @Override
            public void run() {
                Platform.runLater(() -> table.getScene().removePostLayoutPulseListener(this));
                inspected.complete(wrongStyles());
            }
        };
        Platform.runLater(() -> {
            table.getScene().addPostLayoutPulseListener(inspect);
            items.remove(0, count);
        });
        try {
            return inspected.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no pulse after the change", e);
        }
    }

    private List<String> wrongStyles() {
        List<String> wrong = new ArrayList<>();
        List<TableRow<?>> rows = rows();
        if (rows.size() < 10) {
            wrong.add("only " + rows.size() + " visible rows");
        }
        for (TableRow<?> row : rows) {
            Integer item = (Integer) row.getItem();
            Color expected = row.isSelected() ? SELECTED
                    : highlighted(item) ? HIGHLIGHT : row.getIndex() % 2 == 1 ? ODD : EVEN;
            Paint actual = row.getBackground() == null ? null : row.getBackground().getFills().getFirst().getFill();
            if (!expected.equals(actual)) {
                wrong.add("row " + row.getIndex() + " (item " + item + "): background " + actual + ", expected "
                        + expected);
            }
            for (Node child : row.getChildrenUnmodifiable()) {
                if (child instanceof TableCell<?, ?> cell && !expectedText(item).equals(cell.getTextFill())) {
                    wrong.add("cell of item " + item + ": text " + cell.getTextFill() + ", expected "
                            + expectedText(item));
                }
            }
        }
        return wrong;
    }

    private static Color expectedText(Integer item) {
        return tagged(item) ? TAGGED : TEXT;
    }

    private List<TableRow<?>> rows() {
        return table.lookupAll(".table-row-cell").stream().<TableRow<?>>map(n -> (TableRow<?>) n)
                .filter(r -> r.isVisible() && !r.isEmpty() && r.getItem() != null).toList();
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX work failed", e);
        }
    }
}
