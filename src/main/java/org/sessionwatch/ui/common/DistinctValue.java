package org.sessionwatch.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakListener;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * One table cell's value derived from a row's one changing value, which tells its listeners only when the derived
 * value itself changes (by {@code equals}), not whenever the row's value does, as {@code ObservableValue.map} would.
 * A poll gives every row on screen a new value (a session's ages advance, a server's last poll moves on), and a
 * table cell asks its row for a layout on every change of its value, even an equal one; with these values a row asks
 * only when something it shows changed.
 *
 * <p>Like {@code map}, it observes its source only while it has listeners, so a cell that moves on to another row
 * leaves nothing attached to the old one (a binding such as {@code Bindings.createObjectBinding} stays attached to
 * its sources until the garbage collector takes it, and a table asks its column for a new one whenever a cell is
 * re-indexed). FX thread.
 */
public final class DistinctValue<S, T> implements ObservableValue<T> {
    private final ObservableValue<S> source;
    private final Function<? super S, ? extends T> mapper;
    private final InvalidationListener sourceListener = o -> sourceChanged();
    private final List<InvalidationListener> invalidationListeners = new ArrayList<>(1);
    private final List<ChangeListener<? super T>> changeListeners = new ArrayList<>(0);
    /** The derived value while observing. */
    private T value;

    public DistinctValue(ObservableValue<S> source, Function<? super S, ? extends T> mapper) {
        this.source = Objects.requireNonNull(source, "source");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public T getValue() {
        return observing() ? value : derive();
    }

    @Override
    public void addListener(InvalidationListener listener) {
        startObserving();
        invalidationListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(InvalidationListener listener) {
        invalidationListeners.remove(listener);
        stopIfUnobserved();
    }

    @Override
    public void addListener(ChangeListener<? super T> listener) {
        startObserving();
        changeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(ChangeListener<? super T> listener) {
        changeListeners.remove(listener);
        stopIfUnobserved();
    }

    private T derive() {
        S from = source.getValue();
        return from == null ? null : mapper.apply(from);
    }

    private boolean observing() {
        return !invalidationListeners.isEmpty() || !changeListeners.isEmpty();
    }

    private void startObserving() {
        if (!observing()) {
            value = derive();
            source.addListener(sourceListener);
        }
    }

    private void stopIfUnobserved() {
        if (!observing()) {
            source.removeListener(sourceListener);
            value = null;
        }
    }

    private void sourceChanged() {
        // Weak listeners whose owner was collected (a cell the table dropped) are forgotten at every change of the
        // source, as JavaFX's own observables do, and with the last of them this value lets go of the row.
        invalidationListeners.removeIf(l -> l instanceof WeakListener weak && weak.wasGarbageCollected());
        changeListeners.removeIf(l -> l instanceof WeakListener weak && weak.wasGarbageCollected());
        if (!observing()) {
            stopIfUnobserved();
            return;
        }
        T before = value;
        T now = derive();
        if (Objects.equals(before, now)) {
            return;
        }
        value = now;
        // Copies: a listener may remove itself (a cell moving on) while it is told.
        for (InvalidationListener listener : List.copyOf(invalidationListeners)) {
            listener.invalidated(this);
        }
        for (ChangeListener<? super T> listener : List.copyOf(changeListeners)) {
            listener.changed(this, before, now);
        }
    }
}
