package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

import javafx.beans.value.ObservableValue;

import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;

import static org.sessionwatch.format.HumanDurations.Style.SPACED;

/**
 * Everything level 502 can say about the selected session, with labels and units. A field the obtained level does not
 * carry reads "not provided at level N" instead of a misleading 0; a NULL string from the server reads "none
 * reported". Times are shown both as durations and as the computed timestamps (seen time minus the duration).
 * Every value derives from the selected session with bindings: nothing here is refreshed by hand.
 */
public final class DetailsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObservableValue<SessionRow> row;
    private final ObservableValue<RowValues> values;
    private final ObservableValue<Boolean> ended;
    private final ObservableValue<Boolean> stale;
    private final ObservableValue<List<DetailLine>> lines;
    private final ObservableValue<String> title;
    private final ObservableValue<String> status;
    private final ZoneId zone;

    /** @param selected the window's selected session; everything shown here derives from it */
    public DetailsViewModel(ObservableValue<SessionRow> selected, ZoneId zone) {
        this.zone = zone;
        this.row = selected;
        this.values = selected.flatMap(SessionRow::valuesProperty);
        this.ended = selected.flatMap(SessionRow::endedProperty).orElse(false);
        this.stale = values.map(v -> v.stale()).orElse(false);
        this.lines = values.map(this::linesOf).orElse(List.of());
        this.title = values.map(v -> v.session().userName().filter(u -> !u.isEmpty()).orElse("(no user)")
                + " on " + v.server()).orElse("");
        this.status = selected.flatMap(r -> r.endedProperty().flatMap(isEnded ->
                r.valuesProperty().map(v -> statusOf(v, isEnded)))).orElse("");
    }

    /** The row shown; it may have ended and left the table. */
    public ObservableValue<SessionRow> rowProperty() {
        return row;
    }

    public SessionRow getRow() {
        return row.getValue();
    }

    public ObservableValue<List<DetailLine>> linesProperty() {
        return lines;
    }

    public List<DetailLine> getLines() {
        return lines.getValue();
    }

    /** "alice on FS01", or empty when nothing is selected. */
    public ObservableValue<String> titleProperty() {
        return title;
    }

    /** "Active", "Ended …" or "Stale …". */
    public ObservableValue<String> statusProperty() {
        return status;
    }

    /** Whether the session shown ended (it left the table). */
    public ObservableValue<Boolean> endedProperty() {
        return ended;
    }

    /** Whether the values shown are the last known ones of a server that did not answer. */
    public ObservableValue<Boolean> staleProperty() {
        return stale;
    }

    private String statusOf(RowValues current, boolean isEnded) {
        String seen = format(current.seenAt());
        if (isEnded) {
            return "Ended: not reported since " + seen;
        }
        if (current.stale()) {
            return "Stale: " + current.server() + " did not answer the last poll; values as of " + seen;
        }
        return "Active, as of " + seen;
    }

    List<DetailLine> linesOf(RowValues current) {
        Session s = current.session();
        InfoLevel level = s.level();
        Instant seen = current.seenAt();
        List<DetailLine> out = new ArrayList<>();
        out.add(DetailLine.of("Server", current.server()));
        out.add(text(level, SessionField.CLIENT_NAME, s.clientName().map(c -> withHost(c, current.hostName()))));
        out.add(text(level, SessionField.USER_NAME, s.userName()));
        out.add(number(level, SessionField.OPEN_COUNT, s.openCount(), n -> n + (n == 1 ? " file, device or pipe" : " files, devices and pipes")));
        out.add(number(level, SessionField.ACTIVE_TIME, s.activeSeconds(),
                n -> HumanDurations.ofSeconds(n, SPACED) + " (" + n + " s)"));
        out.add(relabel(number(level, SessionField.ACTIVE_TIME, s.activeSeconds(), n -> format(seen.minusSeconds(n))),
                "Connected since"));
        out.add(number(level, SessionField.IDLE_TIME, s.idleSeconds(),
                n -> HumanDurations.ofSeconds(n, SPACED) + " (" + n + " s)"));
        out.add(relabel(number(level, SessionField.IDLE_TIME, s.idleSeconds(), n -> format(seen.minusSeconds(n))),
                "Last activity"));
        out.add(text(level, SessionField.CLIENT_TYPE, s.clientType()));
        out.add(text(level, SessionField.TRANSPORT, s.transport()));
        out.add(number(level, SessionField.USER_FLAGS, s.userFlags(), DetailsViewModel::flags));
        InfoLevel requested = current.requestedLevel();
        out.add(DetailLine.of("Information level", requested == null || requested == level
                ? "level " + level : "level " + level + " (level " + requested + " was requested)"));
        return out;
    }

    private static String flags(long raw) {
        String names = String.join(", ", org.sessionwatch.netapi.UserFlags.describe(raw));
        return (names.isEmpty() ? "none" : names) + String.format(" (raw 0x%X)", raw);
    }

    private static String withHost(String client, String host) {
        return host == null || host.isBlank() || host.equalsIgnoreCase(client) ? client : client + " (" + host + ")";
    }

    private String format(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant.atZone(zone));
    }

    private static DetailLine text(InfoLevel level, SessionField field, Optional<String> value) {
        if (!level.carries(field)) {
            return notProvided(field, level);
        }
        return value.filter(v -> !v.isEmpty()).map(v -> DetailLine.of(field.label(), v))
                .orElse(DetailLine.missing(field.label(), "none reported by the server"));
    }

    private static DetailLine number(InfoLevel level, SessionField field, OptionalLong value,
                                     LongFunction<String> format) {
        if (!level.carries(field)) {
            return notProvided(field, level);
        }
        return value.isPresent() ? DetailLine.of(field.label(), format.apply(value.getAsLong()))
                : DetailLine.missing(field.label(), "none reported by the server");
    }

    private static DetailLine notProvided(SessionField field, InfoLevel level) {
        return DetailLine.missing(field.label(), "not provided at level " + level);
    }

    private static DetailLine relabel(DetailLine line, String label) {
        return new DetailLine(label, line.value(), line.missing());
    }
}
