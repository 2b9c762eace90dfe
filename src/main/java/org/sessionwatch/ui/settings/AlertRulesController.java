package org.sessionwatch.ui.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.config.AlertEvent;

/**
 * The settings dialog's Alerts tab: the rule list (add, duplicate, delete), the selected rule's form with the
 * configuration reader's message under each field, the sound setting and "Test against current sessions". The form
 * shows only the fields the chosen event takes.
 */
public final class AlertRulesController {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** Field → label, in form order. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("name", "Name");
        LABELS.put("event", "When");
        LABELS.put("server", "Server");
        LABELS.put("user", "User");
        LABELS.put("client", "Client");
        LABELS.put("guest", "Guest session");
        LABELS.put("unencrypted", "Unencrypted");
        LABELS.put("forMinutes", "For (minutes)");
        LABELS.put("count", "More than (sessions)");
        LABELS.put("idleMinutes", "Idle (minutes)");
        LABELS.put("minOpens", "Open files at least");
        LABELS.put("pathGlob", "File path");
        LABELS.put("cooldownMinutes", "Quiet for (minutes)");
        LABELS.put("enabled", "");
    }

    private static final Map<String, String> PROMPTS = Map.of("server", "any; globs: FS-HQ-*", "user",
            "any; e.g. alice or adm-*", "client", "any; name or address", "forMinutes", "0: at once",
            "minOpens", "1", "pathGlob", "e.g. *\\Finance\\*.xlsx");

    private final AlertRulesViewModel viewModel;
    private final RuleTester tester;
    private final Consumer<Runnable> fxThread;

    @FXML private ListView<RuleDraft> ruleList;
    @FXML private Button duplicateRuleButton;
    @FXML private Button deleteRuleButton;
    @FXML private GridPane ruleForm;
    @FXML private Label noRule;
    @FXML private Button testRuleButton;
    @FXML private Label testResult;
    @FXML private CheckBox soundBox;

    /** @param fxThread where the test's answer is applied ({@code Platform::runLater}) */
    public AlertRulesController(AlertRulesViewModel viewModel, RuleTester tester, Consumer<Runnable> fxThread) {
        this.viewModel = viewModel;
        this.tester = tester;
        this.fxThread = fxThread;
    }

    @FXML
    private void initialize() {
        ruleList.setItems(viewModel.rules());
        ruleList.setCellFactory(list -> new RuleCell());
        ruleList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().subscribe(draft -> {
            ruleList.getSelectionModel().select(draft);
            showForm(draft);
        });
        var none = viewModel.selectedProperty().isNull();
        duplicateRuleButton.disableProperty().bind(none);
        deleteRuleButton.disableProperty().bind(none);
        testRuleButton.disableProperty().bind(none.or(viewModel.testingProperty()));
        testResult.textProperty().bind(viewModel.testResultProperty());
        soundBox.selectedProperty().bindBidirectional(viewModel.soundProperty());
    }

    /** Builds the form for {@code draft}: one row per field, its message below it. */
    private void showForm(RuleDraft draft) {
        ruleForm.getChildren().clear();
        ruleForm.setVisible(draft != null);
        ruleForm.setManaged(draft != null);
        noRule.setVisible(draft == null);
        noRule.setManaged(draft == null);
        if (draft == null) {
            return;
        }
        int row = 0;
        for (Map.Entry<String, String> field : LABELS.entrySet()) {
            String name = field.getKey();
            Node input = input(draft, name);
            input.setId(name + "Field");
            Label label = new Label(field.getValue());
            Label error = new Label();
            error.setId(name + "Error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setMinHeight(Label.USE_PREF_SIZE);
            var message = draft.errorProperty(name);
            error.textProperty().bind(message);
            BooleanBinding applies = Bindings.createBooleanBinding(() -> draft.applies(name), draft.eventProperty());
            for (Node node : new Node[] {label, input}) {
                node.visibleProperty().bind(applies);
                node.managedProperty().bind(applies);
            }
            error.visibleProperty().bind(applies.and(message.isNotEmpty()));
            error.managedProperty().bind(error.visibleProperty());
            message.subscribe(text -> input.pseudoClassStateChanged(INVALID, !text.isEmpty()));
            ruleForm.addRow(row++, label, input);
            ruleForm.add(error, 1, row++);
        }
    }

    private static Node input(RuleDraft draft, String field) {
        return switch (field) {
            case "event" -> {
                ComboBox<AlertEvent> box = new ComboBox<>();
                box.getItems().setAll(AlertEvent.values());
                box.setConverter(converter(box.getItems(), event -> event == null ? "" : event.name() + "  (" + event.title() + ")"));
                box.setMaxWidth(Double.MAX_VALUE);
                box.valueProperty().bindBidirectional(draft.eventProperty());
                yield box;
            }
            case "guest", "unencrypted" -> {
                ComboBox<Boolean> box = new ComboBox<>();
                box.getItems().setAll(null, true, false);
                box.setConverter(converter(box.getItems(), flag -> flag == null ? "either" : flag ? "yes" : "no"));
                box.valueProperty().bindBidirectional(draft.flagProperty(field));
                yield box;
            }
            case "enabled" -> {
                CheckBox box = new CheckBox("Rule _enabled");
                box.selectedProperty().bindBidirectional(draft.enabledProperty());
                yield box;
            }
            default -> {
                TextField text = new TextField();
                text.setPromptText(PROMPTS.getOrDefault(field, ""));
                text.textProperty().bindBidirectional(draft.textProperty(field));
                yield text;
            }
        };
    }

    /** Shows each of {@code items} as {@code text} says; reading a text back gives the item shown that way. */
    private static <T> StringConverter<T> converter(java.util.List<T> items,
                                                    java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                // A loop, not a stream: an item may be null ("either"), which findFirst() refuses.
                for (T item : items) {
                    if (text.apply(item).equals(string)) {
                        return item;
                    }
                }
                return null;
            }
        };
    }

    @FXML
    private void addRule() {
        viewModel.add();
        ruleForm.lookupAll("#nameField").stream().findFirst().ifPresent(Node::requestFocus);
    }

    @FXML
    private void duplicateRule() {
        viewModel.duplicateSelected();
    }

    @FXML
    private void deleteRule() {
        viewModel.deleteSelected();
    }

    @FXML
    private void testRule() {
        viewModel.testSelected(tester, fxThread);
    }

    private static final class RuleCell extends ListCell<RuleDraft> {
        private final FontIcon icon = new FontIcon();

        @Override
        protected void updateItem(RuleDraft item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.displayName() + (item.enabledProperty().get() ? "" : "  (off)"));
            boolean valid = !item.hasErrors();
            icon.setIconLiteral(valid ? "mdmz-notifications_none" : "mdal-error_outline");
            icon.getStyleClass().setAll("ikonli-font-icon", valid ? "severity-neutral" : "severity-danger");
            setGraphic(icon);
        }
    }
}
