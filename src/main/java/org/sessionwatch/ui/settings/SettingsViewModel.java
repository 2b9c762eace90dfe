package org.sessionwatch.ui.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.ServerConfig;

/**
 * The settings dialog's state: the server list being edited, the poll interval and the hide options. Nothing is
 * applied until {@link #result()}; invalid input keeps Save disabled and says why next to the field.
 */
public final class SettingsViewModel {
    private final AppConfig original;
    private final ObservableList<ServerDraft> servers = FXCollections.observableArrayList(d -> new Observable[] {
            d.nameProperty(), d.portProperty(), d.nameErrorProperty(), d.portErrorProperty(),
            d.credentialsErrorProperty(), d.enabledProperty()});
    private final ObjectProperty<ServerDraft> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty pollIntervalSeconds = new SimpleStringProperty(this, "pollIntervalSeconds");
    private final BooleanProperty hideOwnSession = new SimpleBooleanProperty(this, "hideOwnSession");
    private final BooleanProperty hideComputerAccounts = new SimpleBooleanProperty(this, "hideComputerAccounts");
    private final BooleanProperty hideAnonymous = new SimpleBooleanProperty(this, "hideAnonymous");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    private final BooleanProperty recordHistory = new SimpleBooleanProperty(this, "recordHistory");
    private final ReadOnlyStringWrapper importReport = new ReadOnlyStringWrapper(this, "importReport", "");
    private final StringBinding intervalError;
    private final StringBinding duplicateError;
    private final BooleanBinding valid;
    private final Set<String> removedCredentialKeys = new HashSet<>();
    private final AlertRulesViewModel alertRules;
    private final TeamSourceDraft teamSource;

    public SettingsViewModel(AppConfig config) {
        this.original = config;
        config.servers().stream().map(ServerDraft::of).forEach(servers::add);
        pollIntervalSeconds.set(Long.toString(config.pollInterval().toSeconds()));
        hideOwnSession.set(config.hideOwnSession());
        hideComputerAccounts.set(config.hideComputerAccounts());
        hideAnonymous.set(config.hideAnonymous());
        alertRules = new AlertRulesViewModel(config);
        teamSource = new TeamSourceDraft(config.teamSource());
        readOnly.set(config.readOnly());
        recordHistory.set(config.recordHistory());
        intervalError = Bindings.createStringBinding(this::checkInterval, pollIntervalSeconds);
        duplicateError = Bindings.createStringBinding(this::checkDuplicates, servers);
        valid = Bindings.createBooleanBinding(() -> intervalError.get().isEmpty() && duplicateError.get().isEmpty()
                && servers.stream().allMatch(ServerDraft::isValid) && alertRules.validProperty().get()
                && teamSource.isValid(), servers, intervalError, duplicateError, alertRules.validProperty(),
                teamSource.urlErrorProperty());
        if (!servers.isEmpty()) {
            selected.set(servers.get(0));
        }
    }

    private String checkInterval() {
        String text = pollIntervalSeconds.get() == null ? "" : pollIntervalSeconds.get().trim();
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return "Invalid poll interval '" + text + "': enter a whole number of seconds";
        }
        try {
            withInterval(Duration.ofSeconds(seconds));
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String checkDuplicates() {
        Set<String> seen = new HashSet<>();
        for (ServerDraft draft : servers) {
            if (!draft.nameErrorProperty().get().isEmpty()) {
                continue;
            }
            String key = draft.displayName().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                return "Server " + draft.displayName() + " is listed twice";
            }
        }
        return "";
    }

    private AppConfig withInterval(Duration interval) {
        return original.toBuilder().servers(List.of()).pollInterval(interval).build();
    }

    /** Adds an empty server and selects it, for the user to type its name. */
    public ServerDraft addServer() {
        ServerDraft draft = new ServerDraft();
        servers.add(draft);
        selected.set(draft);
        return draft;
    }

    public void removeSelected() {
        ServerDraft draft = selected.get();
        if (draft == null) {
            return;
        }
        int index = servers.indexOf(draft);
        servers.remove(draft);
        draft.originalCredentialKey().ifPresent(removedCredentialKeys::add);
        selected.set(servers.isEmpty() ? null : servers.get(Math.min(index, servers.size() - 1)));
    }

