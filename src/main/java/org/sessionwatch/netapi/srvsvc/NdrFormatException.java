package org.sessionwatch.netapi.srvsvc;

/**
 * A srvsvc answer stub that does not follow the NDR20 layout MS-SRVS defines: truncated, a count larger than
 * the data, a level other than the one asked for, and the like. The message says what was wrong and at which byte
 * offset of the stub, for the administrator's log; callers turn it into
 * {@link org.sessionwatch.netapi.NetApiStatus#protocolError} for the helpdesk agent.
 */
public final class NdrFormatException extends Exception {

    private final int offset;

    /**
     * @param problem what is wrong, e.g. "sesi502_username ActualCount 9 exceeds its MaximumCount 8"
     * @param offset  the byte offset in the stub where the offending item starts
     */
    public NdrFormatException(String problem, int offset) {
        super(problem + " (at byte offset " + offset + " of the NetrSessionEnum stub)");
        this.offset = offset;
    }

    /** The byte offset in the stub where the offending item starts. */
    public int offset() {
        return offset;
    }
}
