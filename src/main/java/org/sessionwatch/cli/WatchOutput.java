package org.sessionwatch.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import org.sessionwatch.format.Timestamps;
import org.sessionwatch.alerts.Alert;
import org.sessionwatch.export.Csv;
import org.sessionwatch.export.SessionFields;
import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.TrackedSession;

import static org.sessionwatch.format.HumanDurations.Style.COMPACT;

/**
 * How {@code --watch} prints the session tracker's events, in each {@link OutputFormat}: a text line that starts
 * with its time, a JSON object on one line (JSON Lines), or a CSV row under {@link #CSV_HEADER}.
 *
 * <p>Connects, disconnects and server state changes are printed; a session's changing values
 * ({@link SessionEvent.Changed}) are not (see {@link #printed}). A session in its server's first answer is printed as
 * {@code PRESENT}: it was there before the watch began, so whether it is new is unknown.
 */
final class WatchOutput {
    static final List<String> CSV_HEADER = csvHeader();

    private WatchOutput() {
    }

    /** {@code at, event}, the {@link SessionFields}, then {@code since, error}. */
    private static List<String> csvHeader() {
        List<String> names = new ArrayList<>(List.of("at", "event"));
        names.addAll(SessionFields.NAMES);
        names.addAll(List.of("since", "error"));
        return List.copyOf(names);
    }

    /** The event as printed in {@code format}, with its line end. */
    static String line(SessionEvent event, OutputFormat format) {
        return switch (format) {
            case TABLE -> text(event) + System.lineSeparator();
            case JSON -> json(event) + System.lineSeparator();
            case CSV -> csv(event);
        };
    }

    /** The alert as printed in {@code format}, with its line end. */
    static String line(Alert alert, OutputFormat format) {
        return switch (format) {
            case TABLE -> text(alert) + System.lineSeparator();
            case JSON -> json(alert) + System.lineSeparator();
            case CSV -> csv(alert);
        };
    }

    /** Whether {@code --watch} prints a line for this event. */
    static boolean printed(SessionEvent event) {
        return !(event instanceof SessionEvent.Changed);
    }

