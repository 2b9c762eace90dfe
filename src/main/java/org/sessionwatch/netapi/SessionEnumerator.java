package org.sessionwatch.netapi;

/**
 * Asks one server for its SMB sessions at exactly the requested level, following every page to the end.
 *
 * <p>Implementations return errors as {@link EnumerationResult.Failure} and never throw for a server problem; level
 * fallback is {@link LevelNegotiator}'s job, not theirs. A call may block (native or network I/O); callers bound it
 * with a deadline.
 */
public interface SessionEnumerator extends AutoCloseable {

    EnumerationResult enumerate(EnumerationRequest request);

    /** Releases connections or native resources; the default has none. */
    @Override
    default void close() {
    }
}
