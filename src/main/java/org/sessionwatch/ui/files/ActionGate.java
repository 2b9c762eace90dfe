package org.sessionwatch.ui.files;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sessionwatch.netapi.Capability;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * Decides whether an action may be offered on the selected rows, and why not: nothing on a stale row (its server is
 * not answering, so the row may no longer be true), on an ended session, or on a server whose backend cannot do it.
 * The reason becomes the disabled menu item's text.
 */
final class ActionGate {

    /** Either the targets to confirm, or why there are none. */
    record Decision<T extends ActionTarget>(List<T> targets, String refusal) {
        boolean allowed() {
            return refusal == null;
        }

        static <T extends ActionTarget> Decision<T> no(String why) {
            return new Decision<>(List.of(), why);
        }
    }

    private final Supplier<ServerActions> actions;

    ActionGate(Supplier<ServerActions> actions) {
        this.actions = actions;
    }

    Decision<ActionTarget.CloseFile> closeFiles(List<FileRow> rows) {
        if (rows.isEmpty()) {
            return Decision.no("Select one or more open files first");
        }
        Optional<String> problem = firstProblem(rows, FileRow::server, FileRow::stale, Capability.CLOSE_FILE);
        return problem.<Decision<ActionTarget.CloseFile>>map(Decision::no)
                .orElseGet(() -> new Decision<>(rows.stream().map(ActionTarget.CloseFile::of).toList(), null));
    }

    /** The sessions of the users who opened {@code rows} (from their client when it is known). */
    Decision<ActionTarget.EndSession> endSessionsOfFiles(List<FileRow> rows) {
        if (rows.isEmpty()) {
            return Decision.no("Select one or more open files first");
        }
        if (rows.stream().anyMatch(r -> r.user().isEmpty() && r.client() == null)) {
            return Decision.no("The server does not say who opened some of these files");
        }
        Optional<String> problem = firstProblem(rows, FileRow::server, FileRow::stale, Capability.END_SESSION);
        return problem.<Decision<ActionTarget.EndSession>>map(Decision::no).orElseGet(() -> new Decision<>(
                rows.stream().map(r -> new ActionTarget.EndSession(r.server(), r.client(),
                        r.user().isEmpty() ? null : r.user())).distinct().toList(), null));
    }

    Decision<ActionTarget.EndSession> endSessions(List<SessionRow> rows) {
        if (rows.isEmpty()) {
            return Decision.no("Select one or more sessions first");
        }
        if (rows.stream().anyMatch(SessionRow::isEnded)) {
            return Decision.no("A selected session has already ended");
        }
        if (rows.stream().anyMatch(r -> r.user().isEmpty() && r.client().isEmpty())) {
            return Decision.no("A selected session has neither a user nor a client name to end it by");
        }
        Optional<String> problem = firstProblem(rows, SessionRow::server, SessionRow::isStale,
                Capability.END_SESSION);
        return problem.<Decision<ActionTarget.EndSession>>map(Decision::no).orElseGet(() -> new Decision<>(
                rows.stream().map(r -> new ActionTarget.EndSession(r.server(),
                        r.client().isEmpty() ? null : r.client(), r.user().isEmpty() ? null : r.user()))
                        .distinct().toList(), null));
    }

    private <R> Optional<String> firstProblem(List<R> rows, Function<R, String> server,
                                              java.util.function.Predicate<R> stale, Capability capability) {
        ServerActions current = actions.get();
        for (R row : rows) {
            if (stale.test(row)) {
                return Optional.of(server.apply(row) + " is not answering: its rows are the last known ones."
                        + " Try again when it answers");
            }
        }
        return rows.stream().map(server).distinct()
                .map(s -> current.capabilities(s).reason(capability).map(reason -> s + ": " + reason))
                .flatMap(Optional::stream).findFirst();
    }
}
