package org.sessionwatch.netapi.srvsvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Samba programs the srvsvc tests need, found on this machine, or a skip (a failure on CI) that says how to get
 * them. {@code samba-dcerpcd} exists from Samba 4.16 on; older smbd serve the named pipes themselves.
 */
record SambaBinaries(Path smbd, Optional<Path> dcerpcd, Path smbpasswd, Path net) {

    static final String INSTALL_HINT =
            "install samba and smbclient (Debian: apt-get install samba smbclient) to run the srvsvc tests";

    private static final List<String> SEARCH_PATH = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin",
            "/usr/local/bin", "/sbin", "/bin");
    // samba-dcerpcd (Samba 4.16+) serves the named pipes; smbd only forwards them to it.
    private static final List<String> LIBEXEC_DIRS = List.of("/usr/libexec/samba", "/usr/lib/samba",
            "/usr/local/samba/libexec", "/usr/local/libexec/samba");

    /**
     * Finds the binaries and checks that this process may create Unix accounts (root). Without them the calling test
     * class is skipped with {@link #INSTALL_HINT}, unless the environment says {@code CI=true}: there a missing Samba
     * is a broken build machine, and the tests fail instead of silently not running.
     */
    static SambaBinaries require() {
        missing().ifPresent(SambaBinaries::unavailable);
        return find().orElseThrow();
    }

    /** Why the srvsvc tests cannot run on this machine, if they cannot: Samba missing, or not root. */
    static Optional<String> missing() {
        return missing(find().isPresent(), System.getProperty("user.name"));
    }

    static Optional<String> missing(boolean found, String user) {
        if (!found) {
            return Optional.of("smbd, smbpasswd or net not found: " + INSTALL_HINT);
        }
        if (!"root".equals(user)) {
            return Optional.of("the srvsvc tests create Unix accounts for Samba and must run as root");
        }
        return Optional.empty();
    }

    private static Optional<SambaBinaries> find() {
        Optional<Path> smbd = onPath("smbd");
        Optional<Path> dcerpcd = LIBEXEC_DIRS.stream().map(dir -> Path.of(dir, "samba-dcerpcd"))
                .filter(Files::isExecutable).findFirst();
        Optional<Path> smbpasswd = onPath("smbpasswd");
        Optional<Path> net = onPath("net");
        if (smbd.isEmpty() || smbpasswd.isEmpty() || net.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SambaBinaries(smbd.get(), dcerpcd, smbpasswd.get(), net.get()));
    }

    static boolean onCi() {
        // Windows has no smbd to start: there (the Windows CI workflow) the srvsvc tests are skipped even with CI=true
        return "true".equalsIgnoreCase(System.getenv("CI"))
                && !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static void unavailable(String reason) {
        unavailable(reason, onCi());
    }

    static void unavailable(String reason, boolean onCi) {
        if (onCi) {
            Assertions.fail("CI=true, so the srvsvc tests may not be skipped: " + reason);
        }
        Assumptions.abort(reason);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), SEARCH_PATH.stream())
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
