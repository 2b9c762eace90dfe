package org.sessionwatch.tracking;

import java.util.List;

/**
 * One server's live sessions by {@link SessionKey}: per key a {@link TrackedSession}, or a {@code List} of them
 * (never empty) when several share it. An open-addressing table of the values alone, probed linearly: a value's key
 * is its own session's, so no key object and no entry object is stored. About 6 bytes per session where a
 * {@code HashMap} took 40 (its node and its table), at 100,000 live sessions 3 MB less (BENCHMARKS.md, memory).
 *
 * <p>Not thread-safe: the tracker's thread.
 */
final class KeyIndex {
    private static final int MIN_CAPACITY = 8;
    private Object[] slots = new Object[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    /** The session or sessions under {@code key}, or null. */
    Object get(SessionKey key) {
        Object[] table = slots;
        int mask = table.length - 1;
        for (int i = slot(key, mask); table[i] != null; i = (i + 1) & mask) {
            if (keyOf(table[i]).equals(key)) {
                return table[i];
            }
        }
        return null;
    }

    /** Stores {@code value} under its own key, replacing what was there; returns what was there, or null. */
    Object put(Object value) {
        SessionKey key = keyOf(value);
        int mask = slots.length - 1;
        int i = slot(key, mask);
        for (; slots[i] != null; i = (i + 1) & mask) {
            if (keyOf(slots[i]).equals(key)) {
                Object before = slots[i];
                slots[i] = value;
                return before;
            }
        }
        slots[i] = value;
        size++;
        // At most three quarters full, so that probes stay short.
        if (size * 4L > slots.length * 3L) {
            resize(slots.length * 2);
        }
        return null;
    }

    /** Removes what is stored under {@code key}, if anything. */
    void remove(SessionKey key) {
        Object[] table = slots;
        int mask = table.length - 1;
        int i = slot(key, mask);
        while (table[i] != null && !keyOf(table[i]).equals(key)) {
            i = (i + 1) & mask;
        }
        if (table[i] == null) {
            return;
        }
        // Backward-shift deletion: every later value of the probe run that may move into the gap does, so that no
        // lookup stops early at an emptied slot (no tombstones).
        int gap = i;
        for (int j = (gap + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = slot(keyOf(table[j]), mask);
            // table[j] may fill the gap unless its home lies cyclically in (gap, j].
            boolean homeAfterGap = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!homeAfterGap) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = null;
        size--;
        if (slots.length > MIN_CAPACITY && size * 8L < slots.length) {
            resize(slots.length / 2);
        }
    }

    private void resize(int capacity) {
        Object[] old = slots;
        slots = new Object[capacity];
        int mask = capacity - 1;
        for (Object value : old) {
            if (value != null) {
                int i = slot(keyOf(value), mask);
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }

    private static int slot(SessionKey key, int mask) {
        int h = key.hashCode();
        // The record's hash mixes its strings' hashes with multiplications by 31: spread the high bits down.
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        return h & mask;
    }

    private static SessionKey keyOf(Object value) {
        if (value instanceof TrackedSession session) {
            return session.key();
        }
        @SuppressWarnings("unchecked")
        List<TrackedSession> sameKey = (List<TrackedSession>) value;
        return sameKey.getFirst().key();
    }
}
