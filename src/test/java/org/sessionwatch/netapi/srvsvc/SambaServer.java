package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Samba file server on loopback, started once per test class: register it with
 * {@code @RegisterExtension static final SambaServer SAMBA = new SambaServer(accounts...)}.
 *
 * <p>Everything lives in one temp directory: a generated {@code smb.conf} (standalone server, NetBIOS off, listening
 * only on 127.0.0.1 and ::1 at a free high port), Samba's private, lock, state, cache, pid and ncalrpc directories, the
 * logs, and the {@value #SHARE} share. Two processes are started and later stopped by pid together with the children
 * they forked, never any other Samba on the machine: {@code samba-dcerpcd}, which serves the {@code srvsvc} pipe (on
 * demand start is switched off so it does not detach out of our reach), and {@code smbd}. A file lock serialises test
 * JVMs, because the Unix accounts are machine-wide.
 *
 * <p>Without Samba or root the class is reported as skipped with the reason (an execution condition, so the test
 * report shows it rather than "Tests run: 0"), or fails when {@code CI=true}; see {@link SambaBinaries#require()}.
 */
final class SambaServer implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    static final String SHARE = "data";

    static {
        // smbj logs every connect and logoff at INFO; the tests open dozens.
        System.setProperty("org.slf4j.simpleLogger.log.com.hierynomus", "warn");
    }
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "sessionwatch-samba-tests.lock");
    private static final long START_TIMEOUT_MS = 20_000;

    private final List<SambaAccounts.TestAccount> accounts;
    private final List<String> extraGlobals;
    private SambaBinaries binaries;
    private Path root;
    private Path config;
    private int port;
    private SambaAccounts unixAccounts;
    private FileChannel lockChannel;
    private FileLock lock;
    private final List<Process> running = new ArrayList<>();

    SambaServer(SambaAccounts.TestAccount... accounts) {
        this(List.of(), accounts);
    }

    /** @param extraGlobals further {@code [global]} lines, e.g. {@code "server max protocol = SMB2_10"} */
    SambaServer(List<String> extraGlobals, SambaAccounts.TestAccount... accounts) {
        this.accounts = List.of(accounts);
        this.extraGlobals = List.copyOf(extraGlobals);
    }

    /** Skips the class with the reason where Samba cannot run; on CI lets it run, so that it fails in beforeAll. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return condition(SambaBinaries.missing(), SambaBinaries.onCi());
    }

    static ConditionEvaluationResult condition(java.util.Optional<String> missing, boolean onCi) {
        if (onCi) {
            return ConditionEvaluationResult.enabled("CI=true: the srvsvc tests may not be skipped");
        }
        return missing.map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("Samba and root are available"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        binaries = SambaBinaries.require();
        acquireMachineLock();
        try {
            root = Files.createTempDirectory("sessionwatch-samba-");
            // smbd switches to the connecting user's uid to open files: the share must be reachable by everyone.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            port = freePort();
            config = writeConfig();
            unixAccounts = new SambaAccounts(binaries, config);
            unixAccounts.create(accounts);
            start();
        } catch (Exception | Error e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            stop(false);
            if (unixAccounts != null) {
                unixAccounts.removeAll();
            }
            deleteTree(root);
        } finally {
            if (lock != null) {
                lock.release();
                lockChannel.close();
                lock = null;
            }
        }
    }

    /** The TCP port smbd listens on (127.0.0.1 and ::1). */
    int port() {
        return port;
    }

    /** The directory the {@value #SHARE} share serves. */
    Path shareDirectory() {
        return root.resolve("share");
    }

    /** Starts samba-dcerpcd and smbd and waits until both accept connections. */
    synchronized void start() throws IOException {
        if (!running.isEmpty()) {
            throw new IllegalStateException("Samba is already running");
        }
        if (binaries.dcerpcd().isPresent()) {
            Path srvsvcSocket = root.resolve("ncalrpc/np/srvsvc");
            Files.deleteIfExists(srvsvcSocket);
            running.add(launch("samba-dcerpcd", List.of(binaries.dcerpcd().get().toString(), "--libexec-rpcds",
                    "--foreground", "--debug-stdout", "--debuglevel=1", "--configfile=" + config)));
            awaitUnixSocket(srvsvcSocket);
        }
        // smbd puts itself into a new process group (no --no-process-group); it is still our child.
        running.add(launch("smbd", List.of(binaries.smbd().toString(), "--foreground", "--debug-stdout",
                "--debuglevel=1", "--configfile=" + config)));
        awaitTcpPort();
    }

    /**
     * Stops the processes {@link #start()} started and every process they forked (smbd's per-connection children,
     * the rpcd_* workers). {@code crash} kills them with SIGKILL at once, as a power cut would; otherwise SIGTERM
     * first.
     */
    synchronized void stop(boolean crash) {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process process : running) {
            all.add(process.toHandle());
            all.addAll(process.descendants().toList());
        }
        for (ProcessHandle handle : all) {
            if (crash) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        running.clear();
    }

    /** The server's own log so far, for assertion messages. */
    String log() {
        try (Stream<Path> files = Files.list(root.resolve("log"))) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                String content = Files.readString(file);
                text.append("== ").append(file.getFileName()).append('\n')
                        .append(content, Math.max(0, content.length() - 4000), content.length());
            }
            return text.toString();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Process launch(String name, List<String> command) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("log/" + name + ".out").toFile()))
                .start();
    }

    private Path writeConfig() throws IOException {
        for (String dir : List.of("private", "lock", "state", "cache", "pid", "ncalrpc", "log", "share")) {
            Files.createDirectories(root.resolve(dir));
        }
        Files.setPosixFilePermissions(root.resolve("share"), PosixFilePermissions.fromString("rwxrwxrwx"));
        String text = """
                [global]
                  server role = standalone server
                  workgroup = SWTESTWG
                  netbios name = SWTESTSRV
                  disable netbios = yes
                  smb ports = %2$d
                  interfaces = 127.0.0.1 ::1
                  bind interfaces only = yes
                  private dir = %1$s/private
                  lock directory = %1$s/lock
                  state directory = %1$s/state
                  cache directory = %1$s/cache
                  pid directory = %1$s/pid
                  ncalrpc dir = %1$s/ncalrpc
                  log file = %1$s/log/log.%%m
                  max log size = 1000
                  passdb backend = tdbsam:%1$s/private/passdb.tdb
                %4$s
                %5$s
                  map to guest = Bad User
                  guest account = nobody
                  restrict anonymous = 0
                  load printers = no
                  printing = bsd
                  printcap name = /dev/null
                  disable spoolss = yes
                  usershare max shares = 0
                [%3$s]
                  path = %1$s/share
                  read only = no
                  guest ok = yes
                """.formatted(root, port, SHARE, binaries.dcerpcd().isPresent() ? "rpc start on demand helpers = no" : "",
                String.join("\n", extraGlobals));
        Path file = root.resolve("smb.conf");
        Files.writeString(file, text);
        return file;
    }

    private void awaitUnixSocket(Path socket) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            checkAlive();
            if (Files.exists(socket)) {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    return;
                } catch (IOException notYet) {
                    // bound but not listening yet
                }
            }
            pause();
        }
        throw new IOException("samba-dcerpcd did not create " + socket + " within " + START_TIMEOUT_MS + " ms\n" + log());
    }

    private void awaitTcpPort() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            checkAlive();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IOException("smbd did not listen on port " + port + " within " + START_TIMEOUT_MS + " ms\n" + log());
    }

    private void checkAlive() throws IOException {
        for (Process process : running) {
            if (!process.isAlive()) {
                throw new IOException(process.info().command().orElse("A Samba process") + " exited with code "
                        + process.exitValue() + "\n" + log());
            }
        }
    }

    private void acquireMachineLock() throws IOException, InterruptedException {
        lockChannel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((lock = lockChannel.tryLock()) == null) {
            if (System.nanoTime() > deadline) {
                lockChannel.close();
                throw new IOException("Another test run has held " + LOCK_FILE + " for two minutes");
            }
            Thread.sleep(200);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while waiting for Samba"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
