package org.sessionwatch.polling;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.SessionEnumerator;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * Chooses the backend for each server from its configuration.
 *
 * <p>{@link Backend#AUTO} means netapi32 on Windows when the server uses the SMB port 445 (netapi32 can use no other),
 * with the signed-in user's token or, for a server with a user name, that account (as {@code runas /netonly}); srvsvc
 * otherwise. A backend this build or this OS cannot provide becomes an
 * enumerator that reports why on every poll, so the server shows a readable error instead of breaking the cycle.
 */
public final class BackendSelector implements EnumeratorFactory {

    private final Function<ServerConfig, SessionEnumerator> windows;
    private final Function<ServerConfig, SessionEnumerator> srvsvc;
    private final DemoFleet demo;
    private final boolean isWindows;

    /**
     * @param windows   creates the netapi32 backend for a server, or null when not available
     * @param srvsvc    creates the srvsvc (MS-SRVS over SMB) backend for a server, or null when not available
     * @param demo      answers servers with the demo backend, or null when not available
     * @param isWindows whether this process runs on Windows (see {@link #runningOnWindows()})
     */
    public BackendSelector(Function<ServerConfig, SessionEnumerator> windows,
                           Function<ServerConfig, SessionEnumerator> srvsvc, DemoFleet demo, boolean isWindows) {
        this.windows = windows;
        this.srvsvc = srvsvc;
        this.demo = demo;
        this.isWindows = isWindows;
    }

    public static boolean runningOnWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The backend {@code server} will actually use: never {@link Backend#AUTO}. */
    public Backend resolve(ServerConfig server) {
        return switch (server.backend()) {
            // netapi32 always connects to port 445, so another port would be checked by the reachability test and
            // then silently not used: such a server goes to srvsvc, which honours the port.
            // A user name no longer sends a server to srvsvc on Windows: the Windows backend logs on with it.
            case AUTO -> isWindows && server.port() == ServerConfig.DEFAULT_SMB_PORT ? Backend.WINDOWS : Backend.SRVSVC;
            case WINDOWS, SRVSVC, DEMO -> server.backend();
        };
    }

    @Override
    public SessionEnumerator create(ServerConfig server) {
        Objects.requireNonNull(server, "server");
        return switch (resolve(server)) {
            case WINDOWS -> !isWindows || windows == null
                    ? unavailable("The Windows backend needs Windows; use the srvsvc backend for " + server.name()
                    + ".", "Set the backend of " + server.name() + " to srvsvc (or auto) in the server settings.")
                    : server.port() != ServerConfig.DEFAULT_SMB_PORT
                    ? unavailable("The Windows backend always connects to TCP port 445, but " + server.name()
                    + " is configured with port " + server.port() + ".", "Set the backend of " + server.name()
                    + " to srvsvc (or auto), which uses the configured port, or set its port to 445.")
                    : windows.apply(server);
            case SRVSVC -> srvsvc == null
                    ? unavailable("The srvsvc backend is not available in this build, so " + server.name()
                    + " cannot be asked.", isWindows ? "Use the Windows backend for this server." : null)
                    : srvsvc.apply(server);
            case DEMO -> demo == null
                    ? unavailable("The demo fleet is not available, so " + server.name() + " cannot be asked.", null)
                    // The fleet is shared by all demo servers: the view handed out must not close it.
                    : demo::enumerate;
            case AUTO -> throw new IllegalStateException("resolve() never returns AUTO");
        };
    }

    private static SessionEnumerator unavailable(String message, String remedy) {
        NetApiError error = new NetApiError(ErrorKind.OTHER, 0, message, remedy);
        return request -> new EnumerationResult.Failure(request.server(), request.level(), error);
    }
}
