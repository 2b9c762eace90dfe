package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.List;

/**
 * What one tracker update (or a new filter, sort order or host name) does to the table, decided on the tracker
 * thread: the visible list's change script, whether rows got new values (published to the rows already; the FX
 * thread shows them on the rows it watches), the servers that answered (their rows' ages advance), the rows that
 * ended and the new rows to highlight. The FX thread only writes these in ({@link SessionsViewModel#apply}).
 *
 * @param at            the poll time the change belongs to (new rows are highlighted from then on)
 * @param answered      each server that answered, with the time its answer was complete
 * @param total         every tracked session, shown or filtered out
 * @param cycleComplete the change closes a poll cycle
 */
record TableChange(Instant at, RowScript script, boolean valuesChanged, List<AnswerClock.Tick> answered,
                   List<SessionRow> ended, List<SessionRow> connected, int total, boolean cycleComplete) {

    boolean isEmpty() {
        return script.isEmpty() && !valuesChanged && answered.isEmpty() && ended.isEmpty() && connected.isEmpty()
                && !cycleComplete;
    }
}
