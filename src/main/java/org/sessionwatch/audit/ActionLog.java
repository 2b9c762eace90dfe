package org.sessionwatch.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sessionwatch.files.AtomicFiles;
import org.sessionwatch.netapi.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: {@code actions.log} next to the configuration file, one JSON object per line, appended and never
 * rewritten, readable by its owner only (0600 on POSIX, tightened if it was wider).
 *
 * <p>Each line holds {@code at} (ISO-8601 UTC), {@code actor}, {@code action}, {@code server}, {@code fileId},
 * {@code path}, {@code client}, {@code user}, {@code outcome}, {@code detail}, {@code errorKind}, {@code code} and
 * {@code demo}; every key is always present, an unknown value is {@code null}. Appends take an exclusive file lock,
 * so the window and a CLI run writing at once never interleave their lines.
 *
 * <p>Use: {@link #checkWritable()} before acting (an action whose audit line cannot be kept is not attempted), then
 * {@link #append} the {@link ActionRecord#closeFile}/{@link ActionRecord#endSession} of its outcome; a viewer reads
 * {@link #readRecent}. Appending and reading do file I/O: call them off the FX thread.
 */
public final class ActionLog {

    public static final String FILE_NAME = "actions.log";

    private static final Logger LOG = LoggerFactory.getLogger(ActionLog.class);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A file lock excludes other processes only; within this JVM a second lock on the same file throws, so writers
     * of one file here take turns on one monitor per path first.
     */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;

    public ActionLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The log beside {@code configFile}, e.g. {@code ~/.config/sessionwatch/actions.log}. */
    public static ActionLog nextTo(Path configFile) {
        return new ActionLog(configFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The local account running SessionWatch, as the audit log names the actor: {@code DOMAIN\\user} on Windows. */
    public static String localAccount() {
        return localAccount(System.getProperty("os.name", ""), System::getenv, System.getProperty("user.name", "?"));
    }

    static String localAccount(String osName, java.util.function.Function<String, String> environment,
                               String userName) {
        String domain = environment.apply("USERDOMAIN");
        boolean windows = osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return windows && domain != null && !domain.isBlank() ? domain + "\\" + userName : userName;
    }

    /**
     * Appends one record as one line. Throws when it cannot be written: an action whose audit line is lost must be
     * reported, not silently forgotten.
     */
    public void append(ActionRecord record) throws IOException {
        byte[] line = (toJson(record) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object())) {
            write(line);
        }
    }

    private void write(byte[] line) throws IOException {
        try (FileChannel channel = open();
             FileLock ignored = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    /**
     * Fails now if the log cannot be appended to (its folder cannot be created, the file is not writable), so an
     * action is not attempted when its audit line could not be kept. Creates the empty log, owner-only, if missing.
     */
    public void checkWritable() throws IOException {
        synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new Object())) {
            open().close();
        }
    }

    /** Opens the log to append, creating it (and its folder) owner-only, and tightening wider permissions. */
    private FileChannel open() throws IOException {
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // the configuration's folder, 0700 like every folder SessionWatch creates
            AtomicFiles.createDirectories(parent);
        }
        boolean posix = AtomicFiles.isPosix();
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), attributes);
        try {
            if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Everything logged so far, oldest first; a missing log is empty. See {@link #readRecent}. */
    public Contents read() throws IOException {
        return readRecent(Integer.MAX_VALUE);
    }

    /**
     * The last {@code count} readable records, oldest first, for a viewer. A line that is not a record (cut short by
     * a crash, edited by hand, not even UTF-8) is skipped, reported by number in {@link Contents#unreadableLines()}
     * (every such line of the file, not only among the last ones) and logged once here; the lines after it are read
     * as usual. The file is streamed, so a long log costs memory for {@code count} records only.
     */
    public Contents readRecent(int count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of());
        }
        ArrayDeque<ActionRecord> recent = new ArrayDeque<>(Math.min(count, 1024));
        List<Integer> unreadable = new ArrayList<>();
        // A decoder that replaces malformed bytes, so one damaged line cannot make the whole log unreadable.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ActionRecord record = fromJson(JSON.readTree(line));
                    if (count > 0) {
                        if (recent.size() == count) {
                            recent.removeFirst();
                        }
                        recent.addLast(record);
                    }
                } catch (JacksonException | RuntimeException e) {
                    unreadable.add(number);
                }
            }
        }
        if (!unreadable.isEmpty()) {
            LOG.warn("The audit log {} has {} unreadable line(s), skipped: {}", file, unreadable.size(), unreadable);
        }
        return new Contents(new ArrayList<>(recent), unreadable);
    }

    /**
     * What {@link #read()} found.
     *
     * @param records         the readable lines, oldest first
     * @param unreadableLines the numbers (from 1) of lines that are not a record, e.g. cut short by a crash
     */
    public record Contents(List<ActionRecord> records, List<Integer> unreadableLines) {
        public Contents {
            records = List.copyOf(records);
            unreadableLines = List.copyOf(unreadableLines);
        }
    }

    static String toJson(ActionRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", r.at().toString());
        node.put("actor", r.actor());
        node.put("action", r.action().name());
        node.put("server", r.server());
        node.put("fileId", r.fileId());
        node.put("path", r.path());
        node.put("client", r.client());
        node.put("user", r.user());
        node.put("outcome", r.outcome().name());
        node.put("detail", r.detail());
        node.put("errorKind", r.errorKind() == null ? null : r.errorKind().name());
        node.put("code", r.code());
        node.put("demo", r.demo());
        return node.toString();
    }

    private static ActionRecord fromJson(JsonNode n) {
        return new ActionRecord(Instant.parse(n.required("at").asText()), n.required("actor").asText(),
                ActionRecord.Action.valueOf(n.required("action").asText()), n.required("server").asText(),
                n.required("fileId").isNull() ? null : n.get("fileId").asLong(), text(n, "path"), text(n, "client"),
                text(n, "user"), ActionRecord.Outcome.valueOf(n.required("outcome").asText()), text(n, "detail"),
                n.required("errorKind").isNull() ? null : ErrorKind.valueOf(n.get("errorKind").asText()),
                n.required("code").isNull() ? null : n.get("code").asLong(), n.required("demo").asBoolean());
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.required(key);
        return value.isNull() ? null : value.asText();
    }
}
