package org.sessionwatch.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A label whose text changes lay out only the label itself, as long as the new text needs the same height at the
 * label's width; a text that needs another height (a value that now wraps onto a second line, or no longer does)
 * lays out its container as any label would.
 *
 * <p>For a value that changes on every poll (a session's ages, "as of" times) in a pane that is costly to lay out:
 * JavaFX lays out every ancestor of a label whose text changed, and a {@code ScrollPane} passes every layout request
 * of its content up to the window's root, so one changed value in the details pane re-measured the whole pane, the
 * split pane around it and the window once per poll. The label is an unmanaged child of this region, which makes it
 * a layout root (JavaFX's own rule for unmanaged nodes); this region sizes it and forwards its sizes.
 *
 * <p>Meant for a label whose width its container decides (a grid column that grows, a pane fitted to its width):
 * a longer or shorter text that fits the same height keeps the width it has, instead of possibly moving a column
 * boundary by a few pixels. FX thread.
 */
public final class LocalLayoutLabel extends Region {
    private final Label label = new Label();
    /** The label's preferred height at its width when it was last laid out by this region; -1 before that. */
    private double laidOutHeight = -1;
    private double laidOutWidth = -1;
    /** Counts the changes since the first layout that had to lay out the container; for tests. */
    long containerLayouts;

    public LocalLayoutLabel() {
        label.setManaged(false);
        getChildren().add(label);
        // Whatever can change the label's size: checked at once (the label's skin computes sizes afresh from these).
        // Change listeners, not invalidation ones: those would stay silent while nobody reads the value.
        ChangeListener<Object> check = (property, before, now) -> sizeMayHaveChanged();
        label.textProperty().addListener(check);
        label.fontProperty().addListener(check);
        label.wrapTextProperty().addListener(check);
        label.graphicProperty().addListener(check);
        label.lineSpacingProperty().addListener(check);
        label.labelPaddingProperty().addListener(check);
        label.paddingProperty().addListener(check);
    }

    /** The label shown: set its text, style classes, id and wrapping on it. */
    public Label label() {
        return label;
    }

    private void sizeMayHaveChanged() {
        if (laidOutHeight < 0) {
            requestLayout(); // not laid out yet
        } else if (label.prefHeight(laidOutWidth) != laidOutHeight
                || (!label.isWrapText() && label.prefWidth(-1) > laidOutWidth)) {
            containerLayouts++;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double width = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double height = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        label.resizeRelocate(in.getLeft(), in.getTop(), width, height);
        laidOutWidth = width;
        laidOutHeight = label.prefHeight(width);
    }

    @Override
    public Orientation getContentBias() {
        return label.getContentBias();
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontal() + label.minWidth(inner(height, false));
    }

    @Override
    protected double computeMinHeight(double width) {
        return vertical() + label.minHeight(inner(width, true));
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal() + label.prefWidth(inner(height, false));
    }

    @Override
    protected double computePrefHeight(double width) {
        return vertical() + label.prefHeight(inner(width, true));
    }

    /** Any width: the container decides it (a label's own maximum would be its text's width). */
    @Override
    protected double computeMaxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return vertical() + label.maxHeight(inner(width, true));
    }

    @Override
    public double getBaselineOffset() {
        return label.getLayoutY() + label.getBaselineOffset();
    }

    private double horizontal() {
        return getInsets().getLeft() + getInsets().getRight();
    }

    private double vertical() {
        return getInsets().getTop() + getInsets().getBottom();
    }

    /** A size given to this region as the label's: -1 stays -1 (no constraint). */
    private double inner(double size, boolean isWidth) {
        return size < 0 ? size : Math.max(0, size - (isWidth ? horizontal() : vertical()));
    }
}
