package org.sessionwatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.audit.ActionRecord;
import org.sessionwatch.export.Csv;
import org.sessionwatch.export.SessionFields;
import org.sessionwatch.files.AtomicFiles;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.PollSource;
import org.sessionwatch.polling.ServerActions;

/**
 * {@code --close-file ID --server NAME} and {@code --end-session --server NAME [--client C] [--user U]}: one
 * destructive action on one server, through the source's {@link ServerActions} (the server's account, backend and
 * deadline as for a poll).
 *
 * <p>Safe by default: without {@code --yes} it asks on the terminal, naming exactly what will happen, and without a
 * terminal it refuses (exit 2) and does nothing. Every attempt is appended to the audit log next to the
 * configuration; an action whose audit line could not be written is not attempted.
 */
final class ActionRun {
    private final CliContext context;

    ActionRun(CliContext context) {
        this.context = context;
    }

    /** What an action takes: one --server, a target, nothing about polling or listing. */
    static void check(CliOptions o) throws UsageException {
        if (!o.action()) {
            if (o.yes) {
                throw new UsageException("--yes confirms --close-file or --end-session; there is nothing to confirm");
            }
            return;
        }
        String action = o.mode.endSession ? "--end-session" : "--close-file";
        if (o.servers.size() != 1) {
            throw new UsageException(action + " needs exactly one --server NAME: the server to act on");
        }
        if (o.source != null) {
            throw new UsageException(action + " acts on the server itself; it cannot go through a team database"
                    + " (--source)");
        }
        if (o.files || o.pathContains != null || o.level != null || o.intervalSeconds != null) {
            throw new UsageException(action + " takes --server, --yes and the server's account options; --files,"
                    + " --path-contains, --level and --interval belong to listings");
        }
        if (o.mode.endSession && blank(o.client) && blank(o.user)) {
            throw new UsageException("--end-session needs --client CLIENT, --user USER or both: which sessions to end");
        }
        if (!o.mode.endSession && (o.client != null || o.user != null)) {
            throw new UsageException("--close-file takes the file id only; --client and --user belong to"
                    + " --end-session");
        }
    }

    int run(PollSource source, RunSettings settings, CliOptions o) {
        ServerActions actions = source.actions();
        String server = settings.servers().get(0).name();
        Path configFile = o.config != null ? o.config : context.defaultConfigFile().get();
        ActionLog audit = ActionLog.nextTo(configFile);
        try {
            audit.checkWritable();
        } catch (IOException e) {
            context.err().println("sessionwatch: the audit log " + audit.file() + " cannot be written ("
                    + AtomicFiles.reason(e) + "), so nothing was done. Make its folder writable for your account.");
            return ExitCodes.USAGE;
        }
        Long fileId = o.mode.endSession ? null : o.mode.closeFile;
        String client = blank(o.client) ? null : ClientNames.strip(o.client.strip());
        String user = FilesRun.bareUser(o.user);
        Optional<OpenFile> file = Optional.empty();
        if (!o.yes) {
            Optional<String> lookupProblem = Optional.empty();
            if (fileId != null) {
                // Named in the question (and the audit line) when the server still lists it.
                OpenFilesResult listed = actions.listOpenFiles(OpenFilesRequest.of(server)).join();
                if (listed instanceof OpenFilesResult.Success ok) {
                    file = ok.files().stream().filter(f -> f.id() == fileId).findFirst();
                    if (file.isEmpty()) {
                        lookupProblem = Optional.of(server + " does not list it as open now");
                    }
                } else {
                    lookupProblem = Optional.of("its path could not be looked up");
                }
            }
            Optional<Boolean> answer = context.confirmation().ask(question(server, fileId, file, lookupProblem,
                    client, user, settings.demoData()));
            if (answer.isEmpty()) {
                context.err().println("sessionwatch: " + (fileId != null ? "--close-file" : "--end-session")
                        + " asks for confirmation on a terminal, and there is none; nothing was done. Add --yes to"
                        + " act without asking.");
                return ExitCodes.USAGE;
            }
            if (!answer.get()) {
                context.err().println("Cancelled; nothing was done.");
                return ExitCodes.USAGE;
            }
        }
        ActionResult result = fileId != null
                ? actions.closeFile(server, fileId).join()
                : actions.endSession(server, client, user).join();
        ActionRecord record = fileId != null
                ? ActionRecord.closeFile(context.clock().instant(), ActionLog.localAccount(), server, fileId,
                        file.flatMap(OpenFile::pathName).orElse(null), file.flatMap(OpenFile::userName).orElse(null),
                        result, settings.demoData())
                : ActionRecord.endSession(context.clock().instant(), ActionLog.localAccount(), server, client, user,
                        result, settings.demoData());
        try {
            audit.append(record);
        } catch (IOException e) {
            context.err().println("sessionwatch: warning: the outcome below could not be written to the audit log "
                    + audit.file() + ": " + e);
        }
        TeamRuns.shareAudit(context, settings.config(), record);
        context.out().print(output(record, result, o.format));
        context.out().flush();
        describe(result).ifPresent(text -> context.err().println("sessionwatch: " + server + ": " + text));
        return result instanceof ActionResult.Done || result instanceof ActionResult.AlreadyGone
                ? ExitCodes.OK : ExitCodes.ALL_FAILED;
    }

