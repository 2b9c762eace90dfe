package org.sessionwatch.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakListener;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctValueTest {
    /** A source that counts its listeners, to see when the derived value is attached to it. */
    private static final class Source extends SimpleObjectProperty<String> {
        int listeners;

        Source(String value) {
            super(value);
        }

        @Override
        public void addListener(InvalidationListener listener) {
            listeners++;
            super.addListener(listener);
        }

        @Override
        public void removeListener(InvalidationListener listener) {
            listeners--;
            super.removeListener(listener);
        }
    }

    /** What a weak listener looks like once its owner was collected. */
    private static final class CollectedListener implements InvalidationListener, WeakListener {
        @Override
        public void invalidated(Observable observable) {
            throw new AssertionError("a collected listener is never told");
        }

        @Override
        public boolean wasGarbageCollected() {
            return true;
        }
    }

    @Test
    void tellsItsListenersOnlyWhenTheDerivedValueChanges() {
        Source row = new Source("alice@PC1");
        DistinctValue<String, String> user = new DistinctValue<>(row, v -> v.substring(0, v.indexOf('@')));
        List<String> told = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        user.addListener((InvalidationListener) o -> told.add(user.getValue()));
        user.addListener((ChangeListener<String>) (o, before, now) -> changes.add(before + "->" + now));

        row.set("alice@PC2");
        row.set("alice@PC3");
        assertThat(told).as("the user did not change").isEmpty();

        row.set("bob@PC3");
        assertThat(told).containsExactly("bob");
        assertThat(changes).containsExactly("alice->bob");
        assertThat(user.getValue()).isEqualTo("bob");

        row.set(null);
        assertThat(user.getValue()).as("a null source derives null").isNull();
        assertThat(changes).containsExactly("alice->bob", "bob->null");
    }

    @Test
    void isAttachedToItsSourceOnlyWhileObserved() {
        Source row = new Source("alice@PC1");
        DistinctValue<String, String> user = new DistinctValue<>(row, v -> v.substring(0, v.indexOf('@')));
        assertThat(row.listeners).isZero();
        assertThat(user.getValue()).as("read without listeners").isEqualTo("alice");

        InvalidationListener cell = o -> { };
        user.addListener(cell);
        assertThat(row.listeners).isEqualTo(1);
        user.removeListener(cell);
        assertThat(row.listeners).as("a cell that moved on leaves nothing on the row").isZero();

        row.set("bob@PC1");
        assertThat(user.getValue()).as("derived afresh while unobserved").isEqualTo("bob");
    }

    /** A weak listener whose owner is gone (a cell the table dropped) lets the value go at the row's next change. */
    @Test
    void letsGoOfItsSourceOnceOnlyCollectedWeakListenersRemain() {
        Source row = new Source("alice@PC1");
        DistinctValue<String, String> user = new DistinctValue<>(row, v -> v.substring(0, v.indexOf('@')));
        user.addListener(new CollectedListener());
        assertThat(row.listeners).isEqualTo(1);

        row.set("alice@PC2"); // the user did not change: nobody would be told, but the row is let go of all the same
        assertThat(row.listeners).isZero();
    }

    @Test
    void aListenerMayRemoveItselfWhileTold() {
        Source row = new Source("alice@PC1");
        DistinctValue<String, String> user = new DistinctValue<>(row, v -> v.substring(0, v.indexOf('@')));
        List<String> told = new ArrayList<>();
        InvalidationListener[] once = new InvalidationListener[1];
        once[0] = o -> {
            told.add("once");
            user.removeListener(once[0]);
        };
        user.addListener(once[0]);
        user.addListener((InvalidationListener) o -> told.add("always"));

        row.set("bob@PC1");
        row.set("carol@PC1");
        assertThat(told).containsExactly("once", "always", "always");
    }
}
