package org.sessionwatch.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, throw-away PostgreSQL cluster on loopback, one per test class: register it with
 * {@code @RegisterExtension static final PostgresServer PG = new PostgresServer();}.
 *
 * <p>{@code initdb} and {@code pg_ctl} from Debian's {@code postgresql} package create and start a cluster in a temp
 * directory, listening only on 127.0.0.1 at a free port (and on a Unix socket inside that directory, never in
 * {@code /var/run}). initdb refuses to run as root, so under root (as in CI) every command runs as the
 * {@code postgres} user through {@code runuser}, and the directory is handed to it. Host logins need a password
 * (SCRAM); the superuser's is {@link #SUPERUSER_PASSWORD}. TLS is on, with a CA and a server certificate for
 * 127.0.0.1/localhost made by {@code openssl} for this run ({@link #caCertificate()}), so {@code sslmode=verify-full}
 * can be tested; plain connections are still accepted.
 *
 * <p>{@link #stop(boolean)} and {@link #start()} restart the server mid-test on the same port and data. Without
 * PostgreSQL the class is skipped with an install hint, or fails when {@code CI=true}.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "pg-test-superuser";
    static final String INSTALL_HINT = "PostgreSQL is not installed (Debian/Ubuntu: apt-get install postgresql)";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final long COMMAND_TIMEOUT_S = 60;

    private Path bin;
    private Path root;
    private int port;
    private boolean asPostgresUser;
    private Thread cleanup;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        bin = binaries();
        asPostgresUser = "root".equals(System.getProperty("user.name"));
        root = Files.createTempDirectory("sessionwatch-pg-");
        try {
            Files.createDirectories(root.resolve("socket"));
            Files.writeString(root.resolve("pwfile"), SUPERUSER_PASSWORD + "\n");
            makeCertificates();
            if (asPostgresUser) {
                chownToPostgres(root);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", SUPERUSER,
                    "--pwfile=" + root.resolve("pwfile"), "--auth-local=trust", "--auth-host=scram-sha-256",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
            Files.writeString(data().resolve("postgresql.conf"), """

                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = '%s'
                    ssl = on
                    ssl_cert_file = '%s'
                    ssl_key_file = '%s'
                    fsync = off
                    max_connections = 60
                    """.formatted(root.resolve("socket"), root.resolve("tls/server.crt"),
                    root.resolve("tls/server.key")), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            port = freePort();
            cleanup = new Thread(() -> stop(true), "postgres-test-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            start();
        } catch (Exception | Error e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (root == null) {
            return;
        }
        stop(true);
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and runs the hook itself
            }
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        root = null;
    }

    /** Starts the server (again) on the same port and data directory and waits until it accepts connections. */
    public synchronized void start() throws IOException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", root.resolve("server.log")
                .toString(), "-o", "-p " + port, "-w", "-t", "30", "start"));
    }

    /** Stops the server: {@code crash} kills it at once (immediate mode, as a power cut would), else a fast stop. */
    public synchronized void stop(boolean crash) {
        if (root == null || !Files.exists(data().resolve("postmaster.pid"))) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m",
                    crash ? "immediate" : "fast", "-w", "stop"));
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The CA that signed the server's certificate, for {@code sslrootcert}. */
    public Path caCertificate() {
        return root.resolve("tls/ca.crt");
    }

    /** A JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection to {@code database}. */
    public Connection superuser(String database) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", SUPERUSER);
        login.setProperty("password", SUPERUSER_PASSWORD);
        return DriverManager.getConnection(jdbcUrl(database), login);
    }

    /** Runs statements as the superuser in {@code database}, each on its own (CREATE DATABASE needs that). */
    public void execute(String database, String... statements) throws SQLException {
        try (Connection connection = superuser(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A new empty database owned by the superuser. */
    public String createDatabase(String name) throws SQLException {
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** The server's log so far, for assertion messages. */
    public String log() {
        try {
            return Files.readString(root.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Path data() {
        return root.resolve("data");
    }

    /** The newest Debian PostgreSQL whose bin folder holds initdb and pg_ctl; skips or fails the class without. */
    private static Path binaries() throws IOException {
        if (Files.isDirectory(DEBIAN_ROOT)) {
            try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        SkipOrFail.unavailable("PostgreSQL tests", INSTALL_HINT);
        throw new AssertionError("unreachable");
    }

    private static int version(String folder) {
        try {
            return Integer.parseInt(folder);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A CA and a server certificate for 127.0.0.1 and localhost, valid for a day; the key is 0600 as postgres wants. */
    private void makeCertificates() throws IOException {
        Path tls = Files.createDirectories(root.resolve("tls"));
        Files.writeString(tls.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl(tls, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=SessionWatch test CA", "-keyout", "ca.key", "-out", "ca.crt");
        openssl(tls, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
                "-out", "server.csr");
        openssl(tls, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "1", "-extfile", "san.ext", "-out", "server.crt");
        Files.setPosixFilePermissions(tls.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
    }

    private static void openssl(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        exec(new ProcessBuilder(command).directory(directory.toFile()), command);
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        exec(new ProcessBuilder(full).directory(root.toFile()), full);
    }

    private static void exec(ProcessBuilder builder, List<String> command) throws IOException {
        Process process = builder.redirectErrorStream(true).start();
        // pg_ctl's server inherits no pipe of ours (it logs to -l), so reading to the end cannot hang on it.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_S + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
        }
    }

    private static void chownToPostgres(Path directory) throws IOException {
        UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName("postgres");
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.toList()) {
                Files.setOwner(path, postgres);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
