package org.sessionwatch.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.sessionwatch.format.Timestamps;
import org.sessionwatch.history.CoverageSpan;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryQuestion;
import org.sessionwatch.history.HistoryQuestion.HistoryAnswer;
import org.sessionwatch.history.HistoryRepository.Party;

/**
 * A history answer as JSON and CSV, one shape for {@code --history --format json|csv} and the window's History
 * export, so a script that reads one reads the other. Times are ISO-8601 UTC with milliseconds; {@code end} is null
 * (an empty cell) while the session is open.
 */
public final class HistoryFields {
    public static final List<String> CSV_HEADER = List.of("server", "client", "user", "start", "end", "firstSeen",
            "lastSeen", "maxOpens", "clientType", "transport", "level");
    private static final JsonFactory JSON = new JsonFactory();

    private HistoryFields() {
    }

    /** {@code {"query": {...}, "intervals": [...], "coverage": [...]}} on one line. */
    public static String json(HistoryQuestion q, HistoryAnswer answer) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("query");
            time(json, "at", q.at());
            json.writeStringField("server", q.server().orElse(null));
            json.writeStringField("user", q.party() == Party.USER ? q.name() : null);
            json.writeStringField("client", q.party() == Party.CLIENT ? q.name() : null);
            time(json, "since", q.since());
            time(json, "until", q.until());
            json.writeEndObject();
            json.writeArrayFieldStart("intervals");
            for (HistoryInterval i : answer.intervals()) {
                json.writeStartObject();
                json.writeStringField("server", i.server());
                json.writeStringField("client", i.client());
                json.writeStringField("user", i.user());
                time(json, "start", i.start().orElse(null));
                time(json, "end", i.end().orElse(null));
                time(json, "firstSeen", i.firstSeen());
                time(json, "lastSeen", i.lastSeen());
                number(json, "maxOpens", i.maxOpens());
                json.writeStringField("clientType", i.clientType());
                json.writeStringField("transport", i.transport());
                json.writeNumberField("level", i.level());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("coverage");
            for (CoverageSpan span : answer.coverage()) {
                json.writeStartObject();
                json.writeStringField("server", span.server());
                time(json, "from", span.from());
                time(json, "to", span.to());
                json.writeBooleanField("answered", span.answered());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return text.toString();
    }

    /** The header and one RFC 4180 line per interval ({@link Csv}). */
    public static String csv(List<HistoryInterval> intervals) {
        StringBuilder text = new StringBuilder(Csv.row(CSV_HEADER));
        for (HistoryInterval i : intervals) {
            text.append(Csv.row(List.of(empty(i.server()), empty(i.client()), empty(i.user()),
                    i.start().map(Timestamps::forMachines).orElse(""), i.end().map(Timestamps::forMachines).orElse(""),
                    Timestamps.forMachines(i.firstSeen()), Timestamps.forMachines(i.lastSeen()),
                    i.maxOpens().isPresent() ? Long.toString(i.maxOpens().getAsLong()) : "", empty(i.clientType()),
                    empty(i.transport()), String.valueOf(i.level()))));
        }
        return text.toString();
    }

    private static void time(JsonGenerator json, String name, Instant value) throws IOException {
        json.writeStringField(name, value == null ? null : Timestamps.forMachines(value));
    }

    private static void number(JsonGenerator json, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsLong());
        } else {
            json.writeNullField(name);
        }
    }

    private static String empty(String value) {
        return value == null ? "" : value;
    }
}
