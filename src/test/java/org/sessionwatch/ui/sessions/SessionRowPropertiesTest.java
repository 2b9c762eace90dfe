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

    @Test
    void valuesSetBeforeAPropertyExistsAreWhatItStartsWith() {
        SessionRow row = SessionRow.of(session(5), T0);
        row.update(session(9), InfoLevel.LEVEL_10, T0.plusSeconds(15));
        row.setFresh(true);
        row.setStale(true);
        row.setHostName("pc-alice.corp.example");
        row.markEnded();

        assertThat(row.sessionProperty().get().idleSeconds()).hasValue(9);
        assertThat(row.requestedLevelProperty().get()).isEqualTo(InfoLevel.LEVEL_10);
        assertThat(row.seenAtProperty().get()).isEqualTo(T0.plusSeconds(15));
        assertThat(row.hostNameProperty().get()).isEqualTo("pc-alice.corp.example");
        assertThat(row.staleProperty().get()).isTrue();
        assertThat(row.endedProperty().get()).isTrue();
        assertThat(row.freshProperty().get()).as("ending clears the highlight").isFalse();
    }

    @Test
    void changesAfterAPropertyExistsReachItsListenersAndTheGetters() {
        SessionRow row = SessionRow.of(session(5), T0);
        List<Object> seen = new ArrayList<>();
        row.sessionProperty().addListener((obs, old, now) -> seen.add(now.idleSeconds().getAsLong()));
        row.staleProperty().addListener((obs, old, now) -> seen.add("stale=" + now));
        row.hostNameProperty().addListener((obs, old, now) -> seen.add(now));

        row.update(session(7), InfoLevel.LEVEL_502, T0.plusSeconds(15));
        row.update(session(7), InfoLevel.LEVEL_502, T0.plusSeconds(30));
        row.setStale(true);
        row.setHostName("pc-alice");

        assertThat(seen).containsExactly(7L, "stale=true", "pc-alice");
        assertThat(row.getSession().idleSeconds()).hasValue(7);
        assertThat(row.getSeenAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(row.isStale()).isTrue();
        assertThat(row.getHostName()).isEqualTo("pc-alice");
    }
}
