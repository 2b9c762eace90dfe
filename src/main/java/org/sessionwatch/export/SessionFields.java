package org.sessionwatch.export;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonGenerator;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/**
 * The fields of one session as the CLI documents them, in this order, as CSV cells and as JSON members:
 * {@code server, client, user, opens, activeSeconds, idleSeconds, userFlags, clientType, transport, level}.
 *
 * <p>Numbers are raw (seconds, the flag bits as an unsigned number, the level's code), so a script can compute with
 * them. A value the server did not give (a field the obtained level does not carry, a NULL string) is an empty cell
 * in CSV and {@code null} in JSON: never left out, never zero, because zero open files is a real answer.
 */
public final class SessionFields {
    /** The CSV header cells and JSON member names, in order. */
    public static final List<String> NAMES = List.of("server", "client", "user", "opens", "activeSeconds",
            "idleSeconds", "userFlags", "clientType", "transport", "level");

    private SessionFields() {
    }

    /** The CSV cells of {@code session}, in {@link #NAMES} order, not yet escaped (see {@link Csv#row}). */
    public static List<String> csvCells(Session session) {
        return List.of(session.server(), session.clientName().orElse(""), session.userName().orElse(""),
                number(session.openCount()), number(session.activeSeconds()), number(session.idleSeconds()),
                number(session.userFlags()), session.clientType().orElse(""), session.transport().orElse(""),
                Integer.toString(session.level().code()));
    }

    /** Writes the {@link #NAMES} members of {@code session} into the JSON object being written. */
    public static void writeJson(JsonGenerator json, Session session) throws IOException {
        json.writeStringField("server", session.server());
        writeString(json, "client", session.clientName().orElse(null));
        writeString(json, "user", session.userName().orElse(null));
        writeNumber(json, "opens", session.openCount());
        writeNumber(json, "activeSeconds", session.activeSeconds());
        writeNumber(json, "idleSeconds", session.idleSeconds());
        writeNumber(json, "userFlags", session.userFlags());
        writeString(json, "clientType", session.clientType().orElse(null));
        writeString(json, "transport", session.transport().orElse(null));
        writeLevel(json, session.level());
    }

    /** {@code "name": "value"}, or {@code "name": null}. */
    public static void writeString(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }

    /** {@code "level": 502}, or {@code "level": null} when no level was obtained (a server that never answered). */
    public static void writeLevel(JsonGenerator json, InfoLevel level) throws IOException {
        if (level == null) {
            json.writeNullField("level");
        } else {
            json.writeNumberField("level", level.code());
        }
    }

    private static void writeNumber(JsonGenerator json, String name, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsLong());
        } else {
            json.writeNullField(name);
        }
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }
}
