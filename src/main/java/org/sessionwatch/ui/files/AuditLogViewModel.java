package org.sessionwatch.ui.files;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.audit.ActionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log viewer: the most recent actions of {@code actions.log}, newest first, read off the FX thread. A line
 * that is not a record (cut short by a crash, edited by hand) is reported by number and left out; the rest shows.
 */
public final class AuditLogViewModel {
    /** More than a helpdesk scrolls through; the file itself keeps everything. */
    static final int MOST_RECENT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One line of the viewer's table. */
    public record Entry(String time, String actor, String action, String server, String target, String outcome,
                        String detail) {
    }

    private final ActionLog log;
    private final Executor io;
    private final Consumer<Runnable> fxThread;
    private final ZoneId zone;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Reading the audit log…");

    public AuditLogViewModel(ActionLog log, Executor io, Consumer<Runnable> fxThread, ZoneId zone) {
        this.log = log;
        this.io = io;
        this.fxThread = fxThread;
        this.zone = zone;
    }

    /** Reads the log again. */
    public void load() {
        io.execute(() -> {
            try {
                ActionLog.Contents contents = log.readRecent(MOST_RECENT);
                List<ActionRecord> records = new ArrayList<>(contents.records());
                Collections.reverse(records);
                List<Entry> recent = records.stream().map(this::entry).toList();
                String text = describe(contents);
                fxThread.accept(() -> {
                    entries.setAll(recent);
                    status.set(text);
                });
            } catch (IOException | RuntimeException e) {
                LOG.error("Cannot read the audit log {}", log.file(), e);
                fxThread.accept(() -> status.set("Cannot read " + log.file() + ": " + e.getMessage()
                        + ". Check that the file is readable by your account."));
            }
        });
    }

    private String describe(ActionLog.Contents contents) {
        int shown = contents.records().size();
        String where = log.file().toString();
        String count = shown == 0 ? "No actions recorded yet in " + where + "."
                : shown == MOST_RECENT ? "The " + String.format("%,d", shown) + " most recent actions in " + where
                + " (the file keeps them all)."
                : shown + (shown == 1 ? " action" : " actions") + " in " + where + ".";
        List<Integer> bad = contents.unreadableLines();
        if (bad.isEmpty()) {
            return count;
        }
        String lines = bad.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                + (bad.size() > 10 ? " and " + (bad.size() - 10) + " more" : "");
        return count + " Line" + (bad.size() == 1 ? " " : "s ") + lines + (bad.size() == 1 ? " is" : " are")
                + " not a readable record (cut short or edited) and " + (bad.size() == 1 ? "is" : "are")
                + " left out.";
    }

    private Entry entry(ActionRecord r) {
        String action = r.action() == ActionRecord.Action.CLOSE_FILE ? "Close file" : "End session";
        String target = r.action() == ActionRecord.Action.CLOSE_FILE
                ? (r.path() == null ? "file id " + r.fileId() : r.path() + " (id " + r.fileId() + ")")
                + (r.user() == null ? "" : ", " + r.user())
                : join(r.user(), r.client());
        String outcome = switch (r.outcome()) {
            case DONE -> "Done";
            case ALREADY_GONE -> "Already gone";
            case REFUSED -> "Refused" + (r.errorKind() == null ? "" : " (" + r.errorKind().title() + ")");
            case UNSUPPORTED -> "Not possible";
        };
        return new Entry(TIME.format(r.at().atZone(zone)), r.actor(), action + (r.demo() ? " (demo)" : ""),
                r.server(), target, outcome, r.detail() == null ? "" : r.detail());
    }

    private static String join(String user, String client) {
        if (user == null) {
            return "client " + client;
        }
        return client == null ? user + " (any client)" : user + " from " + client;
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    /** How many actions are shown, and which lines could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
