package org.sessionwatch.ui.sessions;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A map from session id to value without boxing: the table looks up every row by its tracker id on every poll
 * (100,000 times), and a {@code HashMap<Long, …>} allocates a {@code Long} per lookup and a node per entry. Open
 * addressing with linear probing; removal shifts the following entries back, so no tombstones pile up between polls.
 *
 * <p>Iterating over {@link #values()} while the map changes is not supported. Not thread-safe.
 */
final class LongMap<V> {
    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = values.length - 1;
        for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return (V) values[i];
            }
        }
        return null;
    }

    void put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int mask = values.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    @SuppressWarnings("unchecked")
    V remove(long key) {
        int mask = values.length - 1;
        int i = slot(key, mask);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return null;
        }
        V removed = (V) values[i];
        // Shift back every following entry of the run that could sit in the freed slot (its home is not between).
        int free = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - free) & mask)) {
                keys[free] = keys[j];
                values[free] = values[j];
                free = j;
            }
        }
        values[free] = null;
        size--;
        return removed;
    }

    /** The values, in no particular order. */
    Iterable<V> values() {
        return () -> new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < values.length && values[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < values.length;
            }

            @Override
            @SuppressWarnings("unchecked")
            public V next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                V value = (V) values[next];
                next = advance(next + 1);
                return value;
            }
        };
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldValues.length * 2];
        values = new Object[oldValues.length * 2];
        int mask = values.length - 1;
        for (int k = 0; k < oldValues.length; k++) {
            if (oldValues[k] != null) {
                int i = slot(oldKeys[k], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
        Arrays.fill(oldValues, null);
    }

    private static int slot(long key, int mask) {
        // Tracker ids are handed out consecutively, server by server, and events arrive in that order: the id itself
        // puts consecutive ids in neighbouring slots without collisions, so a poll's lookups walk memory in order
        // instead of missing the cache once per row (a mixed hash cost a cache miss per lookup at 100,000 rows).
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
