package org.sessionwatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * One {@code --files} run: every server's answer and the open files kept by the filters.
 *
 * @param polledAt when the servers were asked
 * @param servers  one entry per server, in configuration order
 */
record FilesListing(Instant polledAt, List<ServerFiles> servers) {
    /** The status of a backend that cannot list open files at all (nothing was asked). */
    static final String UNSUPPORTED = "UNSUPPORTED";

    FilesListing {
        Objects.requireNonNull(polledAt, "polledAt");
        servers = List.copyOf(servers);
    }

    /**
     * One server's answer.
     *
     * @param result   what the server said
     * @param files    its open files that pass the filters (none when it failed)
     * @param duration how long the answer took
     */
    record ServerFiles(OpenFilesResult result, List<OpenFile> files, Duration duration) {
        ServerFiles {
            Objects.requireNonNull(result, "result");
            files = List.copyOf(files);
            Objects.requireNonNull(duration, "duration");
        }

        String server() {
            return result.server();
        }

        /** {@code OK}, the error kind, or {@link #UNSUPPORTED}. */
        String status() {
            return switch (result) {
                case OpenFilesResult.Success ok -> "OK";
                case OpenFilesResult.Failure failure -> failure.error().kind().name();
                case OpenFilesResult.Unsupported unsupported -> UNSUPPORTED;
            };
        }

        /** The level answered (or last asked, for a failure); null when nothing was asked. */
        FileInfoLevel level() {
            return switch (result) {
                case OpenFilesResult.Success ok -> ok.level();
                case OpenFilesResult.Failure failure -> failure.level();
                case OpenFilesResult.Unsupported unsupported -> null;
            };
        }

        /** The error to show, or null for a server that answered; an unsupported backend's reason has no code. */
        NetApiError error() {
            return switch (result) {
                case OpenFilesResult.Success ok -> null;
                case OpenFilesResult.Failure failure -> failure.error();
                case OpenFilesResult.Unsupported unsupported -> new NetApiError(
                        ErrorKind.OTHER, 0, unsupported.reason(), null);
            };
        }

        boolean answered() {
            return result instanceof OpenFilesResult.Success;
        }
    }

    Stream<OpenFile> files() {
        return servers.stream().flatMap(server -> server.files().stream());
    }

    /** 0 every server answered, 3 some did not, 4 none did (as for sessions). */
    int exitCode() {
        long failed = servers.stream().filter(server -> !server.answered()).count();
        if (failed == 0) {
            return ExitCodes.OK;
        }
        return failed == servers.size() ? ExitCodes.ALL_FAILED : ExitCodes.SOME_FAILED;
    }
}
