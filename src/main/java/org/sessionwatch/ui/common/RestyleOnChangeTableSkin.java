package org.sessionwatch.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The skin of the tables a poll updates (sessions, servers): JavaFX's own, except that a row whose content changed is
 * re-styled only when its style can have changed.
 *
 * <p>When any visible row's text changes (ages and poll times do on every poll) or rows are added or removed above
 * the visible ones (ended and new sessions), the table's {@link VirtualFlow} lays out all of its rows again and gives
 * each visible row cell its index again: the row cells keep their places (and stripes), some show other items. For
 * every row cell whose content changed it then applies CSS to the row and all of its cells: each of their styles is
 * computed again, which was most of what a poll cost the FX thread. Yet a row's styles depend only on its
 * pseudo-classes (odd, selected, fresh, stale, …), its cells' pseudo-classes, style classes and inline styles, and the
 * graphics they show; text alone restyles nothing. {@link StyledRowsFlow} compares a fingerprint of the pseudo-classes
 * before and after, watches the rest for any change, and applies CSS only when something differs or changed, or when
 * it has not styled the row cell before. A change it does not see (the style class of a node inside a graphic, or
 * two pseudo-class sets with the same hash) is still styled by the next pulse's CSS pass, which processes every node
 * whose style was invalidated: one frame later.
 */
public final class RestyleOnChangeTableSkin<S> extends TableViewSkin<S> {

    public RestyleOnChangeTableSkin(TableView<S> table) {
        super(table);
    }

    @Override
    protected VirtualFlow<TableRow<S>> createVirtualFlow() {
        return new StyledRowsFlow<>();
    }

    StyledRowsFlow<?> rowsFlow() {
        return (StyledRowsFlow<?>) getVirtualFlow();
    }

    /** A {@link VirtualFlow} that applies CSS to a cell given a new index only when its style inputs changed. */
    static final class StyledRowsFlow<T extends IndexedCell<?>> extends VirtualFlow<T> {
        /** Marks a cell this flow has given an index while it was in a scene (its styles were then applied). */
        private static final Object STYLED = new Object();
        /** Marks a node whose style classes, inline style and graphic this flow watches. */
        private static final Object WATCHED = new Object();
        /** Row cells given an index that then needed a layout: re-styled, and not (their style inputs held). */
        long restyled;
        long kept;
        /**
         * Set when a watched node's style class list, inline style or graphic changes while a cell takes its index
         * (a graphic's style classes are watched once it has been shown: a state icon changes its class).
         * Watched rather than compared: removing a style class resets the node's styled values at once, so a class
         * removed and added back leaves the list as it was and the node unstyled until CSS is applied again.
         */
        private boolean touched;
        private final InvalidationListener touch = o -> touched = true;
        private final ChangeListener<Object> change = (o, old, now) -> touched = true;

        @Override
        protected void setCellIndex(T cell, int index) {
            if (cell.getScene() == null || !cell.getProperties().containsKey(STYLED)) {
                super.setCellIndex(cell, index);
                if (cell.getScene() != null) {
                    cell.getProperties().put(STYLED, Boolean.TRUE);
                }
                return;
            }
            watch(cell);
            long before = styleInputs(cell);
            touched = false;
            cell.updateIndex(index);
            if (cell.isNeedsLayout()) {
                if (touched || styleInputs(cell) != before) {
                    cell.applyCss();
                    restyled++;
                } else {
                    kept++;
                }
            }
        }

        /** Watches the row cell, each of its cells and the graphic each shows, once each. */
        private void watch(T row) {
            watchNode(row);
            for (Node child : row.getChildrenUnmodifiable()) {
                watchNode(child);
                if (child instanceof Labeled labeled && labeled.getGraphic() != null) {
                    watchNode(labeled.getGraphic());
                }
            }
        }

        private void watchNode(Node node) {
            if (node.getProperties().putIfAbsent(WATCHED, Boolean.TRUE) == null) {
                node.getStyleClass().addListener(touch);
                node.styleProperty().addListener(change);
                if (node instanceof Labeled labeled) {
                    labeled.graphicProperty().addListener(change);
                }
            }
        }

        /**
         * A fingerprint of the row cell's and its cells' pseudo-classes and of which cells it holds (a cell added
         * for a column shown since is not styled yet).
         */
        static long styleInputs(Parent row) {
            long inputs = row.getPseudoClassStates().hashCode();
            for (Node child : row.getChildrenUnmodifiable()) {
                inputs = inputs * 31 + System.identityHashCode(child);
                inputs = inputs * 31 + child.getPseudoClassStates().hashCode();
            }
            return inputs;
        }
    }
}
