package org.sessionwatch.ui.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;

/**
 * One alert rule as edited in the settings dialog: every field as the user typed it, and the configuration reader's
 * message for the field at fault ({@link AlertRulesViewModel} checks the whole list with
 * {@link org.sessionwatch.config.AlertRuleForm}). Fields the chosen event does not take keep their text but are not
 * part of the rule, so switching the event back and forth loses nothing.
 */
public final class RuleDraft {
    /** The text fields, in form order. */
    public static final List<String> TEXT_FIELDS = List.of("name", "server", "user", "client", "forMinutes", "count",
            "idleMinutes", "minOpens", "pathGlob", "cooldownMinutes");
    /** The yes/no/either matchers. */
    public static final List<String> FLAG_FIELDS = List.of("guest", "unencrypted");

    private final Map<String, StringProperty> texts = new LinkedHashMap<>();
    private final Map<String, ObjectProperty<Boolean>> flags = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ObjectProperty<AlertEvent> event = new SimpleObjectProperty<>(this, "event");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);

    public RuleDraft(AlertEvent initialEvent) {
        TEXT_FIELDS.forEach(field -> texts.put(field, new SimpleStringProperty(this, field, "")));
        FLAG_FIELDS.forEach(field -> flags.put(field, new SimpleObjectProperty<>(this, field)));
        for (String field : fields()) {
            errors.put(field, new ReadOnlyStringWrapper(this, field + "Error", ""));
        }
        event.set(initialEvent);
        texts.get("cooldownMinutes").set(Integer.toString(AlertRule.DEFAULT_COOLDOWN_MINUTES));
    }

    public static RuleDraft of(AlertRule rule) {
        RuleDraft draft = new RuleDraft(rule.event());
        draft.texts.get("name").set(rule.name());
        draft.texts.get("server").set(orEmpty(rule.server()));
        draft.texts.get("user").set(orEmpty(rule.user()));
        draft.texts.get("client").set(orEmpty(rule.client()));
        draft.texts.get("forMinutes").set(orEmpty(rule.forMinutes()));
        draft.texts.get("count").set(orEmpty(rule.count()));
        draft.texts.get("idleMinutes").set(orEmpty(rule.idleMinutes()));
        draft.texts.get("minOpens").set(orEmpty(rule.minOpens()));
        draft.texts.get("pathGlob").set(orEmpty(rule.pathGlob()));
        draft.texts.get("cooldownMinutes").set(Integer.toString(rule.cooldownMinutes()));
        draft.flags.get("guest").set(rule.guest());
        draft.flags.get("unencrypted").set(rule.unencrypted());
        draft.enabled.set(rule.enabled());
        return draft;
    }

    /** A copy named "{@code name} (copy)", for Duplicate. */
    public RuleDraft copy() {
        RuleDraft copy = new RuleDraft(event.get());
        texts.forEach((field, text) -> copy.texts.get(field).set(text.get()));
        flags.forEach((field, flag) -> copy.flags.get(field).set(flag.get()));
        copy.enabled.set(enabled.get());
        copy.texts.get("name").set(texts.get("name").get().trim() + " (copy)");
        return copy;
    }

    /** Every field that can carry a message, name and event first. */
    public static List<String> fields() {
        List<String> all = new java.util.ArrayList<>(List.of("name", "event"));
        TEXT_FIELDS.stream().filter(f -> !f.equals("name")).forEach(all::add);
        all.addAll(FLAG_FIELDS);
        all.add("enabled");
        return all;
    }

    /** Whether the field is part of the rule for the chosen event (name, event, cooldown and enabled always are). */
    public boolean applies(String field) {
        return switch (field) {
            case "name", "event", "cooldownMinutes", "enabled" -> true;
            default -> event.get() != null && event.get().accepts(field);
        };
    }

    /** The rule as the configuration file would hold it: only the fields that apply to the event. */
    Map<String, Object> form() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", texts.get("name").get());
        form.put("event", event.get() == null ? null : event.get().name());
        texts.forEach((field, text) -> {
            if (!field.equals("name") && applies(field)) {
                form.put(field, text.get());
            }
        });
        flags.forEach((field, flag) -> {
            if (applies(field)) {
                form.put(field, flag.get());
            }
        });
        form.put("enabled", enabled.get());
        return form;
    }

    /** What the list and its checks watch. */
    Observable[] observables() {
        List<Observable> all = new java.util.ArrayList<>(texts.values());
        all.addAll(flags.values());
        all.add(event);
        all.add(enabled);
        all.addAll(errors.values());
        return all.toArray(Observable[]::new);
    }

    void setErrors(Map<String, String> byField) {
        errors.forEach((field, error) -> error.set(byField.getOrDefault(field, "")));
    }

    public boolean hasErrors() {
        return errors.values().stream().anyMatch(e -> !e.get().isEmpty());
    }

    public String displayName() {
        String name = texts.get("name").get().trim();
        return name.isEmpty() ? "(new rule)" : name;
    }

    public StringProperty textProperty(String field) {
        StringProperty text = texts.get(field);
        if (text == null) {
            throw new IllegalArgumentException("No text field " + field);
        }
        return text;
    }

    public ObjectProperty<Boolean> flagProperty(String field) {
        ObjectProperty<Boolean> flag = flags.get(field);
        if (flag == null) {
            throw new IllegalArgumentException("No yes/no field " + field);
        }
        return flag;
    }

    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ObjectProperty<AlertEvent> eventProperty() {
        return event;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
