package org.sessionwatch.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sessionwatch.AppInfo;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerListImport;
import org.sessionwatch.team.DatabaseUrl;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The command line, declared for picocli; values are checked by the converters so errors name option and value. */
@Command(name = "sessionwatch", mixinStandardHelpOptions = true, versionProvider = CliOptions.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Lists the SMB sessions on your file servers (NetSessionEnum level 502), once or continuously.",
                "Without any option SessionWatch opens its window instead."},
        footer = {"", "The password for --username comes from the SESSIONWATCH_PASSWORD environment variable or is"
                + " asked for on the terminal; it is never accepted on the command line.",
                "Exit codes: 0 every server answered, 2 usage error, 3 some servers failed, 4 all servers failed.",
                "--close-file and --end-session: 0 done or already gone, 4 refused or unreachable, 2 usage error or"
                        + " not confirmed."})
final class CliOptions {

    static final class Mode {
        @Option(names = "--once", required = true, description = "Poll every server once, print, and exit.")
        boolean once;

        @Option(names = "--watch", required = true,
                description = "Print connects and disconnects as they happen until stopped (Ctrl+C).")
        boolean watch;

        @Option(names = "--history", required = true,
                description = "Query the recorded history instead of polling: --at TIME [--server NAME], or --user"
                        + " USER / --client CLIENT [--since TIME] [--until TIME].")
        boolean history;

        @Option(names = "--collect", required = true,
                description = "Team collector: poll the configured servers and store what they say in --db.")
        boolean collect;

        @Option(names = "--close-file", required = true, paramLabel = "ID", converter = FileIdConverter.class,
                description = "Close the open file with this id (as --files lists it) on --server NAME.")
        Long closeFile;

        @Option(names = "--end-session", required = true,
                description = "End the sessions of --client CLIENT and/or --user USER on --server NAME.")
        boolean endSession;
    }

    @Option(names = "--files", description = "With --once: list the open files instead of the sessions.")
    boolean files;

    @Option(names = "--path-contains", paramLabel = "TEXT",
            description = "With --files: only files whose path contains TEXT (any case).")
    String pathContains;

    @Option(names = "--yes", description = "Do --close-file or --end-session without asking for confirmation.")
    boolean yes;

    @Option(names = "--db", paramLabel = "URL", converter = DatabaseUrlConverter.class,
            description = "Team database for --collect: postgresql://HOST:PORT/DB?user=NAME&sslmode=verify-full"
                    + " (password from " + DatabaseUrl.PASSWORD_VARIABLE + " or ~/.pgpass).")
    DatabaseUrl database;

    @Option(names = "--source", paramLabel = "URL", converter = DatabaseUrlConverter.class,
            description = "Read what a team collector stored in this database instead of polling the servers.")
    DatabaseUrl source;

