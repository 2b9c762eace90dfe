package org.sessionwatch.ui.history;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import org.sessionwatch.history.HistoryException;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.sessions.RowValues;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * "Last seen" for the selected session's user and client in the details pane: "alice last connected to FS02
 * yesterday 17:42 from PC-0412". Asked of the history once per selected session (not per poll), off the FX thread.
 */
public final class LastSeenModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    /** What was asked: the selected session's user, client and start. */
    private record Asked(String user, String client, Instant before) {
    }

    private final HistoryReader reader;
    private final TaskExecutor background;
    private final Consumer<Runnable> fxThread;
    private final Clock clock;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private Asked asked;

    public LastSeenModel(ObservableValue<SessionRow> selected, HistoryReader reader, TaskExecutor background,
                         Consumer<Runnable> fxThread, Clock clock, ZoneId zone) {
        this.reader = reader;
        this.background = background;
        this.fxThread = fxThread;
        this.clock = clock;
        this.zone = zone;
        selected.subscribe(this::selected);
    }

    /** One line for the user, one for the client; empty while nothing is selected. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    private void selected(SessionRow row) {
        if (row == null) {
            asked = null;
            text.set("");
            return;
        }
        RowValues values = row.valuesProperty().getValue();
        Asked question = new Asked(values.user(), values.client(),
                values.connectedSince().orElse(values.seenAt()));
        if (question.equals(asked)) {
            return;
        }
        asked = question;
        text.set("Looking in the history…");
        background.execute(() -> {
            String answer;
            try {
                answer = reader.read(history -> describe(question,
                        question.user().isEmpty() ? Optional.empty()
                                : history.latestBefore(Party.USER, question.user(), question.before()),
                        question.client().isEmpty() ? Optional.empty()
                                : history.latestBefore(Party.CLIENT, question.client(), question.before())));
            } catch (HistoryException e) {
                answer = "No history to look in: " + e.getMessage();
            }
            String shown = answer;
            fxThread.accept(() -> {
                if (Objects.equals(asked, question)) {
                    text.set(shown);
                }
            });
        });
    }

    private String describe(Asked question, Optional<HistoryInterval> user, Optional<HistoryInterval> client) {
        List<String> lines = new ArrayList<>();
        if (!question.user().isEmpty()) {
            lines.add(user.map(i -> question.user() + " last connected to " + i.server() + " " + when(i)
                            + (i.client() == null ? "" : " from " + i.client()) + ".")
                    .orElse("No earlier session of " + question.user() + " is recorded."));
        }
        if (!question.client().isEmpty()) {
            lines.add(client.map(i -> question.client() + " was last used"
                            + (i.user() == null || i.user().isEmpty() ? "" : " by " + i.user()) + " on " + i.server()
                            + " " + when(i) + ".")
                    .orElse("No earlier session from " + question.client() + " is recorded."));
        }
        return String.join("\n", lines);
    }

    /** "today 08:10", "yesterday 17:42" or "Mon 23 Nov 2026 09:00", in the window's time zone. */
    private String when(HistoryInterval interval) {
        ZonedDateTime at = Timeline.barStart(interval).atZone(zone);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate day = at.toLocalDate();
        String date = day.equals(today) ? "today" : day.equals(today.minusDays(1)) ? "yesterday"
                : "on " + DAY.format(at);
        return date + " " + CLOCK.format(at);
    }
}
