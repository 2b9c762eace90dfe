package org.sessionwatch.history;

/** History could not be opened, read or written; the message is plain language with the remedy. */
public final class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryException(String message) {
        super(message);
    }
}
