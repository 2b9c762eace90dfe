package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class KeyIndexTest {
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private static TrackedSession tracked(long id, String client, String user) {
        Session session = Session.builder("FS01", InfoLevel.LEVEL_502).clientName(client).userName(user)
                .activeSeconds(60).build();
        return new TrackedSession(id, SessionKey.of(session), AT.getEpochSecond() - 60, session,
                InfoLevel.LEVEL_502, AT);
    }

    @Test
    void findsWhatWasPutUnderTheValuesOwnKeyIgnoringCase() {
        KeyIndex index = new KeyIndex();
        TrackedSession alice = tracked(1, "\\\\PC1", "Alice");
        TrackedSession bob = tracked(2, "\\\\PC2", "bob");

        assertNull(index.put(alice));
        assertNull(index.put(bob));

        assertSame(alice, index.get(tracked(9, "\\\\pc1", "ALICE").key()));
        assertSame(bob, index.get(bob.key()));
        assertNull(index.get(tracked(9, "\\\\pc1", "bob").key()));
        assertNull(index.get(new SessionKey("FS02", alice.key().client(), alice.key().user())),
                "another server is another key");
        assertEquals(2, index.size());
    }

    @Test
    void putReplacesTheValueOfAnEqualKeyAndRemoveForgetsIt() {
        KeyIndex index = new KeyIndex();
        TrackedSession before = tracked(1, "\\\\pc1", "alice");
        TrackedSession after = tracked(1, "\\\\PC1", "ALICE");
        index.put(before);

        assertSame(before, index.put(after));
        assertSame(after, index.get(before.key()));
        assertEquals(1, index.size());

        List<TrackedSession> shared = new ArrayList<>(List.of(after, tracked(7, "\\\\pc1", "alice")));
        assertSame(after, index.put(shared), "a list is stored under its first session's key");
        assertSame(shared, index.get(before.key()));

        index.remove(before.key());
        assertNull(index.get(before.key()));
        assertEquals(0, index.size());
        index.remove(before.key()); // nothing there: no effect
        assertEquals(0, index.size());
    }

    /**
     * Against a HashMap over many random inserts and removals (which grow and shrink the table many times and make
     * long probe runs that wrap around its end): every remaining key is found, every removed one is not. A deletion
     * that left a hole in a probe run would lose the values after it.
     */
    @Test
    void agreesWithAHashMapThroughGrowthShrinkingAndDeletions() {
        Random random = new Random(42);
        KeyIndex index = new KeyIndex();
        Map<SessionKey, TrackedSession> expected = new HashMap<>();
        List<TrackedSession> pool = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            pool.add(tracked(i, "\\\\10.0." + (i / 250) + "." + (i % 250), "user" + (i % 97)));
        }
        for (int step = 0; step < 60_000; step++) {
            TrackedSession session = pool.get(random.nextInt(step < 30_000 ? pool.size() : 200));
            if (random.nextInt(3) == 0 || !expected.containsKey(session.key()) && random.nextBoolean()) {
                index.put(session);
                expected.put(session.key(), session);
            } else {
                index.remove(session.key());
                expected.remove(session.key());
            }
            if (step % 5_000 == 0 || step == 59_999) {
                assertEquals(expected.size(), index.size(), "size at step " + step);
                for (TrackedSession candidate : pool) {
                    assertSame(expected.get(candidate.key()), index.get(candidate.key()),
                            "value under " + candidate.key() + " at step " + step);
                }
            }
        }
    }
}
