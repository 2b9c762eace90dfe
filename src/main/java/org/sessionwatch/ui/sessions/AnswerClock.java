package org.sessionwatch.ui.sessions;

import java.time.Instant;

/**
 * When one server's latest answer was complete, as far as the FX thread has applied the table's changes; shared by
 * that server's rows. The tracker reports nothing for a session that only aged, so a row keeps the values of its last
 * event and shows them {@linkplain RowValues#asOf as of} this time: the Connected column advances with every answer
 * while no row gets new values. A failing server's clock stands still, so its stale rows show their last known ages.
 * Also where the server's rows register once someone observes them. FX thread.
 */
final class AnswerClock {
    final ObservedRows observed;
    private Instant answeredAt;

    AnswerClock(ObservedRows observed) {
        this.observed = observed;
    }

    /** Null until the first answer has been applied. */
    Instant answeredAt() {
        return answeredAt;
    }

    /** A server's answer that a change carries, applied on the FX thread with it. */
    record Tick(AnswerClock clock, Instant at) {
        void apply() {
            if (clock.answeredAt == null || at.isAfter(clock.answeredAt)) {
                clock.answeredAt = at;
            }
        }
    }
}