    static String name(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Connected c -> c.initial() ? "PRESENT" : "CONNECT";
            case SessionEvent.Ended e -> "DISCONNECT";
            case SessionEvent.ServerFailing f -> "FAILING";
            case SessionEvent.ServerRecovered r -> "RECOVERED";
            case SessionEvent.Changed c -> throw notPrinted();
        };
    }

    private static String sign(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Connected c -> c.initial() ? "=" : "+";
            case SessionEvent.Ended e -> "-";
            case SessionEvent.ServerFailing f -> "!";
            case SessionEvent.ServerRecovered r -> "*";
            case SessionEvent.Changed c -> throw notPrinted();
        };
    }

    /** e.g. {@code 2026-11-24T16:20:15Z + CONNECT    FS01 10.1.2.3 alice (connected 2m 13s, 3 open, level 502)}. */
    static String text(SessionEvent event) {
        return TableOutput.text(line(event));
    }

    private static String line(SessionEvent event) {
        String head = Timestamps.forPeople(event.at()) + " " + sign(event) + " " + String.format("%-10s", name(event))
                + " " + event.server();
        return switch (event) {
            case SessionEvent.Connected c -> head + " " + who(c.session()) + " (" + details(c.session(), "connected")
                    + ")";
            case SessionEvent.Ended e -> head + " " + who(e.last()) + " (" + details(e.last(), "was connected") + ")";
            case SessionEvent.ServerFailing f -> head + " " + f.error().describe();
            case SessionEvent.ServerRecovered r -> head + " answering again (" + r.sessions()
                    + (r.sessions() == 1 ? " session)" : " sessions)");
            case SessionEvent.Changed c -> throw notPrinted();
        };
    }

    static String json(SessionEvent event) {
        return JsonOutput.object(json -> {
            json.writeStringField("at", Timestamps.forMachines(event.at()));
            json.writeStringField("event", name(event));
            switch (event) {
                case SessionEvent.Connected c -> session(json, c.session());
                case SessionEvent.Ended e -> session(json, e.last());
                case SessionEvent.ServerFailing f -> {
                    json.writeStringField("server", f.server());
                    json.writeStringField("status", f.error().kind().name());
                    json.writeFieldName("error");
                    JsonOutput.writeError(json, f.error());
                }
                case SessionEvent.ServerRecovered r -> {
                    json.writeStringField("server", r.server());
                    json.writeStringField("status", "OK");
                    json.writeNumberField("sessions", r.sessions());
                }
                case SessionEvent.Changed c -> throw notPrinted();
            }
        });
    }

    static String csv(SessionEvent event) {
        List<String> cells = new ArrayList<>(List.of(Timestamps.forMachines(event.at()), name(event)));
        switch (event) {
            case SessionEvent.Connected c -> sessionCells(cells, c.session());
            case SessionEvent.Ended e -> sessionCells(cells, e.last());
            case SessionEvent.ServerFailing f -> serverCells(cells, f.server(), f.error().describe());
            case SessionEvent.ServerRecovered r -> serverCells(cells, r.server(), "");
            case SessionEvent.Changed c -> throw notPrinted();
        }
        return Csv.row(cells);
    }

    /** e.g. {@code 2026-11-30T09:10:02Z ! ALERT      alice connects: FS01 10.1.2.3 alice connected}. */
    static String text(Alert alert) {
        return TableOutput.text(Timestamps.forPeople(alert.time()) + " ! " + String.format("%-10s", "ALERT") + " "
                + alert.rule() + ": " + alert.text());
    }

    /** {@code {"time", "event": "ALERT", "rule", "server", "client", "user", "text"}}, every key always present. */
    static String json(Alert alert) {
        return JsonOutput.object(json -> {
            json.writeStringField("time", Timestamps.forMachines(alert.time()));
            json.writeStringField("event", "ALERT");
            json.writeStringField("rule", alert.rule());
            SessionFields.writeString(json, "server", alert.server());
            SessionFields.writeString(json, "client", alert.client());
            SessionFields.writeString(json, "user", alert.user());
            json.writeStringField("text", alert.text());
        });
    }

    /** A row under {@link #CSV_HEADER}: server, client and user in their columns, "rule: text" in the last one. */
    static String csv(Alert alert) {
        List<String> cells = new ArrayList<>(List.of(Timestamps.forMachines(alert.time()), "ALERT",
                orEmpty(alert.server()), orEmpty(alert.client()), orEmpty(alert.user())));
        while (cells.size() < CSV_HEADER.size() - 1) {
            cells.add("");
        }
        cells.add(alert.rule() + ": " + alert.text());
        return Csv.row(cells);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static IllegalArgumentException notPrinted() {
        return new IllegalArgumentException("--watch prints no line for a changed session; filter with printed()");
    }

    private static void session(JsonGenerator json, TrackedSession tracked) throws IOException {
        SessionFields.writeJson(json, tracked.session());
        SessionFields.writeString(json, "since", since(tracked).orElse(null));
    }

    private static void sessionCells(List<String> cells, TrackedSession tracked) {
        cells.addAll(SessionFields.csvCells(tracked.session()));
        cells.add(since(tracked).orElse(""));
        cells.add("");
    }

    private static Optional<String> since(TrackedSession tracked) {
        return tracked.since().map(Timestamps::forPeople);
    }

    private static void serverCells(List<String> cells, String server, String error) {
        cells.add(server);
        while (cells.size() < CSV_HEADER.size() - 1) {
            cells.add("");
        }
        cells.add(error);
    }

    private static String who(TrackedSession tracked) {
        Session s = tracked.session();
        return s.clientName().orElse("-") + " " + s.userName().orElse("-");
    }

    private static String details(TrackedSession tracked, String connectedWord) {
        Session s = tracked.session();
        List<String> parts = new ArrayList<>();
        s.activeSeconds().ifPresent(t -> parts.add(connectedWord + " " + HumanDurations.ofSeconds(t, COMPACT)));
        s.openCount().ifPresent(n -> parts.add(n + " open"));
        s.idleSeconds().ifPresent(t -> parts.add("idle " + HumanDurations.ofSeconds(t, COMPACT)));
        s.clientType().ifPresent(parts::add);
        parts.add("level " + s.level());
        return String.join(", ", parts);
    }
}
