package org.sessionwatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerActions;

/**
 * {@code --once --files}: asks every server of the run for its open files (level 3, falling back to 2) through the
 * source's {@link ServerActions}, at once and each within the per-server deadline, and prints them.
 *
 * <p>{@code --user} is sent to the servers and checked here as well, because Samba ignores its filters;
 * {@code --path-contains} is checked here only, case-insensitively ({@code NetFileEnum}'s base path is a prefix of
 * the server's own path form, which a person rarely knows, and Samba ignores it).
 */
final class FilesRun {
    private final CliContext context;

    FilesRun(CliContext context) {
        this.context = context;
    }

    /** The options {@code --files} takes and those that belong to it only. */
    static void check(CliOptions o) throws UsageException {
        if (!o.files) {
            if (o.pathContains != null) {
                throw new UsageException("--path-contains filters the open files of --files");
            }
            return;
        }
        if (o.mode == null || !o.mode.once) {
            throw new UsageException("--files goes with --once: it lists the open files one time");
        }
        if (o.source != null) {
            throw new UsageException("--files asks the servers themselves; it cannot read a team database (--source)");
        }
        if (o.level != null) {
            throw new UsageException("--level is the sessions' information level; --files asks open files at level 3"
                    + " and falls back to 2 by itself");
        }
        if (o.client != null) {
            throw new UsageException("--client does not filter open files: a server does not say which client holds"
                    + " a file. Use --user or --path-contains");
        }
    }

    int run(PollSource source, CliOptions o) {
        ServerActions actions = source.actions();
        String user = bareUser(o.user);
        Instant polledAt = context.clock().instant();
        List<CompletableFuture<FilesListing.ServerFiles>> pending = new ArrayList<>();
        for (String server : actions.servers()) {
            OpenFilesRequest request = new OpenFilesRequest(server, FileInfoLevel.LEVEL_3, null, user,
                    NetApiStatus.MAX_PREFERRED_LENGTH);
            pending.add(actions.listOpenFiles(request).thenApply(result -> new FilesListing.ServerFiles(result,
                    kept(result, user, o.pathContains),
                    Duration.between(polledAt, context.clock().instant()))));
        }
        // Never fails: every outcome, a timeout included, is a value, and each is bounded by the deadline.
        FilesListing listing = new FilesListing(polledAt, pending.stream().map(CompletableFuture::join).toList());
        context.out().print(FilesOutput.format(listing, o.format));
        context.out().flush();
        for (FilesListing.ServerFiles server : listing.servers()) {
            if (!server.answered()) {
                context.err().println("sessionwatch: " + server.server() + ": " + server.error().describe());
            }
        }
        return listing.exitCode();
    }

    private static List<OpenFile> kept(OpenFilesResult result, String user, String pathContains) {
        if (!(result instanceof OpenFilesResult.Success ok)) {
            return List.of();
        }
        String needle = pathContains == null ? null : pathContains.toLowerCase(Locale.ROOT);
        return ok.files().stream()
                // A level-2 entry carries no user: the server applied the filter, trust it.
                .filter(file -> user == null || file.userName().map(FilesRun::bareUser).map(user::equalsIgnoreCase)
                        .orElse(true))
                .filter(file -> needle == null || file.pathName()
                        .filter(path -> path.toLowerCase(Locale.ROOT).contains(needle)).isPresent())
                .toList();
    }

    /** "CORP\alice" as servers name her in open files and sessions: "alice". */
    static String bareUser(String user) {
        if (user == null || user.isBlank()) {
            return null;
        }
        String bare = user.substring(user.lastIndexOf('\\') + 1).strip();
        return bare.isEmpty() ? user.strip() : bare;
    }
}
