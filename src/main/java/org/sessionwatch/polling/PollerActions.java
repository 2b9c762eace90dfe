package org.sessionwatch.polling;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ServerActions} of a {@link PollSource#of poller source}: each call goes to the server's slot in the poller,
 * so it uses the connection, account and backend the polls use, runs on the poller's threads and is bounded by the
 * per-server deadline ({@link ActionCall}). A server name is matched as configured, else ignoring case and a leading
 * {@code \\}.
 */
final class PollerActions implements ServerActions {
    private static final Logger LOG = LoggerFactory.getLogger(PollerActions.class);
    /** An unknown name's message lists at most this many of the configured servers. */
    private static final int NAMES_SHOWN = 10;

    private final Poller poller;
    private final List<ServerConfig> servers;

    PollerActions(Poller poller, List<ServerConfig> servers) {
        this.poller = poller;
        this.servers = List.copyOf(servers);
    }

    @Override
    public List<String> servers() {
        return servers.stream().map(ServerConfig::name).toList();
    }

    @Override
    public Capabilities capabilities(String server) {
        Optional<ServerConfig> config = find(server);
        if (config.isEmpty()) {
            return Capabilities.none(unknown(server).message());
        }
        try {
            return poller.capabilities(config.get());
        } catch (RuntimeException e) {
            LOG.warn("The backend for {} could not be set up", server, e);
            return Capabilities.none("SessionWatch could not set up the connection to " + server + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    @Override
    public CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
        Optional<ServerConfig> config = find(request.server());
        if (config.isEmpty()) {
            return CompletableFuture.completedFuture(
                    new OpenFilesResult.Failure(request.server(), request.level(), unknown(request.server())));
        }
        String name = config.get().name();
        OpenFilesRequest asConfigured = new OpenFilesRequest(name, request.level(), request.basePathFilter(),
                request.userFilter(), request.preferredMaxLength());
        return poller.act(config.get(), "listing open files", false,
                server -> server.listOpenFiles(asConfigured),
                error -> new OpenFilesResult.Failure(name, request.level(), error));
    }

    @Override
    public CompletableFuture<ActionResult> closeFile(String server, long fileId) {
        if (fileId < 0 || fileId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("A file id is an unsigned 32-bit value, not " + fileId);
        }
        Optional<ServerConfig> config = find(server);
        if (config.isEmpty()) {
            return CompletableFuture.completedFuture(new ActionResult.Refused(unknown(server)));
        }
        return poller.act(config.get(), "closing file " + fileId, true,
                fileServer -> fileServer.closeFile(fileId), ActionResult.Refused::new);
    }

    @Override
    public CompletableFuture<ActionResult> endSession(String server, String client, String user) {
        if (blank(client) && blank(user)) {
            throw new IllegalArgumentException("Ending a session needs a client, a user or both");
        }
        Optional<ServerConfig> config = find(server);
        if (config.isEmpty()) {
            return CompletableFuture.completedFuture(new ActionResult.Refused(unknown(server)));
        }
        String c = blank(client) ? null : client;
        String u = blank(user) ? null : user;
        String whose = u == null ? "the sessions from " + c : c == null ? "the sessions of " + u
                : "the session of " + u + " from " + c;
        return poller.act(config.get(), "ending " + whose, true,
                fileServer -> fileServer.endSession(c, u), ActionResult.Refused::new);
    }

    private Optional<ServerConfig> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ServerConfig server : servers) {
            if (server.name().equals(name)) {
                return Optional.of(server);
            }
        }
        String key = key(name);
        return servers.stream().filter(server -> key(server.name()).equals(key)).findFirst();
    }

    private NetApiError unknown(String name) {
        String known = servers.isEmpty() ? "none" : servers.stream().limit(NAMES_SHOWN).map(ServerConfig::name)
                .collect(Collectors.joining(", "))
                + (servers.size() > NAMES_SHOWN ? " and " + (servers.size() - NAMES_SHOWN) + " more" : "");
        return new NetApiError(ErrorKind.INVALID_NAME, 0,
                "\"" + name + "\" is not one of the watched servers (" + known + ").",
                "Name one of the watched servers, or add " + name + " to the configuration first.");
    }

    private static String key(String name) {
        return ClientNames.strip(name).toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
