package org.sessionwatch.ui.settings;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.config.ServerNames;

/**
 * One server as edited in the settings dialog: text the user typed, validated field by field with the messages of
 * {@link ServerNames} and {@link ServerConfig}, turned into a {@link ServerConfig} only when valid.
 */
public final class ServerDraft {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Backend> backend = new SimpleObjectProperty<>(this, "backend", Backend.AUTO);
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final StringProperty port = new SimpleStringProperty(this, "port", Integer.toString(ServerConfig.DEFAULT_SMB_PORT));
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty requireSigning = new SimpleBooleanProperty(this, "requireSigning", true);
    private final StringBinding nameError;
    private final StringBinding portError;
    private final StringBinding credentialsError;
    /** The key the password was stored under when the dialog opened; null for a new server. */
    private final String originalCredentialKey;

    public ServerDraft() {
        this(null);
    }

    private ServerDraft(String originalCredentialKey) {
        this.originalCredentialKey = originalCredentialKey;
        nameError = Bindings.createStringBinding(() -> error(() -> ServerNames.requireValid(name.get())), name);
        portError = Bindings.createStringBinding(this::checkPort, port, backend);
        credentialsError = Bindings.createStringBinding(this::checkCredentials, username, domain, password);
    }

    public static ServerDraft of(ServerConfig config) {
        ServerDraft draft = new ServerDraft(config.credentialKey().orElse(null));
        draft.name.set(config.name());
        draft.backend.set(config.backend());
        draft.enabled.set(config.enabled());
        draft.port.set(Integer.toString(config.port()));
        draft.username.set(config.user().orElse(""));
        draft.domain.set(config.userDomain().orElse(""));
        draft.requireSigning.set(config.requireSigning());
        return draft;
    }

    private String checkPort() {
        String text = port.get() == null ? "" : port.get().trim();
        if (text.isEmpty()) {
            return "Enter a port (445 is the SMB default)";
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return "Invalid port '" + text + "': use a number from 1 to 65535";
        }
        if (backend.get() == Backend.WINDOWS && value != ServerConfig.DEFAULT_SMB_PORT) {
            return "The Windows backend always uses port 445; choose srvsvc or auto for port " + value;
        }
        // Let the record say what it accepts, so the dialog and the configuration file agree.
        return error(() -> ServerConfig.builder("localhost").port(value).build())
                .replace(" for server 'localhost'", "");
    }

    private String checkCredentials() {
        boolean hasUser = !isBlank(username.get());
        if (!hasUser && !isBlank(domain.get())) {
            return "A domain needs a user name";
        }
        if (!hasUser && !isBlank(password.get())) {
            return "A password needs a user name";
        }
        return "";
    }

    private static String error(Runnable check) {
        try {
            check.run();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public boolean isValid() {
        return nameError.get().isEmpty() && portError.get().isEmpty() && credentialsError.get().isEmpty();
    }

    /** The configuration this draft describes. */
    public ServerConfig toConfig() {
        if (!isValid()) {
            throw new IllegalStateException("Server '" + name.get() + "' is not valid: " + firstError().orElse(""));
        }
        return ServerConfig.builder(name.get()).backend(backend.get()).enabled(enabled.get())
                .port(Integer.parseInt(port.get().trim())).username(username.get()).domain(domain.get())
                .requireSigning(requireSigning.get()).build();
    }

    public Optional<String> firstError() {
        for (StringBinding error : new StringBinding[] {nameError, portError, credentialsError}) {
            if (!error.get().isEmpty()) {
                return Optional.of(error.get());
            }
        }
        return Optional.empty();
    }

    Optional<String> originalCredentialKey() {
        return Optional.ofNullable(originalCredentialKey);
    }

    /** The list's text: the name, or a hint for a server still being typed. */
    public String displayName() {
        return isBlank(name.get()) ? "(new server)" : name.get().trim();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Backend> backendProperty() {
        return backend;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    /** Typed in this dialog only; empty keeps the stored password. Never written to the configuration. */
    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty requireSigningProperty() {
        return requireSigning;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding portErrorProperty() {
        return portError;
    }

    public StringBinding credentialsErrorProperty() {
        return credentialsError;
    }
}
