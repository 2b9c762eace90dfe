package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * What one server's open-files answer changed.
 *
 * @param at      when the answer was taken
 * @param result  the answer as the server gave it (a failure or an unsupported backend changes nothing tracked)
 * @param events  the files opened, changed and closed since the server's previous successful answer
 * @param current every file the tracker now knows open on this server: the last successful answer's files, kept
 *                while the server fails (shown stale, never reported closed)
 */
public record FilesUpdate(Instant at, OpenFilesResult result, List<FileEvent> events, List<OpenFile> current) {

    public FilesUpdate {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        events = List.copyOf(events);
        current = List.copyOf(current);
    }

    public String server() {
        return result.server();
    }
}
