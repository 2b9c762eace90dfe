package org.sessionwatch.netapi;

/**
 * One watched server, as one backend reaches it: it owns its connection (an SMB session and srvsvc pipe, the
 * netapi32 library, or a place in the demo fleet) and says what it can do.
 *
 * <p>Every call returns a value and never throws for a server problem: a down server is a {@code Failure} or
 * {@code Refused}, a capability the backend lacks is an {@code Unsupported} answer with the reason
 * {@link #capabilities()} gives, never an exception and never a silently empty list. Calls may block (native or
 * network I/O); callers bound them with a deadline. Level fallback for sessions is
 * {@link LevelNegotiator}'s job, not the backend's.
 */
public interface FileServer extends AutoCloseable {

    /** The server as configured, as it is named in results and messages. */
    String name();

    /** What this server can do through this backend, with a reason for each thing it cannot. */
    Capabilities capabilities();

    /** {@code NetSessionEnum} at exactly {@code request.level()}, every page. */
    EnumerationResult listSessions(EnumerationRequest request);

    /** {@code NetFileEnum} at exactly {@code request.level()}, every page. */
    OpenFilesResult listOpenFiles(OpenFilesRequest request);

    /** {@code NetFileClose}: forces the file with this id (unsigned 32-bit) closed. */
    ActionResult closeFile(long fileId);

    /**
     * {@code NetSessionDel}: ends the sessions of {@code user} from {@code client}; one of them may be null (all
     * sessions of that client, or of that user), not both.
     */
    ActionResult endSession(String client, String user);

    /** Releases the connection or native resources; later calls fail with a plain message. Idempotent. */
    @Override
    void close();
}
