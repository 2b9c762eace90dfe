package org.sessionwatch.audit;

import java.time.Instant;
import java.util.Objects;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;

/**
 * One destructive action as the audit log keeps it. It has no place for a credential: the actor is the local account
 * that ran SessionWatch, and the error text is SessionWatch's own plain-language message.
 *
 * @param at      when the outcome was known
 * @param actor   the local account that attempted it, e.g. {@code CORP\anna} or {@code anna}
 * @param action  what was attempted
 * @param server  the server as configured
 * @param fileId  the file closed (unsigned 32-bit), or null for {@link Action#END_SESSION}
 * @param path    the file's path as the server reported it, when known
 * @param client  the client whose sessions were ended, or null
 * @param user    the user whose sessions were ended, or the file's user, when known
 * @param outcome   how it ended
 * @param detail    the plain-language sentence shown for it (why it was refused, that the file was already closed,
 *                  why the backend cannot do it), or null when it was done
 * @param errorKind the kind of refusal, or null
 * @param code      the status code of a refusal (Win32/NERR or NTSTATUS), or null
 * @param demo      whether it acted on the built-in demo fleet (nothing real was touched)
 */
public record ActionRecord(Instant at, String actor, Action action, String server, Long fileId, String path,
                           String client, String user, Outcome outcome, String detail, ErrorKind errorKind, Long code,
                           boolean demo) {

    /** What was attempted. */
    public enum Action { CLOSE_FILE, END_SESSION }

    /** How an action ended; the names are those of the CLI's {@code outcome}. */
    public enum Outcome {
        DONE, ALREADY_GONE, REFUSED, UNSUPPORTED;

        public static Outcome of(ActionResult result) {
            return switch (result) {
                case ActionResult.Done done -> DONE;
                case ActionResult.AlreadyGone gone -> ALREADY_GONE;
                case ActionResult.Refused refused -> REFUSED;
                case ActionResult.Unsupported unsupported -> UNSUPPORTED;
            };
        }
    }

    public ActionRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(outcome, "outcome");
        if ((action == Action.CLOSE_FILE) != (fileId != null)) {
            throw new IllegalArgumentException("A file id belongs to CLOSE_FILE and only there, not to " + action);
        }
    }

    /** The record of closing file {@code fileId} ({@code path} and {@code user} when known) with {@code result}. */
    public static ActionRecord closeFile(Instant at, String actor, String server, long fileId, String path,
                                         String user, ActionResult result, boolean demo) {
        return of(at, actor, Action.CLOSE_FILE, server, fileId, path, null, user, result, demo);
    }

    /** The record of ending the sessions of {@code user} from {@code client} with {@code result}. */
    public static ActionRecord endSession(Instant at, String actor, String server, String client, String user,
                                          ActionResult result, boolean demo) {
        return of(at, actor, Action.END_SESSION, server, null, null, client, user, result, demo);
    }

    private static ActionRecord of(Instant at, String actor, Action action, String server, Long fileId, String path,
                                   String client, String user, ActionResult result, boolean demo) {
        return switch (result) {
            case ActionResult.Done done -> new ActionRecord(at, actor, action, server, fileId, path, client, user,
                    Outcome.DONE, null, null, null, demo);
            case ActionResult.AlreadyGone gone -> new ActionRecord(at, actor, action, server, fileId, path, client,
                    user, Outcome.ALREADY_GONE, gone.detail(), null, null, demo);
            case ActionResult.Unsupported unsupported -> new ActionRecord(at, actor, action, server, fileId, path,
                    client, user, Outcome.UNSUPPORTED, unsupported.reason(), null, null, demo);
            case ActionResult.Refused refused -> {
                NetApiError error = refused.error();
                yield new ActionRecord(at, actor, action, server, fileId, path, client, user, Outcome.REFUSED,
                        error.message(), error.kind(), error.code(), demo);
            }
        };
    }
}
