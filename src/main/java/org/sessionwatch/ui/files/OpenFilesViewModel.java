package org.sessionwatch.ui.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.polling.ServerActions;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.sessions.FilterModel;
import org.sessionwatch.ui.sessions.FilterableRow;

/**
 * The "Open files" view across every watched server: each refresh lists every server's open files at once (each
 * bounded by its server's deadline) and shows each server as soon as it answers. A server that fails keeps its last
 * known files, marked stale; one whose backend cannot list files is said to be so. Filtering (chips and the path
 * search) runs on a background executor over immutable rows; the FX thread only swaps the visible list.
 *
 * <p>Call every method on the FX thread.
 */
public final class OpenFilesViewModel {
    private final Supplier<ServerActions> actions;
    private final SessionDirectory directory;
    private final TaskExecutor background;
    private final Consumer<Runnable> fxThread;
    private final FilterModel filters = new FilterModel();
    private final ObservableList<FileRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FileRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<ServerFiles> servers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyIntegerWrapper listings = new ReadOnlyIntegerWrapper(this, "listings");
    /** Each server's rows in configuration order (its last known ones while it fails). */
    private final Map<String, List<FileRow>> byServer = new LinkedHashMap<>();
    private long refreshNumber;
    private int pending;
    private long filterNumber;

    /**
     * @param actions    the current source's actions
     * @param directory  the clients of each user's sessions
     * @param background where the rows are filtered
     * @param fxThread   runs results on the FX thread
     */
    public OpenFilesViewModel(Supplier<ServerActions> actions, SessionDirectory directory, TaskExecutor background,
                              Consumer<Runnable> fxThread) {
        this.actions = actions;
        this.directory = directory;
        this.background = background;
        this.fxThread = fxThread;
        filters.predicateProperty().addListener((obs, old, predicate) -> refilter(predicate));
    }

    /** Lists every server's open files again; a refresh still under way is superseded. */
    public void refresh() {
        ServerActions current = actions.get();
        long number = ++refreshNumber;
        List<String> names = current.servers();
        byServer.keySet().retainAll(names);
        servers.setAll(names.stream().map(s -> new ServerFiles(s, ServerFiles.State.LOADING,
                byServer.getOrDefault(s, List.of()).size(), "", "")).toList());
        pending = names.size();
        loading.set(pending > 0);
        if (pending == 0) {
            rebuild();
        }
        for (String server : names) {
            if (!current.capabilities(server).supports(Capability.LIST_OPEN_FILES)) {
                answered(number, new OpenFilesResult.Unsupported(server,
                        current.capabilities(server).whyNot(Capability.LIST_OPEN_FILES)));
                continue;
            }
            current.listOpenFiles(OpenFilesRequest.of(server)).thenAccept(result -> {
                List<FileRow> listed = result instanceof OpenFilesResult.Success ok ? rowsOf(ok) : null;
                fxThread.accept(() -> answered(number, result, listed));
            });
        }
    }

    private void answered(long number, OpenFilesResult result) {
        answered(number, result, null);
    }

    /** Builds the rows off the FX thread: the client of each file's user comes from the session list. */
    private List<FileRow> rowsOf(OpenFilesResult.Success ok) {
        List<FileRow> out = new ArrayList<>(ok.files().size());
        for (OpenFile file : ok.files()) {
            out.add(new FileRow(file, directory.onlyClient(file.server(), file.userName().orElse(null)), false));
        }
        return out;
    }

    private void answered(long number, OpenFilesResult result, List<FileRow> listed) {
        if (number != refreshNumber) {
            return; // a newer refresh asks again
        }
        String server = result.server();
        ServerFiles status = switch (result) {
            case OpenFilesResult.Success ok -> {
                byServer.put(server, listed);
                yield new ServerFiles(server, ServerFiles.State.OK, listed.size(), "", "");
            }
            case OpenFilesResult.Failure failure -> {
                List<FileRow> last = byServer.getOrDefault(server, List.of()).stream()
                        .map(r -> r.withStale(true)).toList();
                byServer.put(server, last);
                String code = failure.error().code() == 0 ? "" : " (code " + failure.error().codeText() + ")";
                yield new ServerFiles(server, ServerFiles.State.FAILED, last.size(),
                        failure.error().message() + code, failure.error().remedyText().orElse(""));
            }
            case OpenFilesResult.Unsupported unsupported -> {
                byServer.remove(server);
                yield new ServerFiles(server, ServerFiles.State.UNSUPPORTED, 0, unsupported.reason(), "");
            }
        };
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).server().equals(server)) {
                servers.set(i, status);
            }
        }
        pending--;
        loading.set(pending > 0);
        rebuild();
        if (pending == 0) {
            listings.set(listings.get() + 1);
        }
    }

    private void rebuild() {
        refilter(filters.getPredicate());
    }

    /** "Showing 12 of 3,758 open files on 6 servers · 2 not listed (see below)"; FX thread. */
    private void summarise() {
        long total = byServer.values().stream().mapToLong(List::size).sum();
        long answering = servers.stream().filter(s -> s.state() == ServerFiles.State.OK).count();
        long problems = servers.stream().filter(s -> s.state() == ServerFiles.State.FAILED
                || s.state() == ServerFiles.State.UNSUPPORTED).count();
        String files = String.format("%,d", total) + (total == 1 ? " open file" : " open files");
        summary.set((rows.size() == total ? "" : "Showing " + String.format("%,d", rows.size()) + " of ") + files
                + " on " + answering + (answering == 1 ? " server" : " servers")
                + (problems == 0 ? "" : " · " + problems + " not listed (see below)")
                + (loading.get() ? " · still asking " + pending : ""));
    }

    private void refilter(Predicate<FilterableRow> predicate) {
        List<FileRow> all = byServer.values().stream().flatMap(List::stream).toList();
        long number = ++filterNumber;
        background.execute(() -> {
            List<FileRow> shown = predicate == FilterModel.ALL ? all : all.stream().filter(predicate).toList();
            fxThread.accept(() -> {
                if (number == filterNumber) {
                    rows.setAll(shown);
                    summarise();
                }
            });
        });
    }

    /** The rows the filters and the path search let through, in server order. */
    public ObservableList<FileRow> rows() {
        return readOnlyRows;
    }

    /** One entry per watched server: how its last listing went. */
    public ObservableList<ServerFiles> servers() {
        return servers;
    }

    /** The chips and the path search ({@code quickSearchProperty}). */
    public FilterModel filters() {
        return filters;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Showing 12 of 3,758 open files on 6 servers · 2 not listed (see below)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Counts completed refreshes (every server answered). */
    public ReadOnlyIntegerProperty listingsProperty() {
        return listings.getReadOnlyProperty();
    }
}