    private static String question(String server, Long fileId, Optional<OpenFile> file,
                                   Optional<String> lookupProblem, String client, String user, boolean demo) {
        StringBuilder text = new StringBuilder();
        if (fileId != null) {
            text.append("Close file ").append(fileId);
            file.ifPresent(f -> text.append(" (").append(TableOutput.text(f.pathName().orElse("path unknown")))
                    .append(f.userName().map(u -> ", opened by " + TableOutput.text(u)).orElse("")).append(')'));
            text.append(" on ").append(server).append('?');
            lookupProblem.ifPresent(problem -> text.append(" Note: ").append(problem).append('.'));
            text.append(" The user may lose unsaved changes.");
        } else {
            text.append("End ").append(sessions(client, user)).append(" on ").append(server).append('?')
                    .append(" Ending a session closes all its files; the user may lose unsaved changes.");
        }
        if (demo) {
            text.append(" (Demo data: nothing real is touched.)");
        }
        return text.append(" Type yes to continue: ").toString();
    }

    /** "the sessions of user bob from client 10.0.0.5". */
    static String sessions(String client, String user) {
        return "the sessions" + (user == null ? "" : " of user " + user)
                + (client == null ? "" : " from client " + client);
    }

    /** What to tell on stderr besides the output: why it was refused, or that it was already gone. */
    private static Optional<String> describe(ActionResult result) {
        return switch (result) {
            case ActionResult.Done done -> Optional.empty();
            case ActionResult.AlreadyGone gone -> Optional.of(gone.detail());
            case ActionResult.Refused refused -> Optional.of(refused.error().describe());
            case ActionResult.Unsupported unsupported -> Optional.of(unsupported.reason());
        };
    }

    /** The CLI's outcome: DONE, ALREADY_GONE, or REFUSED (an unsupported backend is a refusal of kind UNSUPPORTED). */
    static String outcome(ActionResult result) {
        return switch (result) {
            case ActionResult.Done done -> "DONE";
            case ActionResult.AlreadyGone gone -> "ALREADY_GONE";
            case ActionResult.Refused refused -> "REFUSED";
            case ActionResult.Unsupported unsupported -> "REFUSED";
        };
    }

    /** The refusal as {@code kind}, {@code code}, {@code message}, {@code remedy}; null when not refused. */
    private static NetApiError refusal(ActionResult result) {
        return switch (result) {
            case ActionResult.Refused refused -> refused.error();
            case ActionResult.Unsupported unsupported -> new NetApiError(
                    ErrorKind.OTHER, 0, unsupported.reason(), null);
            default -> null;
        };
    }

    private static String errorKind(ActionResult result) {
        return switch (result) {
            case ActionResult.Refused refused -> refused.error().kind().name();
            case ActionResult.Unsupported unsupported -> "UNSUPPORTED";
            default -> null;
        };
    }

    static String output(ActionRecord record, ActionResult result, OutputFormat format) {
        NetApiError error = refusal(result);
        return switch (format) {
            case JSON -> JsonOutput.object(json -> {
                json.writeStringField("action", record.action().name());
                json.writeStringField("server", record.server());
                json.writeObjectFieldStart("target");
                if (record.fileId() != null) {
                    json.writeNumberField("fileId", record.fileId());
                } else {
                    SessionFields.writeString(json, "client", record.client());
                    SessionFields.writeString(json, "user", record.user());
                }
                json.writeEndObject();
                json.writeStringField("outcome", outcome(result));
                if (error == null) {
                    json.writeNullField("error");
                } else {
                    json.writeObjectFieldStart("error");
                    json.writeStringField("kind", errorKind(result));
                    json.writeNumberField("code", error.code());
                    json.writeStringField("message", error.message());
                    SessionFields.writeString(json, "remedy", error.remedy());
                    json.writeEndObject();
                }
            }) + System.lineSeparator();
            case TABLE -> outcome(result) + ": " + sentence(record, result) + System.lineSeparator();
            case CSV -> Csv.row(List.of("action", "server", "fileId", "client", "user", "outcome", "errorKind", "code",
                    "message")) + Csv.row(List.of(record.action().name(), record.server(),
                    record.fileId() == null ? "" : Long.toString(record.fileId()), nullToEmpty(record.client()),
                    nullToEmpty(record.user()), outcome(result), nullToEmpty(errorKind(result)),
                    error == null ? "" : Long.toString(error.code()), error == null ? "" : error.message()));
        };
    }

    private static String sentence(ActionRecord record, ActionResult result) {
        String what = record.fileId() != null ? "file " + record.fileId()
                : sessions(record.client(), record.user());
        return switch (result) {
            case ActionResult.Done done -> (record.fileId() != null ? "closed " : "ended ") + what + " on "
                    + record.server() + ".";
            case ActionResult.AlreadyGone gone -> gone.detail();
            case ActionResult.Refused refused -> refused.error().describe();
            case ActionResult.Unsupported unsupported -> unsupported.reason();
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
