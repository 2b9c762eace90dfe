package org.sessionwatch.ui.settings;

import java.util.Map;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.sessionwatch.team.DatabaseUrl;

/**
 * The settings dialog's source: "this computer polls the servers" or "team collector" with the database URL and,
 * optionally, the database password for the credential store (never the configuration file). Checked as typed.
 */
public final class TeamSourceDraft {
    private final BooleanProperty teamMode = new SimpleBooleanProperty(this, "teamMode");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringBinding urlError;

    public TeamSourceDraft(String teamSource) {
        teamMode.set(teamSource != null);
        url.set(teamSource == null ? "" : teamSource);
        urlError = Bindings.createStringBinding(this::check, teamMode, url);
    }

    private String check() {
        if (!teamMode.get()) {
            return "";
        }
        String text = url.get() == null ? "" : url.get().strip();
        if (text.isEmpty()) {
            return "Enter the team database, e.g. postgresql://db.corp.example/sessionwatch?user=helpdesk1";
        }
        try {
            DatabaseUrl.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return Character.toUpperCase(message.charAt(0)) + message.substring(1);
        }
    }

    /** The configuration's {@code teamSource}: null when this computer polls. Call only when valid. */
    String teamSource() {
        return teamMode.get() ? DatabaseUrl.parse(url.get().strip()).toUrlText() : null;
    }

    /** The typed database password under its credential key, if one was typed in team mode. */
    Optional<Map.Entry<String, char[]>> passwordToStore() {
        String typed = password.get();
        if (!teamMode.get() || typed == null || typed.isEmpty() || !urlError.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(DatabaseUrl.parse(url.get().strip()).credentialKey(), typed.toCharArray()));
    }

    public boolean isValid() {
        return urlError.get().isEmpty();
    }

    public BooleanProperty teamModeProperty() {
        return teamMode;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Why the URL cannot be used, or empty. */
    public StringBinding urlErrorProperty() {
        return urlError;
    }
}
