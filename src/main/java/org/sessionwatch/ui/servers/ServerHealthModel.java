package org.sessionwatch.ui.servers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.config.ServerConfig;

/**
 * The servers view model: one row per configured server, in configuration order, updated from the poll results
 * the session tracker consumed. FX thread.
 */
public final class ServerHealthModel {
    private final ObservableList<ServerHealth> servers = FXCollections.observableArrayList();
    private final Map<String, ServerHealth> byName = new HashMap<>();
    private final ReadOnlyIntegerWrapper updates = new ReadOnlyIntegerWrapper(this, "updates");

    public ObservableList<ServerHealth> servers() {
        return servers;
    }

    /**
     * Sets the configured servers, keeping the rows (and their history) of servers that stay. Disabled servers
     * are listed as such so nobody wonders why a server shows no sessions.
     */
    public void configure(List<ServerConfig> configured) {
        Map<String, ServerHealth> previous = new HashMap<>(byName);
        byName.clear();
        List<ServerHealth> next = configured.stream().map(config -> {
            ServerHealth row = previous.getOrDefault(config.name(), new ServerHealth(config.name()));
            byName.put(config.name(), row);
            if (!config.enabled()) {
                row.disabled();
            }
            return row;
        }).toList();
        if (!next.equals(servers)) {
            servers.setAll(next);
        }
    }

    /**
     * Applies the results of some servers (a tracker update's {@code results}); a server the configuration does not
     * list (the demo fleet) is added at the end.
     */
    public void apply(List<ServerPollResult> results) {
        for (ServerPollResult result : results) {
            ServerHealth row = byName.get(result.server());
            if (row == null) {
                row = new ServerHealth(result.server());
                byName.put(result.server(), row);
                servers.add(row);
            }
            switch (result) {
                case ServerPollResult.Ok ok -> row.succeeded(ok.finishedAt(), ok.duration(), ok.sessions().size(),
                        ok.requestedLevel(), ok.level());
                case ServerPollResult.Failed failed -> row.failed(failed.finishedAt(), failed.duration(),
                        failed.error());
            }
        }
        updates.set(updates.get() + 1);
    }

    /** Counts applied results; states and counts may have changed after each. */
    public ReadOnlyIntegerProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    public long okCount() {
        return servers.stream().filter(s -> s.getState() == ServerState.OK).count();
    }

    public long failingCount() {
        return servers.stream().filter(s -> s.getState().isFailure()).count();
    }
}
