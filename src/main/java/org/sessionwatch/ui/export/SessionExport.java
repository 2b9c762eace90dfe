package org.sessionwatch.ui.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * Writes session rows to CSV or JSON. Plain Java, called on a background thread with a snapshot of the rows taken
 * on the FX thread (immutable {@link Session} values, so the snapshot cannot change while it is written).
 */
public final class SessionExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
    public record Snapshot(String server, Session session, String hostName, Instant seenAt, boolean stale) {
        public static Snapshot of(SessionRow row) {
            return new Snapshot(row.server(), row.getSession(), row.getHostName(), row.getSeenAt(), row.isStale());
        }
    }

    private SessionExport() {
    }

    /** Writes atomically: a temporary file next to the target, then a move, so a failed export leaves no stub. */
    public static void write(Path file, Format format, List<Snapshot> rows) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".sessionwatch-export", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (format == Format.CSV) {
                    writeCsv(out, rows);
                } else {
                    writeJson(out, rows);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static final List<String> CSV_HEADERS = List.of("Server", "User", "Client", "Host name", "Open files",
            "Connected (s)", "Idle (s)", "Client type", "Transport", "Flags", "Flags (raw)", "Level", "Seen at",
            "Stale");

    /** RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads accents), CRLF line ends. */
    static void writeCsv(OutputStream out, List<Snapshot> rows) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writeCsvLine(writer, CSV_HEADERS);
        for (Snapshot row : rows) {
            Session s = row.session();
            writeCsvLine(writer, List.of(row.server(), s.userName().orElse(""), s.clientName().orElse(""),
                    row.hostName() == null ? "" : row.hostName(), number(s.openCount()), number(s.activeSeconds()),
                    number(s.idleSeconds()), s.clientType().orElse(""), s.transport().orElse(""),
                    flagNames(s), s.userFlags().isPresent() ? String.format("0x%X", s.userFlags().getAsLong()) : "",
                    s.level().toString(), row.seenAt() == null ? "" : row.seenAt().toString(),
                    Boolean.toString(row.stale())));
        }
        writer.flush();
    }

    private static void writeCsvLine(Writer writer, List<String> cells) throws IOException {
        List<String> escaped = new ArrayList<>(cells.size());
        for (String cell : cells) {
            escaped.add(csvCell(cell));
        }
        writer.write(String.join(",", escaped));
        writer.write("\r\n");
    }

    /**
     * Quotes a cell and defuses spreadsheet formulas: a value that starts with {@code = + - @}, a tab or a carriage
     * return would be evaluated by Excel or LibreOffice (a user name like {@code =HYPERLINK(...)} comes from the
     * network, not from us), so it gets a leading apostrophe, the OWASP-recommended neutraliser.
     */
    static String csvCell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith("'");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    static void writeJson(OutputStream out, List<Snapshot> rows) throws IOException {
        List<Map<String, Object>> sessions = new ArrayList<>(rows.size());
        for (Snapshot row : rows) {
            Session s = row.session();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("server", row.server());
            json.put("level", s.level().code());
            json.put("client", s.clientName().orElse(null));
            json.put("hostName", row.hostName());
            json.put("user", s.userName().orElse(null));
            json.put("openCount", boxed(s.openCount()));
            json.put("activeSeconds", boxed(s.activeSeconds()));
            json.put("idleSeconds", boxed(s.idleSeconds()));
            json.put("userFlags", boxed(s.userFlags()));
            json.put("flags", s.userFlags().isPresent() ? org.sessionwatch.netapi.UserFlags.describe(
                    s.userFlags().getAsLong()) : null);
            json.put("clientType", s.clientType().orElse(null));
            json.put("transport", s.transport().orElse(null));
            json.put("seenAt", row.seenAt() == null ? null : row.seenAt().toString());
            json.put("stale", row.stale());
            sessions.add(json);
        }
        JSON.writeValue(new NonClosingStream(out), Map.of("sessions", sessions));
    }

    private static String flagNames(Session s) {
        return s.userFlags().isPresent()
                ? String.join("; ", org.sessionwatch.netapi.UserFlags.describe(s.userFlags().getAsLong())) : "";
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /** Jackson closes the stream it is given; the caller's try-with-resources owns it. */
    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