    /**
     * Adds imported servers that are not listed yet and reports what was skipped.
     *
     * @param imported  the servers read from the file
     * @param badLines  one message per unusable line, e.g. "line 4: Invalid server name 'a b': …"
     */
    public void importServers(String fileName, List<ServerConfig> imported, List<String> badLines) {
        Set<String> present = new HashSet<>();
        servers.forEach(d -> present.add(d.displayName().toLowerCase(Locale.ROOT)));
        int added = 0;
        int duplicates = 0;
        for (ServerConfig server : imported) {
            if (present.add(server.name().toLowerCase(Locale.ROOT))) {
                servers.add(ServerDraft.of(server));
                added++;
            } else {
                duplicates++;
            }
        }
        StringBuilder report = new StringBuilder("Imported " + added + (added == 1 ? " server" : " servers")
                + " from " + fileName + ".");
        if (duplicates > 0) {
            report.append(' ').append(duplicates).append(" already listed.");
        }
        if (!badLines.isEmpty()) {
            report.append(' ').append(badLines.size()).append(badLines.size() == 1 ? " line was" : " lines were")
                    .append(" skipped:\n").append(String.join("\n", badLines));
        }
        importReport.set(report.toString());
    }

    /** The import failed as a whole (unreadable file). */
    public void importFailed(String message) {
        importReport.set(message);
    }

    /** The new configuration and the password changes, for the caller to save off the FX thread. */
    public SettingsResult result() {
        if (!valid.get()) {
            throw new IllegalStateException("The settings are not valid");
        }
        List<ServerConfig> configs = new ArrayList<>();
        Map<String, char[]> passwords = new LinkedHashMap<>();
        Set<String> delete = new HashSet<>(removedCredentialKeys);
        for (ServerDraft draft : servers) {
            ServerConfig config = draft.toConfig();
            configs.add(config);
            String typed = draft.passwordProperty().get();
            config.credentialKey().ifPresent(key -> {
                if (typed != null && !typed.isEmpty()) {
                    passwords.put(key, typed.toCharArray());
                }
                delete.remove(key);
            });
            // A changed account or server name leaves the old key without a user.
            draft.originalCredentialKey().filter(old -> !config.credentialKey().map(old::equals).orElse(false))
                    .ifPresent(delete::add);
        }
        teamSource.passwordToStore().ifPresent(entry -> passwords.put(entry.getKey(), entry.getValue()));
        delete.removeAll(passwords.keySet());
        // Settings this dialog does not show are kept as they were.
        AppConfig config = original.toBuilder().servers(configs)
                .pollInterval(Duration.ofSeconds(Long.parseLong(pollIntervalSeconds.get().trim())))
                .hideOwnSession(hideOwnSession.get()).hideComputerAccounts(hideComputerAccounts.get())
                .hideAnonymous(hideAnonymous.get()).readOnly(readOnly.get()).recordHistory(recordHistory.get())
                .alerts(alertRules.result()).alertSound(alertRules.soundProperty().get())
                .teamSource(teamSource.teamSource()).build();
        return new SettingsResult(config, passwords, delete);
    }

    /** The Alerts tab: rules and sound. */
    public AlertRulesViewModel alertRules() {
        return alertRules;
    }

    /** Where the window's sessions come from: this computer or a team collector. */
    public TeamSourceDraft teamSource() {
        return teamSource;
    }

    public ObservableList<ServerDraft> servers() {
        return servers;
    }

    public ObjectProperty<ServerDraft> selectedProperty() {
        return selected;
    }

    public StringProperty pollIntervalSecondsProperty() {
        return pollIntervalSeconds;
    }

    public BooleanProperty hideOwnSessionProperty() {
        return hideOwnSession;
    }

    public BooleanProperty hideComputerAccountsProperty() {
        return hideComputerAccounts;
    }

    /** Whether the window records session history (the History tab reads it). */
    public BooleanProperty recordHistoryProperty() {
        return recordHistory;
    }

    public BooleanProperty hideAnonymousProperty() {
        return hideAnonymous;
    }

    /** Read-only mode: no action (close a file, end a session) anywhere in the window. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public StringBinding intervalErrorProperty() {
        return intervalError;
    }

    public StringBinding duplicateErrorProperty() {
        return duplicateError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyStringProperty importReportProperty() {
        return importReport.getReadOnlyProperty();
    }
}
