package org.sessionwatch.polling;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * Calls on the watched servers other than the session poll: list open files, close a file, end a session. They go
 * through the same per-server connection the poll uses (so a server is asked by one connection, with the account the
 * configuration gives it), run on the polling threads and are bounded by the same per-server deadline: a hung server
 * completes the future with a timeout {@code Failure}/{@code Refused}, never blocks the caller and never exhausts
 * threads. The futures never complete exceptionally for a server problem; every outcome is a value.
 *
 * <p>A server that is not among the source's servers answers with a {@code Refused}/{@code Failure} naming it. A
 * source that reaches no file server (a team collector's database) answers {@code Unsupported} with the reason.
 */
public interface ServerActions {

    /** The servers these calls can reach, in configuration order. */
    List<String> servers();

    /** What {@code server} can do through its backend; {@link Capabilities#none} with a reason when unknown. */
    Capabilities capabilities(String server);

    /** {@code NetFileEnum} on {@code request.server()}, level 3 falling back to 2, every page. */
    CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request);

    /**
     * {@code NetFileClose(server, fileId)}; {@code fileId} is the unsigned 32-bit id the listing gave.
     *
     * @throws IllegalArgumentException if {@code fileId} is not in 0..2^32-1 (a caller's bug, not a server problem)
     */
    CompletableFuture<ActionResult> closeFile(String server, long fileId);

    /**
     * {@code NetSessionDel(server, \\client, user)}; one of client and user may be null, not both.
     *
     * @throws IllegalArgumentException if both are null or blank (a caller's bug, not a server problem)
     */
    CompletableFuture<ActionResult> endSession(String server, String client, String user);

    /**
     * The actions of whichever source {@code current} supplies at the moment of each call, so they follow a settings
     * change like {@link PollSource#following} polls; when it supplies none (polling closed), every call answers
     * {@code Unsupported}.
     */
    static ServerActions following(Supplier<ServerActions> current) {
        Objects.requireNonNull(current, "current");
        ServerActions closed = unsupported("Polling has stopped");
        return new ServerActions() {
            private ServerActions now() {
                ServerActions actions = current.get();
                return actions == null ? closed : actions;
            }

            @Override
            public List<String> servers() {
                return now().servers();
            }

            @Override
            public Capabilities capabilities(String server) {
                return now().capabilities(server);
            }

            @Override
            public CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
                return now().listOpenFiles(request);
            }

            @Override
            public CompletableFuture<ActionResult> closeFile(String server, long fileId) {
                return now().closeFile(server, fileId);
            }

            @Override
            public CompletableFuture<ActionResult> endSession(String server, String client, String user) {
                return now().endSession(server, client, user);
            }
        };
    }

    /** Actions for a source that reaches no file server: every call answers {@code Unsupported} with {@code reason}. */
    static ServerActions unsupported(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new ServerActions() {
            @Override
            public List<String> servers() {
                return List.of();
            }

            @Override
            public Capabilities capabilities(String server) {
                return Capabilities.none(reason);
            }

            @Override
            public CompletableFuture<OpenFilesResult> listOpenFiles(OpenFilesRequest request) {
                return CompletableFuture.completedFuture(new OpenFilesResult.Unsupported(request.server(), reason));
            }

            @Override
            public CompletableFuture<ActionResult> closeFile(String server, long fileId) {
                return CompletableFuture.completedFuture(new ActionResult.Unsupported(reason));
            }

            @Override
            public CompletableFuture<ActionResult> endSession(String server, String client, String user) {
                return CompletableFuture.completedFuture(new ActionResult.Unsupported(reason));
            }
        };
    }
}
