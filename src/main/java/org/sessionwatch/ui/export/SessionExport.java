package org.sessionwatch.ui.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.sessionwatch.export.Csv;
import org.sessionwatch.export.SessionFields;
import org.sessionwatch.files.AtomicFiles;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.UserFlags;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * Writes session rows to CSV or JSON. Plain Java, called on a background thread with a snapshot of the rows taken
 * on the FX thread (immutable {@link Session} values, so the snapshot cannot change while it is written).
 *
 * <p>The columns are the CLI's ({@link SessionFields}, so one script reads both) followed by what only the window
 * knows: {@link #EXTRA_FIELDS}.
 */
public final class SessionExport {
    private static final JsonFactory JSON = new JsonFactory();

    /** After the {@link SessionFields}: resolved host name, the flag names, when the row was last seen, stale. */
    static final List<String> EXTRA_FIELDS = List.of("hostName", "flags", "seenAt", "stale");

    public enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format a file name asks for; CSV unless it ends in .json. */
        public static Format ofFile(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : CSV;
        }
    }

    /** What is exported of one row; taken on the FX thread. */
    public record Snapshot(Session session, String hostName, Instant seenAt, boolean stale) {
        public static Snapshot of(SessionRow row) {
            return new Snapshot(row.getSession(), row.getHostName(), row.getSeenAt(), row.isStale());
        }
    }

    private SessionExport() {
    }

    /** Writes atomically ({@link AtomicFiles}), so a failed export leaves neither a stub nor a half-replaced file. */
    public static void write(Path file, Format format, List<Snapshot> rows) throws IOException {
        AtomicFiles.writeDocument(file, out -> {
            if (format == Format.CSV) {
                writeCsv(out, rows);
            } else {
                writeJson(out, rows);
            }
        });
    }

    static List<String> csvHeader() {
        List<String> header = new ArrayList<>(SessionFields.NAMES);
        header.addAll(EXTRA_FIELDS);
        return header;
    }

    /** RFC 4180 CSV ({@link Csv}) in UTF-8 with a byte-order mark, so Excel reads accents in user names. */
    static void writeCsv(OutputStream out, List<Snapshot> rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writer.write(Csv.row(csvHeader()));
        for (Snapshot row : rows) {
            Session s = row.session();
            List<String> cells = new ArrayList<>(SessionFields.csvCells(s));
            cells.add(row.hostName() == null ? "" : row.hostName());
            cells.add(s.userFlags().isPresent()
                    ? String.join("; ", UserFlags.describe(s.userFlags().getAsLong())) : "");
            cells.add(row.seenAt() == null ? "" : row.seenAt().toString());
            cells.add(Boolean.toString(row.stale()));
            writer.write(Csv.row(cells));
        }
        writer.flush();
    }

    /** {@code {"sessions": [...]}}, indented for people; every member always present, absent values null. */
    static void writeJson(OutputStream out, List<Snapshot> rows) throws IOException {
        // The generator must not close the stream: the caller's try-with-resources owns it.
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter();
        try (json) {
            json.writeStartObject();
            json.writeArrayFieldStart("sessions");
            for (Snapshot row : rows) {
                Session s = row.session();
                json.writeStartObject();
                SessionFields.writeJson(json, s);
                SessionFields.writeString(json, "hostName", row.hostName());
                if (s.userFlags().isPresent()) {
                    json.writeArrayFieldStart("flags");
                    for (String flag : UserFlags.describe(s.userFlags().getAsLong())) {
                        json.writeString(flag);
                    }
                    json.writeEndArray();
                } else {
                    json.writeNullField("flags");
                }
                SessionFields.writeString(json, "seenAt", row.seenAt() == null ? null : row.seenAt().toString());
                json.writeBooleanField("stale", row.stale());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
