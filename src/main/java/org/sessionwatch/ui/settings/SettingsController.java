package org.sessionwatch.ui.settings;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.Property;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.config.Backend;

/** Binds the settings dialog to its {@link SettingsViewModel}; the form follows the selected server. */
public final class SettingsController {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final SettingsViewModel viewModel;
    private final ServerListReader reader;
    private final Executor io;
    private final String credentialStoreName;
    private final ConnectionCheck connectionCheck;
    private final InvalidationListener edited;
    private ServerDraft bound;

    @FXML private ListView<ServerDraft> serverList;
    @FXML private Button removeButton;
    @FXML private Label duplicateError;
    @FXML private GridPane form;
    @FXML private Label noServer;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private ComboBox<Backend> backendBox;
    @FXML private Label backendHint;
    @FXML private TextField portField;
    @FXML private Label portError;
    @FXML private TextField usernameField;
    @FXML private TextField domainField;
    @FXML private PasswordField passwordField;
    @FXML private Label credentialsError;
    @FXML private CheckBox signingBox;
    @FXML private CheckBox enabledBox;
    @FXML private Button testButton;
    @FXML private Label testOutcome;
    @FXML private Label importReport;
    @FXML private TextField intervalField;
    @FXML private Label intervalError;
    @FXML private CheckBox hideOwnBox;
    @FXML private CheckBox hideComputersBox;
    @FXML private CheckBox hideAnonymousBox;
    @FXML private CheckBox readOnlyBox;
    @FXML private CheckBox recordHistoryBox;
    @FXML private Label credentialStoreInfo;
    @FXML private javafx.scene.control.RadioButton localSourceButton;
    @FXML private javafx.scene.control.RadioButton teamSourceButton;
    @FXML private javafx.scene.layout.GridPane teamSourceForm;
    @FXML private TextField teamUrlField;
    @FXML private Label teamUrlError;
    @FXML private javafx.scene.control.PasswordField teamPasswordField;

    public SettingsController(SettingsViewModel viewModel, ServerListReader reader, Executor io,
                              String credentialStoreName, ConnectionCheck connectionCheck) {
        this.viewModel = viewModel;
        this.reader = reader;
        this.io = io;
        this.credentialStoreName = credentialStoreName;
        this.connectionCheck = connectionCheck;
        // A test outcome describes the server as it was tested: any edit makes it stale.
        this.edited = observable -> connectionCheck.clear();
    }

    @FXML
    private void initialize() {
        serverList.setItems(viewModel.servers());
        serverList.setCellFactory(list -> new ServerCell());
        serverList.getSelectionModel().select(viewModel.selectedProperty().get());
        serverList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().subscribe(draft -> {
            serverList.getSelectionModel().select(draft);
            bind(draft);
        });
        removeButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        testButton.disableProperty().bind(connectionCheck.runningProperty());
        testOutcome.textProperty().bind(connectionCheck.messageProperty());
        testOutcome.visibleProperty().bind(connectionCheck.messageProperty().isNotEmpty());
        testOutcome.managedProperty().bind(testOutcome.visibleProperty());
        connectionCheck.outcomeProperty().subscribe(outcome -> testOutcome.getStyleClass().setAll("connection-test",
                "connection-test-" + outcome.name().toLowerCase(Locale.ROOT)));
        showError(duplicateError, viewModel.duplicateErrorProperty(), null);
        backendBox.getItems().setAll(Backend.values());
        backendBox.valueProperty().subscribe(this::describeBackend);

        intervalField.textProperty().bindBidirectional(viewModel.pollIntervalSecondsProperty());
        showError(intervalError, viewModel.intervalErrorProperty(), intervalField);
        hideOwnBox.selectedProperty().bindBidirectional(viewModel.hideOwnSessionProperty());
        hideComputersBox.selectedProperty().bindBidirectional(viewModel.hideComputerAccountsProperty());
        hideAnonymousBox.selectedProperty().bindBidirectional(viewModel.hideAnonymousProperty());
        readOnlyBox.selectedProperty().bindBidirectional(viewModel.readOnlyProperty());
        recordHistoryBox.selectedProperty().bindBidirectional(viewModel.recordHistoryProperty());
        importReport.textProperty().bind(viewModel.importReportProperty());
        bindTeamSource(viewModel.teamSource());
        credentialStoreInfo.setText("Passwords are kept in " + credentialStoreName
                + ", never in the configuration file.");
        passwordField.setPromptText("empty keeps the stored password");
        // Start where the user will type: the name of a new server, otherwise the server list.
        Platform.runLater(() -> {
            ServerDraft draft = viewModel.selectedProperty().get();
            if (draft != null && draft.nameProperty().get().isBlank()) {
                nameField.requestFocus();
            } else {
                serverList.requestFocus();
            }
        });
    }

