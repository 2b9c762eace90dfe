package org.sessionwatch.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import org.sessionwatch.export.Csv;
import org.sessionwatch.export.SessionFields;
import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.Session;

import static org.sessionwatch.format.HumanDurations.Style.COMPACT;

/**
 * How {@code --watch} prints one {@link WatchEvent}, in each {@link OutputFormat}: a text line that starts with its
 * time, a JSON object on one line (JSON Lines), or a CSV row under {@link #CSV_HEADER}.
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

    static String name(WatchEvent event) {
        return switch (event) {
            case WatchEvent.Present p -> "PRESENT";
            case WatchEvent.Connected c -> "CONNECT";
            case WatchEvent.Disconnected d -> "DISCONNECT";
            case WatchEvent.ServerFailed f -> "FAILING";
            case WatchEvent.ServerRecovered r -> "RECOVERED";
        };
    }

    private static String sign(WatchEvent event) {
        return switch (event) {
            case WatchEvent.Present p -> "=";
            case WatchEvent.Connected c -> "+";
            case WatchEvent.Disconnected d -> "-";
            case WatchEvent.ServerFailed f -> "!";
            case WatchEvent.ServerRecovered r -> "*";
        };
    }

    /** e.g. {@code 2026-11-24T16:20:15Z + CONNECT    FS01 10.1.2.3 alice (connected 2m 13s, 3 open, level 502)}. */
    static String text(WatchEvent event) {
        return TableOutput.text(line(event));
    }

    private static String line(WatchEvent event) {
        String head = Timestamps.forPeople(event.at()) + " " + sign(event) + " " + String.format("%-10s", name(event)) + " "
                + event.server();
        return switch (event) {
            case WatchEvent.Present p -> head + " " + who(p.session()) + " (" + details(p.session(), "connected") + ")";
            case WatchEvent.Connected c -> head + " " + who(c.session()) + " (" + details(c.session(), "connected") + ")";
            case WatchEvent.Disconnected d -> head + " " + who(d.session()) + " (" + details(d.session(),
                    "was connected") + ")";
            case WatchEvent.ServerFailed f -> head + " " + f.error().describe();
            case WatchEvent.ServerRecovered r -> head + " answering again (" + r.sessions()
                    + (r.sessions() == 1 ? " session)" : " sessions)");
        };
    }

    static String json(WatchEvent event) {
        return JsonOutput.object(json -> {
            json.writeStringField("at", Timestamps.forMachines(event.at()));
            json.writeStringField("event", name(event));
            switch (event) {
                case WatchEvent.Present p -> session(json, p.session(), p.since());
                case WatchEvent.Connected c -> session(json, c.session(), c.since());
                case WatchEvent.Disconnected d -> session(json, d.session(), d.since());
                case WatchEvent.ServerFailed f -> {
                    json.writeStringField("server", f.server());
                    json.writeStringField("status", f.error().kind().name());
                    json.writeFieldName("error");
                    JsonOutput.writeError(json, f.error());
                }
                case WatchEvent.ServerRecovered r -> {
                    json.writeStringField("server", r.server());
                    json.writeStringField("status", "OK");
                    json.writeNumberField("sessions", r.sessions());
                }
            }
        });
    }

    static String csv(WatchEvent event) {
        List<String> cells = new ArrayList<>(List.of(Timestamps.forMachines(event.at()), name(event)));
        switch (event) {
            case WatchEvent.Present p -> sessionCells(cells, p.session(), p.since());
            case WatchEvent.Connected c -> sessionCells(cells, c.session(), c.since());
            case WatchEvent.Disconnected d -> sessionCells(cells, d.session(), d.since());
            case WatchEvent.ServerFailed f -> serverCells(cells, f.server(), f.error().describe());
            case WatchEvent.ServerRecovered r -> serverCells(cells, r.server(), "");
        }
        return Csv.row(cells);
    }

    private static void session(JsonGenerator json, Session session, Optional<Instant> since) throws IOException {
        SessionFields.writeJson(json, session);
        SessionFields.writeString(json, "since", since.map(Timestamps::forPeople).orElse(null));
    }

    private static void sessionCells(List<String> cells, Session session, Optional<Instant> since) {
        cells.addAll(SessionFields.csvCells(session));
        cells.add(since.map(Timestamps::forPeople).orElse(""));
        cells.add("");
    }

    private static void serverCells(List<String> cells, String server, String error) {
        cells.add(server);
        while (cells.size() < CSV_HEADER.size() - 1) {
            cells.add("");
        }
        cells.add(error);
    }

    private static String who(Session s) {
        return s.clientName().orElse("-") + " " + s.userName().orElse("-");
    }

    private static String details(Session s, String connectedWord) {
        List<String> parts = new ArrayList<>();
        s.activeSeconds().ifPresent(t -> parts.add(connectedWord + " " + HumanDurations.ofSeconds(t, COMPACT)));
        s.openCount().ifPresent(n -> parts.add(n + " open"));
        s.idleSeconds().ifPresent(t -> parts.add("idle " + HumanDurations.ofSeconds(t, COMPACT)));
        s.clientType().ifPresent(parts::add);
        parts.add("level " + s.level());
        return String.join(", ", parts);
    }
}
