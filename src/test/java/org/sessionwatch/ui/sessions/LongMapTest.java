package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LongMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemovals() {
        Random random = new Random(42);
        LongMap<String> map = new LongMap<>();
        Map<Long, String> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // Mostly consecutive ids as the tracker hands them out, some far apart, some colliding in the low bits.
            long key = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(5_000);
                case 1 -> random.nextInt(64) * 1024L;
                default -> random.nextLong();
            };
            if (random.nextInt(3) == 0) {
                assertThat(map.remove(key)).isEqualTo(expected.remove(key));
            } else {
                String value = "v" + step;
                map.put(key, value);
                expected.put(key, value);
            }
            if (step % 10_000 == 0) {
                assertSameContent(map, expected);
            }
        }
        assertSameContent(map, expected);
    }

    @Test
    void removingEveryEntryLeavesAnEmptyMapThatStillWorks() {
        LongMap<String> map = new LongMap<>();
        for (long id = 0; id < 1_000; id++) {
            map.put(id, "s" + id);
        }
        for (long id = 0; id < 1_000; id++) {
            assertThat(map.remove(id)).isEqualTo("s" + id);
        }
        assertThat(map.size()).isZero();
        assertThat(map.values()).isEmpty();
        assertThat(map.get(5)).isNull();
        map.put(5, "again");
        assertThat(map.get(5)).isEqualTo("again");
    }

    private static void assertSameContent(LongMap<String> map, Map<Long, String> expected) {
        assertThat(map.size()).isEqualTo(expected.size());
        List<String> values = new ArrayList<>();
        map.values().forEach(values::add);
        // Sorted and compared as lists: an any-order comparison of 50,000 values takes quadratic time.
        values.sort(null);
        List<String> expectedValues = new ArrayList<>(expected.values());
        expectedValues.sort(null);
        assertThat(values).isEqualTo(expectedValues);
        expected.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
    }
}
