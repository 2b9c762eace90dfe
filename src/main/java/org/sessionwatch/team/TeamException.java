package org.sessionwatch.team;

/** The team database cannot be used; the message says why in plain words and what to do. */
public final class TeamException extends RuntimeException {
    public TeamException(String message, Throwable cause) {
        super(message, cause);
    }
}
