package org.sessionwatch.cli;

/** A problem with what the user asked for (beyond what picocli checks); exit code 2, nothing polled. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
