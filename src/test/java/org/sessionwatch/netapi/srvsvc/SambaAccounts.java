package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Unix and Samba accounts of one test Samba: Unix users (Samba maps every SMB user to one), their Samba
 * passwords, the Unix group mapped to {@code BUILTIN\Administrators} (S-1-5-32-544), which is what Samba checks
 * before it answers {@code NetSessEnum} at level 1 or {@code NetFileEnum} and {@code NetFileClose} ({@code admin
 * users =} does not grant that SID), and a second Unix group mapped to {@code Domain Admins} (RID 512 of the server's
 * own domain), which Samba wants, besides root, before it ends a session with {@code NetSessionDel}.
 *
 * <p>Accounts are named {@code swtest_*} and carry {@link #MARKER} as their comment. An account with the marker left
 * behind by a killed test run is adopted and removed like one created now; an account without it belongs to somebody
 * else and makes the fixture fail rather than touch it.
 */
final class SambaAccounts {

    /** The GECOS comment of every Unix user the fixture creates. */
    static final String MARKER = "SessionWatch srvsvc test account";
    static final String ADMIN_GROUP = "swtest_admins";
    static final String DOMAIN_ADMIN_GROUP = "swtest_domadmins";

    /**
     * One SMB account of the test server.
     *
     * @param admin       member of BUILTIN\Administrators: may list sessions and open files and close files
     * @param domainAdmin member of Domain Admins: may also end sessions
     */
    record TestAccount(String name, String password, boolean admin, boolean domainAdmin) {

        TestAccount(String name, String password, boolean admin) {
            this(name, password, admin, false);
        }
    }

    private final SambaBinaries binaries;
    private final Path config;
    private final List<String> createdUsers = new ArrayList<>();
    private final List<String> createdGroups = new ArrayList<>();

    SambaAccounts(SambaBinaries binaries, Path config) {
        this.binaries = binaries;
        this.config = config;
    }

    void create(List<TestAccount> accounts) throws IOException {
        for (String group : List.of(ADMIN_GROUP, DOMAIN_ADMIN_GROUP)) {
            if (!groupExists(group)) {
                run(List.of("groupadd", group), null);
            }
            createdGroups.add(group);
        }
        for (TestAccount account : accounts) {
            String existing = gecos(account.name());
            if (existing == null) {
                run(List.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", "--comment", MARKER,
                        account.name()), null);
            } else if (!existing.equals(MARKER)) {
                throw new IOException("Unix user " + account.name() + " exists and was not made by these tests ("
                        + "comment '" + existing + "'); remove it or rename the test accounts");
            }
            createdUsers.add(account.name());
            List<String> groups = new ArrayList<>();
            if (account.admin()) {
                groups.add(ADMIN_GROUP);
            }
            if (account.domainAdmin()) {
                groups.add(DOMAIN_ADMIN_GROUP);
            }
            run(List.of("usermod", "-G", String.join(",", groups), account.name()), null);
            String twice = account.password() + "\n" + account.password() + "\n";
            run(List.of(binaries.smbpasswd().toString(), "-c", config.toString(), "-a", "-s", account.name()), twice);
        }
        run(List.of(binaries.net().toString(), "-s", config.toString(), "groupmap", "add", "sid=S-1-5-32-544",
                "unixgroup=" + ADMIN_GROUP, "type=builtin", "ntgroup=Administrators"), null);
        run(List.of(binaries.net().toString(), "-s", config.toString(), "groupmap", "add", "rid=512",
                "unixgroup=" + DOMAIN_ADMIN_GROUP, "type=domain", "ntgroup=Domain Admins"), null);
    }

    /** Removes the Unix users and groups this fixture created or adopted; Samba's own databases go with the temp dir. */
    void removeAll() {
        for (String user : createdUsers) {
            quietly(List.of("userdel", user));
        }
        createdUsers.clear();
        for (String group : createdGroups) {
            quietly(List.of("groupdel", group));
        }
        createdGroups.clear();
    }

    private static boolean groupExists(String group) throws IOException {
        return exitCode(List.of("getent", "group", group)) == 0;
    }

    /** The comment field of a Unix user, or null when there is no such user. */
    private static String gecos(String user) throws IOException {
        String line = output(List.of("getent", "passwd", user));
        if (line.isBlank()) {
            return null;
        }
        String[] fields = line.trim().split(":", -1);
        return fields.length > 4 ? fields[4] : "";
    }

    private static void quietly(List<String> command) {
        try {
            exitCode(command);
        } catch (IOException e) {
            System.err.println("Could not run " + command + ": " + e.getMessage());
        }
    }

    static void run(List<String> command, String stdin) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(process) != 0) {
            throw new IOException(command.get(0) + " failed with exit code " + process.exitValue() + ": " + output);
        }
    }

    private static int exitCode(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return waitFor(process);
    }

    private static String output(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(process);
        return text;
    }

    private static int waitFor(Process process) throws IOException {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(process.info().command().orElse("a helper") + " did not finish in 30 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