    /** Absent only in a command line that {@link Cli} refuses: every option but help and version needs a mode. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    @Option(names = "--interval", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Seconds between the starts of two --watch polls (default: the configuration's, 15).")
    Integer intervalSeconds;

    @Option(names = "--cycles", paramLabel = "N", hidden = true, converter = Count.class,
            description = "Stop --watch after N polls (for tests and scripts).")
    Integer cycles;

    @Option(names = "--format", paramLabel = "table|json|csv", converter = FormatConverter.class,
            description = "Output format (default: table).")
    OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--server", paramLabel = "NAME", converter = ServerNameConverter.class,
            description = "Server to poll, as NAME, NAME:PORT or [IPv6]:PORT; repeatable. Replaces the configured list.")
    List<String> servers = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "auto|windows|srvsvc|demo", converter = BackendConverter.class,
            description = "How to ask the servers (default: each server's configured backend, else auto).")
    Backend backend;

    @Option(names = "--level", paramLabel = "0|1|2|10|502", converter = LevelConverter.class,
            description = "Information level to ask for first (default: 502); lower levels are tried if refused.")
    InfoLevel level;

    @Option(names = "--client", paramLabel = "CLIENT", converter = ClientName.class, description = "Only sessions from this client (server-side); with"
            + " --end-session: whose sessions to end; with --history: this client's intervals.")
    String client;

    @Option(names = "--user", paramLabel = "USER", converter = UserName.class, description = "Only sessions of this user (server-side); with --files: their"
            + " open files; with --end-session: whose sessions to end; with --history: this user's intervals.")
    String user;

    @Option(names = "--demo", description = "Poll the built-in demo fleet instead of real servers.")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file to use instead of the default.")
    Path config;

    @Option(names = "--username", paramLabel = "USER[@DOMAIN]", converter = AccountConverter.class,
            description = "Account for the srvsvc backend: USER, USER@DOMAIN or DOMAIN\\USER.")
    Account account;

    @Option(names = "--port", paramLabel = "PORT", converter = PortConverter.class,
            description = "SMB port for the srvsvc backend (default: 445).")
    Integer port;

    @Option(names = "--deadline", paramLabel = "SECONDS", converter = DeadlineSeconds.class,
            description = "Seconds one server may take before it counts as timed out (default: 10).")
    Integer deadlineSeconds;

    @Option(names = "--no-history",
            description = "Do not record --watch into the history database (alone: open the window without recording).")
    boolean noHistory;

    @Option(names = "--history-db", paramLabel = "FILE",
            description = "History database to record into or query (default: in the OS's data folder); alone, the"
                    + " window records into and reads it.")
    Path historyDb;

    @Option(names = "--at", paramLabel = "TIME", converter = HistoryQuery.TimeConverter.class,
            description = "With --history: the sessions open at this ISO-8601 time, e.g. 2026-11-30T09:10:00Z.")
    Instant at;

    @Option(names = "--since", paramLabel = "TIME", converter = HistoryQuery.TimeConverter.class,
            description = "With --history --user/--client: intervals that end at or after this time.")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = HistoryQuery.TimeConverter.class,
            description = "With --history --user/--client: intervals that start at or before this time.")
    Instant until;

    boolean watch() {
        return mode != null && mode.watch;
    }

    boolean history() {
        return mode != null && mode.history;
    }

    boolean collect() {
        return mode != null && mode.collect;
    }

    /** {@code --close-file} or {@code --end-session}. */
    boolean action() {
        return mode != null && (mode.closeFile != null || mode.endSession);
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.name() + " " + AppInfo.version()};
        }
    }

    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class DatabaseUrlConverter implements ITypeConverter<DatabaseUrl> {
        @Override
        public DatabaseUrl convert(String value) {
            try {
                return DatabaseUrl.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class BackendConverter implements ITypeConverter<Backend> {
        @Override
        public Backend convert(String value) {
            try {
                return Backend.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class LevelConverter implements ITypeConverter<InfoLevel> {
        @Override
        public InfoLevel convert(String value) {
            try {
                return InfoLevel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class AccountConverter implements ITypeConverter<Account> {
        @Override
        public Account convert(String value) {
            try {
                return Account.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Checks the entry now, so a bad name is a usage error; {@link CliRun} parses it again into a server. */
    static final class ServerNameConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                ServerListImport.parseEntry(value, Backend.AUTO);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, 1, 65535, "a port (1–65535)");
        }
    }

    /** A client to filter on: never empty, which would silently mean "every client". */
    static final class ClientName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return named(value, "client");
        }
    }

    /** A user to filter on: never empty, also not after a domain ({@code CORP\}). */
    static final class UserName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            named(value, "user");
            if (value.substring(value.lastIndexOf('\\') + 1).isBlank()) {
                throw new TypeConversionException("'" + value + "' names a domain but no user after it");
            }
            return value;
        }
    }

    private static String named(String value, String what) {
        if (value.isBlank()) {
            throw new TypeConversionException("an empty " + what + " matches every session: name one, or leave the"
                    + " option out");
        }
        return value;
    }

    /** A poll interval: the configuration file's range. */
    static final class Seconds implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, 1, AppConfig.MAX_POLL_INTERVAL_SECONDS,
                    "a number of seconds (1–" + AppConfig.MAX_POLL_INTERVAL_SECONDS + ")");
        }
    }

    /** A server's deadline: the configuration file's range. */
    static final class DeadlineSeconds implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, 1, AppConfig.MAX_SERVER_DEADLINE_SECONDS,
                    "a number of seconds (1–" + AppConfig.MAX_SERVER_DEADLINE_SECONDS + ")");
        }
    }

    /** A file id as servers give it: unsigned 32-bit, so never negative. */
    static final class FileIdConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long id = Long.parseLong(value.strip());
                if (id >= 0 && id <= 0xFFFF_FFFFL) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below with the same message as an out-of-range number
            }
            throw new TypeConversionException("'" + value + "' is not a file id (0–4294967295, as --files lists it)");
        }
    }

    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return bounded(value, 1, Integer.MAX_VALUE, "a positive whole number");
        }
    }

    private static int bounded(String value, int min, int max, String what) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        throw new TypeConversionException("'" + value + "' is not " + what);
    }
}
