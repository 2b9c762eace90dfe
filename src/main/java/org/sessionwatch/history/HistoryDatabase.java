package org.sessionwatch.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sessionwatch.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The history's SQLite file: created with its folder (0700) and file (0600), checked, migrated by Flyway and
 * connected in WAL mode. WAL keeps every committed transaction through a killed process (what is written is in the
 * OS cache, the log is replayed on the next open) and never corrupts the file. It runs with {@code synchronous=OFF}:
 * SQLite never waits for the disk, because a disk flush (a checkpoint's, with {@code NORMAL}) made the writer's
 * commits wait up to 57 ms. The price is paid only by a power cut or an OS crash: it can lose what the OS had not yet
 * written (its usual delay is 30 s) and may damage the file, which the next start then finds (the log is left behind,
 * so the file is checked) and moves aside as below. A file closed by SessionWatch is flushed ({@link WalCheckpointer}).
 *
 * <p>A file that cannot be opened as a database or fails SQLite's check is moved aside as
 * {@code history.db.corrupt-<UTC time>} (with its {@code -wal} and {@code -shm}) and a new one is started; the
 * {@link #notice()} says so. Everything else (no permission, a full disk) is a {@link HistoryException}.
 */
public final class HistoryDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryDatabase.class);
    /** sqlite-jdbc unpacks its native library here; the default, java.io.tmpdir, may be mounted noexec. */
    static final String NATIVE_DIRECTORY_PROPERTY = "org.sqlite.tmpdir";
    private static final long ALWAYS_CHECK_BELOW_BYTES = 256L << 20;
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** How a database is opened. */
    public enum Mode {
        /**
         * For recording: created when missing; checked when the last run did not close it (its write-ahead log is
         * still there) or when it is small enough to check quickly; moved aside and started anew when damaged.
         */
        RECORD,
        /** As {@link #RECORD}, always checked: a write has just reported damage. */
        RECOVER,
        /** For a query: it must exist; nothing is created or moved. */
        QUERY
    }

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final String notice;

    private HistoryDatabase(Path file, SQLiteDataSource dataSource, String notice) {
        this.file = file;
        this.dataSource = dataSource;
        this.notice = notice;
    }

    /**
     * Opens (and in {@link Mode#RECORD} creates or replaces) the database at {@code file} and brings its schema up to
     * date.
     *
     * @param now the time a damaged file's new name carries
     */
    public static HistoryDatabase open(Path file, Mode mode, Instant now) {
        Path absolute = file.toAbsolutePath();
        if (mode == Mode.QUERY) {
            checkQueryable(absolute);
        }
        prepareFolder(absolute);
        SQLiteDataSource dataSource = dataSource(absolute, mode);
        String notice = null;
        if (mode != Mode.QUERY) {
            boolean check = mode == Mode.RECOVER || needsCheck(absolute);
            createPrivateFile(absolute);
            Optional<String> damage = check ? damage(dataSource) : Optional.empty();
            if (damage.isPresent()) {
                Path aside = moveAside(absolute, now);
                notice = "The history database " + absolute + " was damaged (" + damage.get() + "); it was moved to "
                        + aside.getFileName() + " and a new one was started. Older history is in that file.";
                // the recorder's status shows it to the user (the window's status bar, the CLI's stderr): logged once
                LOG.info(notice);
                createPrivateFile(absolute);
            }
        }
        migrate(dataSource, absolute);
        return new HistoryDatabase(absolute, dataSource, notice);
    }

    public Path file() {
        return file;
    }

    /** What happened to a damaged file, when this open replaced one. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** Answers one question on a connection of its own, closed afterwards. */
    public <T> T read(Function<HistoryRepository, T> question) {
        try (Connection connection = connect()) {
            return question.apply(new JdbcHistoryRepository(connection));
        } catch (SQLException e) {
            throw new HistoryException("Cannot read the history database " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new connection (the writer holds one; each reader its own: WAL lets them read while it writes). */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    private static void prepareFolder(Path file) {
        Path folder = file.getParent();
        try {
            AtomicFiles.createDirectories(folder);
        } catch (IOException e) {
            throw new HistoryException("Cannot create the history folder " + folder + " (" + e.getMessage()
                    + "). Check that you may write there, or choose another file with --history-db.", e);
        }
        // Once per JVM, before the driver loads: keep the native library next to the data, not in /tmp.
        if (System.getProperty(NATIVE_DIRECTORY_PROPERTY) == null) {
            System.setProperty(NATIVE_DIRECTORY_PROPERTY, folder.toString());
        }
    }

    private static SQLiteDataSource dataSource(Path file, Mode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // No disk flush in commits or checkpoints (see the class comment): a flush made the writer's commits wait.
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        // A reader (the CLI's --history, the window) and the writer share the file; wait rather than fail.
        config.setBusyTimeout(5_000);
        // 32 MiB of page cache (the default is 2 MiB): the query indexes take inserts at random places.
        config.setCacheSize(-32_768);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.NOMUTEX);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    /**
     * Whether to run SQLite's check before recording. A check reads the whole file (seconds for a 90-day history of
     * a large estate), so a big file is checked only after a run that ended without closing it; a damaged page
     * found later by a write leads to {@link Mode#RECOVER}.
     */
    private static boolean needsCheck(Path file) {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return !Files.exists(file) || Files.size(file) < ALWAYS_CHECK_BELOW_BYTES
                    || (Files.exists(wal) && Files.size(wal) > 0);
        } catch (IOException e) {
            return true;
        }
    }

    /** Creates an empty 0600 file so that SQLite (which keeps the mode for -wal and -shm) never makes it wider. */
    private static void createPrivateFile(Path file) {
        try {
            if (AtomicFiles.isPosix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // an existing database keeps its mode
        } catch (IOException e) {
            throw new HistoryException("Cannot create the history database " + file + " (" + e.getMessage()
                    + "). Check that the disk is not full and that you may write there.", e);
        }
    }

    /** Why the file is not a sound database, or empty when it is. */
    private static Optional<String> damage(SQLiteDataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            String first = rows.next() ? rows.getString(1) : "no answer";
            return "ok".equalsIgnoreCase(first) ? Optional.empty() : Optional.of("check failed: " + first);
        } catch (SQLException e) {
            if (isDamage(e)) {
                return Optional.of(e.getMessage());
            }
            throw new HistoryException("Cannot open the history database: " + e.getMessage()
                    + ". Check that the disk is not full and that you may write there.", e);
        }
    }

    /** SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): the content is bad; anything else is the surroundings. */
    private static boolean isDamage(SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        return primary == 11 || primary == 26;
    }

    private static Path moveAside(Path file, Instant now) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + ASIDE_STAMP.format(now));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                try {
                    Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix),
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException e) {
                    // no log left behind: nothing to keep
                }
            }
        } catch (IOException e) {
            throw new HistoryException("The history database " + file + " is damaged and could not be moved aside ("
                    + e.getMessage() + "). Move or delete it yourself; recording starts a new one.", e);
        }
        return aside;
    }

    /**
     * A query reads an existing SQLite file and changes nothing else: a missing or empty file has no history yet (an
     * empty one is not given a schema), and a folder or another kind of file is named as such instead of reaching
     * the database driver, whose messages name no remedy.
     */
    private static void checkQueryable(Path file) {
        String elsewhere = "name the history file with --history-db, or leave it out for this computer's own.";
        if (Files.isDirectory(file)) {
            throw new HistoryException(file + " is a folder, not a history database: " + elsewhere);
        }
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            if (size == 0 && Files.exists(wal) && Files.size(wal) > 0) {
                return; // written by a recorder that has not checkpointed yet: SQLite reads it from its log
            }
            if (size == 0) {
                throw new HistoryException("No history has been recorded in " + file + " yet: run sessionwatch"
                        + " --watch (or the window) to record it, or name another file with --history-db.");
            }
            byte[] header = new byte[SQLITE_HEADER.length];
            try (var in = Files.newInputStream(file)) {
                if (in.readNBytes(header, 0, header.length) < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
                    throw new HistoryException(file + " is not a history database (not an SQLite file): " + elsewhere);
                }
            }
        } catch (IOException e) {
            throw new HistoryException("Cannot read the history database " + file + " (" + AtomicFiles.reason(e)
                    + ").", e);
        }
    }

    private static void migrate(SQLiteDataSource dataSource, Path file) {
        try {
            Flyway.configure(HistoryDatabase.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(Vendor.SQLITE.migrationLocations().toArray(String[]::new))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new HistoryException("Cannot prepare the history database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HistoryDatabase[" + Objects.toString(file) + "]";
    }
}
