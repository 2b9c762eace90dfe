package org.sessionwatch.ui.files;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.netapi.Capabilities;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.ui.sessions.SessionRow;

/**
 * The open files of the selected session, for the details pane: listed off the FX thread when a session is selected
 * ({@code NetFileEnum} with the session's user as filter) and again after each poll while shown. A server reports
 * files by user, not by client; when that user has several sessions on the server, the pane says the list is theirs
 * together. Every outcome is a state with a sentence: loading, none, the files, cannot list (capabilities), or the
 * error with its remedy.
 *
 * <p>Call every method on the FX thread.
 */
public final class SessionFilesViewModel {

    /** What the pane shows. */
    public enum State { NO_SESSION, LOADING, FILES, NONE, NO_USER, UNSUPPORTED, FAILED }

    private final Supplier<ServerActions> actions;
    private final SessionDirectory directory;
    private final Consumer<Runnable> fxThread;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_SESSION);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<FileRow> files = FXCollections.observableArrayList();
    private final ObservableList<FileRow> readOnlyFiles = FXCollections.unmodifiableObservableList(files);
    private SessionRow shown;
    private long request;

    public SessionFilesViewModel(ObservableValue<SessionRow> selected, Supplier<ServerActions> actions,
                                 SessionDirectory directory, Consumer<Runnable> fxThread) {
        this.actions = actions;
        this.directory = directory;
        this.fxThread = fxThread;
        selected.subscribe(row -> {
            if (row != shown) {
                shown = row;
                load(true);
            }
        });
    }

    /** Lists the shown session's files again (after a poll, after an action) without blanking the list meanwhile. */
    public void refresh() {
        if (shown != null && state.get() != State.LOADING) {
            load(false);
        }
    }

    private void load(boolean fresh) {
        long number = ++request;
        SessionRow row = shown;
        if (row == null) {
            show(State.NO_SESSION, "", List.of());
            return;
        }
        String server = row.server();
        String user = row.user();
        if (user.isEmpty()) {
            show(State.NO_USER, "This session has no user name; servers list open files by user, so its files"
                    + " cannot be told apart.", List.of());
            return;
        }
        ServerActions current = actions.get();
        Capabilities capabilities = current.capabilities(server);
        if (!capabilities.supports(Capability.LIST_OPEN_FILES)) {
            show(State.UNSUPPORTED, "This server cannot list open files: "
                    + capabilities.whyNot(Capability.LIST_OPEN_FILES), List.of());
            return;
        }
        if (fresh) {
            show(State.LOADING, "Asking " + server + " for the files of " + user + "…", List.of());
        }
        OpenFilesRequest ask = new OpenFilesRequest(server, FileInfoLevel.LEVEL_3, null, user,
                NetApiStatus.MAX_PREFERRED_LENGTH);
        current.listOpenFiles(ask).thenAccept(result -> {
            List<FileRow> rows = result instanceof OpenFilesResult.Success ok ? rowsOf(ok, user) : List.of();
            fxThread.accept(() -> {
                if (number == request) {
                    answered(row, result, rows);
                }
            });
        });
    }

    /** The user's files (the server may ignore the user filter, as Samba does with the base path), off the FX thread. */
    private List<FileRow> rowsOf(OpenFilesResult.Success ok, String user) {
        String client = directory.onlyClient(ok.server(), user);
        return ok.files().stream()
                .filter(f -> f.userName().map(u -> sameUser(u, user)).orElse(true))
                .map(f -> new FileRow(f, client, false)).toList();
    }

    /** "alice" matches "alice" and "CORP\alice" (servers differ in whether they report the domain). */
    private static boolean sameUser(String reported, String user) {
        String bare = reported.substring(reported.lastIndexOf('\\') + 1);
        return reported.equalsIgnoreCase(user) || bare.equalsIgnoreCase(user);
    }

    private void answered(SessionRow row, OpenFilesResult result, List<FileRow> rows) {
        switch (result) {
            case OpenFilesResult.Success ok -> {
                String others = together(row);
                if (rows.isEmpty()) {
                    show(State.NONE, row.user() + " has no files open on " + row.server() + "." + others, rows);
                } else {
                    boolean idsOnly = ok.level() == FileInfoLevel.LEVEL_2;
                    show(State.FILES, count(rows.size()) + " open on " + row.server() + "." + others
                            + (idsOnly ? " The server answered at level 2: ids only, no paths or users." : ""),
                            rows);
                }
            }
            case OpenFilesResult.Failure failure -> show(State.FAILED, "Cannot list the open files: "
                    + failure.error().message() + failure.error().remedyText().map(r -> " What to do: " + r)
                    .orElse(""), List.of());
            case OpenFilesResult.Unsupported unsupported -> show(State.UNSUPPORTED,
                    "This server cannot list open files: " + unsupported.reason(), List.of());
        }
    }

    private String together(SessionRow row) {
        List<String> clients = directory.clients(row.server(), row.user());
        return clients.size() > 1 ? " " + row.user() + " has " + clients.size() + " sessions on " + row.server()
                + " (" + String.join(", ", clients) + "); the server lists files by user, so these are the files of"
                + " all of them." : "";
    }

    private static String count(int n) {
        return n == 1 ? "1 file" : n + " files";
    }

    private void show(State newState, String text, List<FileRow> rows) {
        files.setAll(rows);
        message.set(Objects.requireNonNull(text));
        state.set(newState);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<FileRow> files() {
        return readOnlyFiles;
    }

    /** The session whose files are shown, or null. */
    public SessionRow session() {
        return shown;
    }
}
