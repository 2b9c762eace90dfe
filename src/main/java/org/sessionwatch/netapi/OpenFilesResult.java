package org.sessionwatch.netapi;

import java.util.List;
import java.util.Objects;

/** What asking one server for its open files produced. Never thrown. */
public sealed interface OpenFilesResult {

    String server();

    /** Every open file at {@code level}, paged to the end and de-duplicated. */
    record Success(String server, FileInfoLevel level, List<OpenFile> files) implements OpenFilesResult {
        public Success {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(level, "level");
            files = List.copyOf(files);
        }
    }

    /** The server was asked and refused or failed; {@code level} is the level of the last attempt. */
    record Failure(String server, FileInfoLevel level, NetApiError error) implements OpenFilesResult {
        public Failure {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(error, "error");
        }
    }

    /** The backend cannot list open files at all; nothing was asked. {@code reason} is plain language. */
    record Unsupported(String server, String reason) implements OpenFilesResult {
        public Unsupported {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
