package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row's properties are created only when asked for (to keep 100,000 rows small); values set before and after that
 * must read the same through getter and property, and changes after it must reach listeners.
 */
class SessionRowPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static Session session(long idle) {
        return Session.builder("FS01", InfoLevel.LEVEL_502).clientName("10.0.0.5").userName("alice")
                .activeSeconds(600).idleSeconds(idle).build();
    }

    private static RowValues values(long idle, boolean stale, String host) {
        return SessionRow.of(session(idle), T0).getValues().withStale(stale).withHostName(host);
    }

    @Test
    void valuesSetBeforeAPropertyExistsAreWhatItStartsWith() {
        SessionRow row = SessionRow.of(session(5), T0);
        row.update(values(9, true, "pc-alice.corp.example"));
        row.setFresh(true);
        row.markEnded();

        assertThat(row.valuesProperty().get().session().idleSeconds()).hasValue(9);
        assertThat(row.valuesProperty().get().hostName()).isEqualTo("pc-alice.corp.example");
        assertThat(row.isStale()).isTrue();
        assertThat(row.endedProperty().get()).isTrue();
        assertThat(row.freshProperty().get()).as("ending clears the highlight").isFalse();
    }

    @Test
    void changesAfterAPropertyExistsReachItsListenersAndTheGetters() {
        SessionRow row = SessionRow.of(session(5), T0);
        List<Object> seen = new ArrayList<>();
        row.valuesProperty().addListener((obs, old, now) -> seen.add(now.session().idleSeconds().getAsLong()));
        row.freshProperty().addListener((obs, old, now) -> seen.add("fresh=" + now));

        row.update(values(7, false, null));
        row.setFresh(true);
        row.update(values(8, true, "pc-alice"));

        assertThat(seen).containsExactly(7L, "fresh=true", 8L);
        assertThat(row.getSession().idleSeconds()).hasValue(8);
        assertThat(row.isStale()).isTrue();
        assertThat(row.getHostName()).isEqualTo("pc-alice");
    }
}
