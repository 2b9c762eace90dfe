package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.cycle;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The key index holds a single row per key as itself and switches to a list only while several sessions share a
 * key; going from two rows to one and back must keep matching the right rows.
 */
class SessionTableModelIndexTest {
    private static final Instant START_A = T0.minusSeconds(3_600);
    private static final Instant START_B = T0.minusSeconds(60);

    private final SessionTableModel model = new SessionTableModel();

    @Test
    void rowsSharingAKeyCanEndOneByOneAndComeBack() {
        model.apply(cycle(T0, ok("FS01", T0, session("FS01", "alice", "10.0.0.5", START_A, T0, 5),
                session("FS01", "alice", "10.0.0.5", START_B, T0, 1))));
        SessionRow older = model.rows().stream().filter(r -> r.connectedSince().orElseThrow().equals(START_A))
                .findFirst().orElseThrow();

        Instant t1 = T0.plusSeconds(15);
        model.apply(cycle(t1, ok("FS01", t1, session("FS01", "alice", "10.0.0.5", START_A, t1, 9))));
        Instant t2 = t1.plusSeconds(15);
        model.apply(cycle(t2, ok("FS01", t2, session("FS01", "alice", "10.0.0.5", START_A, t2, 12))));

        assertThat(model.rows()).containsExactly(older);
        assertThat(older.getSession().idleSeconds()).hasValue(12);

        Instant t3 = t2.plusSeconds(15);
        Instant startC = t3.minusSeconds(2);
        model.apply(cycle(t3, ok("FS01", t3, session("FS01", "alice", "10.0.0.5", START_A, t3, 0),
                session("FS01", "alice", "10.0.0.5", startC, t3, 0))));

        assertThat(model.rows()).hasSize(2).contains(older);
        assertThat(model.rows()).filteredOn(r -> r != older).singleElement()
                .satisfies(r -> assertThat(r.connectedSince()).contains(startC));

        Instant t4 = t3.plusSeconds(15);
        model.apply(cycle(t4, ok("FS01", t4)));

        assertThat(model.rows()).isEmpty();
        assertThat(older.isEnded()).isTrue();
    }
}
