package org.sessionwatch.ui.sessions;

import java.util.function.Function;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/**
 * The session table's row and cell renderers. The text and number cells are generic over the row type, so the
 * History tab's table shows users, numbers and level-dependent fields exactly as the live table does.
 */
public final class SessionCells {
    static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass ANONYMOUS = PseudoClass.getPseudoClass("anonymous");

    private SessionCells() {
    }

    /** Highlights new rows and dims stale ones through pseudo-classes the stylesheet colours. */
    static final class HighlightedRowCell extends TableRow<SessionRow> {
        private final javafx.beans.value.ChangeListener<Boolean> freshListener =
                (obs, old, now) -> pseudoClassStateChanged(FRESH, now);
        private final javafx.beans.value.ChangeListener<RowValues> staleListener =
                (obs, old, now) -> pseudoClassStateChanged(STALE, now.stale());

        @Override
        protected void updateItem(SessionRow item, boolean empty) {
            SessionRow previous = getItem();
            if (previous != null) {
                previous.freshProperty().removeListener(freshListener);
                previous.valuesProperty().removeListener(staleListener);
            }
            super.updateItem(item, empty);
            boolean present = item != null && !empty;
            if (present) {
                item.freshProperty().addListener(freshListener);
                item.valuesProperty().addListener(staleListener);
            }
            pseudoClassStateChanged(FRESH, present && item.isFresh());
            pseudoClassStateChanged(STALE, present && item.isStale());
        }
    }

    /**
     * Server name, with a clock icon and an explanation while its sessions are the last known ones. The icon and the
     * tooltip (a window of its own) are made the first time the cell shows a stale row: a table's first rows are
     * styled from scratch, and hardly ever stale (BENCHMARKS.md, start-up).
     */
    static final class ServerCell extends TableCell<SessionRow, SessionRow> {
        private FontIcon staleIcon;
        private Tooltip staleTip;
        private final javafx.beans.value.ChangeListener<RowValues> staleListener = (obs, old, now) -> show();
        private SessionRow shown;

        ServerCell() {
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(6);
        }

        @Override
        protected void updateItem(SessionRow item, boolean empty) {
            super.updateItem(item, empty);
            if (shown != null) {
                shown.valuesProperty().removeListener(staleListener);
            }
            shown = empty ? null : item;
            if (shown != null) {
                shown.valuesProperty().addListener(staleListener);
            }
            show();
        }

        private void show() {
            setText(shown == null ? null : shown.server());
            boolean stale = shown != null && shown.isStale();
            if (stale && staleIcon == null) {
                staleIcon = new FontIcon("mdal-history");
                staleIcon.getStyleClass().add("stale-icon");
                staleTip = new Tooltip();
            }
            setGraphic(stale ? staleIcon : null);
            if (stale) {
                staleTip.setText("Stale: " + shown.server()
                        + " did not answer the last poll. These are the last known values.");
            }
            setTooltip(stale ? staleTip : null);
        }
    }

    /** The user name; an anonymous (null) session says so instead of leaving the cell blank. */
    public static final class UserCell<S> extends TableCell<S, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean anonymous = !empty && (item == null || item.isEmpty());
            setText(empty ? null : anonymous ? "anonymous" : item);
            pseudoClassStateChanged(ANONYMOUS, anonymous);
        }
    }

    /** A right-aligned number, or a dash when the level does not carry it. */
    public static final class NumberCell<S> extends TableCell<S, Long> {
        private final Function<Long, String> format;
        private final Function<S, InfoLevel> level;

        /** @param level the level a row was read at, which explains a missing value */
        public NumberCell(Function<Long, String> format, Function<S, InfoLevel> level) {
            this.format = format;
            this.level = level;
            setAlignment(Pos.CENTER_RIGHT);
        }

        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? "—" : format.apply(item));
            // A dash is never a zero: say why the value is missing.
            explainMissing(this, !empty && item == null, level);
        }
    }

    /** A text column: a dash with an explanation when the session's level does not carry the field. */
    public static final class LevelTextCell<S> extends TableCell<S, String> {
        private final Function<S, InfoLevel> level;

        /** @param level the level a row was read at, which explains a missing value */
        public LevelTextCell(Function<S, InfoLevel> level) {
            this.level = level;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean missing = !empty && item == null;
            setText(empty ? null : missing ? "—" : item);
            explainMissing(this, missing, level);
        }
    }

    /**
     * A tooltip on a dash naming the level that lacks the value. The cell keeps its tooltip object (cells show
     * another row at every scroll or change above them, and a tooltip is a window of its own to create).
     */
    private static <S> void explainMissing(TableCell<S, ?> cell, boolean missing, Function<S, InfoLevel> level) {
        S row = cell.getTableRow() == null ? null : cell.getTableRow().getItem();
        if (!missing || row == null) {
            cell.setTooltip(null);
            return;
        }
        Tooltip tip = (Tooltip) cell.getProperties().computeIfAbsent(Tooltip.class, k -> new Tooltip());
        tip.setText("Not provided at level " + level.apply(row));
        cell.setTooltip(tip);
    }

    /**
     * What the Flags column shows. A value of its own, so a poll that gives a session a new {@link Session} (every
     * poll: ages advance) leaves the cell and its badge nodes alone unless a flag changed.
     */
    record Flags(boolean guest, boolean unencrypted) {
        static Flags of(Session session) {
            return new Flags(session.isGuest(), session.isUnencrypted());
        }
    }

    /**
     * Guest and unencrypted sessions as small labelled icons. Each cell keeps its two badges once it has shown a
     * flagged row, and shows or hides them: a cell shows another row whenever rows come and go above it, and new nodes
     * would be styled from scratch. A cell that never shows a flagged row never makes them (most rows have no flag,
     * and at start-up every badge's icon and tooltip would delay the first rows).
     */
    static final class FlagsCell extends TableCell<SessionRow, Flags> {
        private Label guest;
        private Label unencrypted;
        private HBox badges;

        @Override
        protected void updateItem(Flags item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            boolean any = !empty && item != null && (item.guest() || item.unencrypted());
            if (any) {
                if (badges == null) {
                    guest = flag("Guest", "mdmz-person_outline", "The user connected as a guest.");
                    unencrypted = flag("No encryption", "mdal-lock_open",
                            "The session does not use password encryption.");
                    badges = new HBox(6, guest, unencrypted);
                    badges.setAlignment(Pos.CENTER_LEFT);
                }
                show(guest, item.guest());
                show(unencrypted, item.unencrypted());
            }
            setGraphic(any ? badges : null);
        }

        private static void show(Label badge, boolean shown) {
            badge.setVisible(shown);
            badge.setManaged(shown);
        }

        private static Label flag(String text, String icon, String tip) {
            Label label = new Label(text, new FontIcon(icon));
            label.getStyleClass().add("flag-badge");
            label.setTooltip(new Tooltip(tip));
            return label;
        }
    }
}
