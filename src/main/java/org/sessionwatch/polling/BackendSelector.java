package org.sessionwatch.polling;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * Chooses the real backend for each server from its configuration. Demo servers never get here: the application's
 * wiring ({@code org.sessionwatch.app.PollSources}) hands them to the demo fleet.
 *
 * <p>{@link Backend#AUTO} means netapi32 on Windows when the server uses the SMB port 445 (netapi32 can use no other),
 * with the signed-in user's token or, for a server with a user name, that account (as {@code runas /netonly}); srvsvc
 * otherwise. A backend this build or this OS cannot provide becomes a server that can do nothing and says why (in its
 * capabilities and on every poll), so the server shows a readable error instead of breaking the cycle.
 */
public final class BackendSelector implements FileServerFactory {

    private final Function<ServerConfig, FileServer> windows;
    private final Function<ServerConfig, FileServer> srvsvc;
    private final boolean isWindows;

    /**
     * @param windows   creates the netapi32 backend for a server, or null when not available
     * @param srvsvc    creates the srvsvc (MS-SRVS over SMB) backend for a server, or null when not available
     * @param isWindows whether this process runs on Windows (see {@link #runningOnWindows()})
     */
    public BackendSelector(Function<ServerConfig, FileServer> windows, Function<ServerConfig, FileServer> srvsvc,
                           boolean isWindows) {
        this.windows = windows;
        this.srvsvc = srvsvc;
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
    public FileServer create(ServerConfig server) {
        Objects.requireNonNull(server, "server");
        return switch (resolve(server)) {
            case WINDOWS -> !isWindows || windows == null
                    ? unavailable(server, "The Windows backend needs Windows; use the srvsvc backend for " + server.name()
                    + ".", "Set the backend of " + server.name() + " to srvsvc (or auto) in the server settings.")
                    : server.port() != ServerConfig.DEFAULT_SMB_PORT
                    ? unavailable(server, "The Windows backend always connects to TCP port 445, but " + server.name()
                    + " is configured with port " + server.port() + ".", "Set the backend of " + server.name()
                    + " to srvsvc (or auto), which uses the configured port, or set its port to 445.")
                    : windows.apply(server);
            case SRVSVC -> srvsvc == null
                    ? unavailable(server, "The srvsvc backend is not available in this build, so " + server.name()
                    + " cannot be asked.", isWindows ? "Use the Windows backend for this server." : null)
                    : srvsvc.apply(server);
            case DEMO -> unavailable(server, server.name() + " is a demo server, which only the built-in demo fleet"
                    + " answers.", "Choose another backend for " + server.name() + " in the server settings.");
            case AUTO -> throw new IllegalStateException("resolve() never returns AUTO");
        };
    }

    private static FileServer unavailable(ServerConfig server, String message, String remedy) {
        return new UnavailableServer(server.name(), new NetApiError(ErrorKind.OTHER, 0, message, remedy));
    }
}
