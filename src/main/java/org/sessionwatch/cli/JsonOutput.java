package org.sessionwatch.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.sessionwatch.format.Timestamps;
import org.sessionwatch.export.SessionFields;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/**
 * The {@code --format json} output: one compact JSON object per poll cycle (and, with {@code --watch}, one per
 * event), each on its own line so the output is also valid JSON Lines.
 *
 * <p>Every key is always written; a value the server did not give (a field the obtained level does not carry, a
 * NULL string, the session count of a failed server) is {@code null}, never left out, never zero. The members of a
 * session are {@link SessionFields}, shared with the window's export.
 */
final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    static String object(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return text.toString();
    }

    static String cycle(PollCycle cycle) {
        return object(json -> {
            json.writeStringField("polledAt", Timestamps.forMachines(cycle.polledAt()));
            json.writeArrayFieldStart("servers");
            for (ServerPollResult result : cycle.results()) {
                json.writeStartObject();
                writeServer(json, result);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sessions");
            for (Session session : (Iterable<Session>) cycle.sessions()::iterator) {
                json.writeStartObject();
                SessionFields.writeJson(json, session);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    static void writeServer(JsonGenerator json, ServerPollResult result) throws IOException {
        json.writeStringField("server", result.server());
        switch (result) {
            case ServerPollResult.Ok ok -> {
                json.writeStringField("status", "OK");
                SessionFields.writeLevel(json, ok.level());
                json.writeNumberField("sessions", ok.sessions().size());
                json.writeNumberField("durationMs", ok.duration().toMillis());
                SessionFields.writeString(json, "noMatch",
                        ok.filterMiss() == null ? null : ok.filterMiss().filterName());
                json.writeNullField("error");
            }
            case ServerPollResult.Failed failed -> {
                json.writeStringField("status", failed.error().kind().name());
                SessionFields.writeLevel(json, failed.level());
                json.writeNullField("sessions");
                json.writeNumberField("durationMs", failed.duration().toMillis());
                json.writeNullField("noMatch");
                json.writeFieldName("error");
                writeError(json, failed.error());
            }
        }
    }

    /** {@code {"code": 5, "message": "...", "remedy": "..." | null}}. */
    static void writeError(JsonGenerator json, NetApiError error) throws IOException {
        json.writeStartObject();
        json.writeNumberField("code", error.code());
        json.writeStringField("message", error.message());
        SessionFields.writeString(json, "remedy", error.remedy());
        json.writeEndObject();
    }
}