    private void bindTeamSource(TeamSourceDraft team) {
        javafx.scene.control.ToggleGroup source = new javafx.scene.control.ToggleGroup();
        localSourceButton.setToggleGroup(source);
        teamSourceButton.setToggleGroup(source);
        source.selectToggle(team.teamModeProperty().get() ? teamSourceButton : localSourceButton);
        teamSourceButton.selectedProperty().bindBidirectional(team.teamModeProperty());
        teamSourceForm.disableProperty().bind(team.teamModeProperty().not());
        teamUrlField.textProperty().bindBidirectional(team.urlProperty());
        teamPasswordField.textProperty().bindBidirectional(team.passwordProperty());
        showError(teamUrlError, team.urlErrorProperty(), teamUrlField);
    }

    /** Moves the form's bidirectional bindings from the previous server to {@code draft}. */
    private void bind(ServerDraft draft) {
        if (bound != null) {
            nameField.textProperty().unbindBidirectional(bound.nameProperty());
            backendBox.valueProperty().unbindBidirectional(bound.backendProperty());
            portField.textProperty().unbindBidirectional(bound.portProperty());
            usernameField.textProperty().unbindBidirectional(bound.usernameProperty());
            domainField.textProperty().unbindBidirectional(bound.domainProperty());
            passwordField.textProperty().unbindBidirectional(bound.passwordProperty());
            signingBox.selectedProperty().unbindBidirectional(bound.requireSigningProperty());
            enabledBox.selectedProperty().unbindBidirectional(bound.enabledProperty());
            testedFields(bound).forEach(field -> field.removeListener(edited));
        }
        connectionCheck.clear();
        bound = draft;
        form.setVisible(draft != null);
        form.setManaged(draft != null);
        noServer.setVisible(draft == null);
        noServer.setManaged(draft == null);
        if (draft == null) {
            return;
        }
        bindBoth(nameField.textProperty(), draft.nameProperty());
        bindBoth(backendBox.valueProperty(), draft.backendProperty());
        bindBoth(portField.textProperty(), draft.portProperty());
        bindBoth(usernameField.textProperty(), draft.usernameProperty());
        bindBoth(domainField.textProperty(), draft.domainProperty());
        bindBoth(passwordField.textProperty(), draft.passwordProperty());
        bindBoth(signingBox.selectedProperty(), draft.requireSigningProperty());
        bindBoth(enabledBox.selectedProperty(), draft.enabledProperty());
        showError(nameError, draft.nameErrorProperty(), nameField);
        showError(portError, draft.portErrorProperty(), portField);
        showError(credentialsError, draft.credentialsErrorProperty(), usernameField);
        testedFields(draft).forEach(field -> field.addListener(edited));
    }

    private static List<Observable> testedFields(ServerDraft draft) {
        return List.of(draft.nameProperty(), draft.backendProperty(), draft.portProperty(),
                draft.usernameProperty(), draft.domainProperty(), draft.passwordProperty(),
                draft.requireSigningProperty());
    }

    @FXML
    private void testConnection() {
        if (bound != null) {
            connectionCheck.start(bound);
        }
    }

    private static <T> void bindBoth(Property<T> control, Property<T> model) {
        control.setValue(model.getValue());
        control.bindBidirectional(model);
    }

    private static void showError(Label label, StringBinding error, Node field) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(error.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        if (field != null) {
            error.subscribe(text -> field.pseudoClassStateChanged(INVALID, !text.isEmpty()));
        }
    }

    private void describeBackend(Backend backend) {
        backendHint.setText(backend == null ? "" : switch (backend) {
            case AUTO -> "Windows API on Windows for port 445 (as the account below, if any); SMB (srvsvc) otherwise.";
            case WINDOWS -> "NetSessionEnum from netapi32.dll as you, or as the account below (Windows only).";
            case SRVSVC -> "NetrSessionEnum over SMB 2/3 from any operating system.";
            case DEMO -> "Simulated sessions, for trying SessionWatch.";
        });
    }

    @FXML
    private void addServer() {
        viewModel.addServer();
        nameField.requestFocus();
    }

    @FXML
    private void removeServer() {
        viewModel.removeSelected();
    }

    /** Reads the chosen file on the I/O executor; the result is applied on the FX thread. */
    @FXML
    private void importList() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import servers: a text file with one name per line");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text files", "*.txt", "*.csv", "*.lst"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(serverList.getScene().getWindow());
        if (file != null) {
            importFrom(file.toPath());
        }
    }

    void importFrom(Path file) {
        viewModel.importFailed("Reading " + file.getFileName() + "…");
        io.execute(() -> {
            try {
                ServerListReader.Outcome outcome = reader.read(file);
                Platform.runLater(() -> viewModel.importServers(file.getFileName().toString(), outcome.servers(),
                        outcome.badLines()));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> viewModel.importFailed("Cannot import " + file + ": " + e.getMessage()));
            }
        });
    }

    private static final class ServerCell extends ListCell<ServerDraft> {
        private final FontIcon icon = new FontIcon();

        @Override
        protected void updateItem(ServerDraft item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.displayName() + (item.enabledProperty().get() ? "" : "  (disabled)"));
            boolean valid = item.isValid();
            icon.setIconLiteral(valid ? "mdal-dns" : "mdal-error_outline");
            icon.getStyleClass().setAll("ikonli-font-icon", valid ? "severity-neutral" : "severity-danger");
            setGraphic(icon);
        }
    }
}
