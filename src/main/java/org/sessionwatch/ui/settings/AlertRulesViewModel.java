package org.sessionwatch.ui.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.config.AlertRuleForm;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.tracking.TrackedSession;

/**
 * The settings dialog's Alerts tab: the rules being edited, checked on every edit by the configuration reader
 * ({@link AlertRuleForm}: one validator, the file's messages), the sound setting, and "test against current
 * sessions". FX thread.
 */
public final class AlertRulesViewModel {
    /** Sessions named in a test's answer; the rest are counted. */
    private static final int NAMED = 5;

    private final ObservableList<RuleDraft> rules = FXCollections.observableArrayList(RuleDraft::observables);
    private final ObjectProperty<RuleDraft> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty sound = new SimpleBooleanProperty(this, "sound");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private List<AlertRule> checked = List.of();
    private boolean checking;

    public AlertRulesViewModel(AppConfig config) {
        config.alerts().stream().map(RuleDraft::of).forEach(rules::add);
        sound.set(config.alertSound());
        rules.addListener((ListChangeListener<RuleDraft>) change -> check());
        // A test answer describes the rule as it was tested: another rule, or an edit, makes it stale.
        selected.addListener((obs, old, now) -> testResult.set(""));
        check();
        if (!rules.isEmpty()) {
            selected.set(rules.getFirst());
        }
    }

    /** Runs the configuration reader over every rule and puts each problem next to its field. */
    private void check() {
        if (checking) {
            return;
        }
        checking = true;
        try {
            AlertRuleForm.Outcome outcome = AlertRuleForm.read(rules.stream().map(RuleDraft::form).toList());
            Map<Integer, Map<String, String>> byRule = new HashMap<>();
            for (AlertRuleForm.Problem problem : outcome.problems()) {
                byRule.computeIfAbsent(problem.rule(), i -> new HashMap<>()).put(problem.field(), problem.message());
            }
            for (int i = 0; i < rules.size(); i++) {
                rules.get(i).setErrors(byRule.getOrDefault(i, Map.of()));
            }
            checked = outcome.rules();
            valid.set(outcome.valid());
            if (!testing.get()) {
                testResult.set("");
            }
        } finally {
            checking = false;
        }
    }

    public RuleDraft add() {
        RuleDraft draft = new RuleDraft(AlertEvent.SESSION_CONNECTED);
        rules.add(draft);
        selected.set(draft);
        return draft;
    }

    public void duplicateSelected() {
        RuleDraft draft = selected.get();
        if (draft != null) {
            RuleDraft copy = draft.copy();
            rules.add(rules.indexOf(draft) + 1, copy);
            selected.set(copy);
        }
    }

    public void deleteSelected() {
        RuleDraft draft = selected.get();
        if (draft == null) {
            return;
        }
        int index = rules.indexOf(draft);
        rules.remove(draft);
        selected.set(rules.isEmpty() ? null : rules.get(Math.min(index, rules.size() - 1)));
    }

    /** The rules to save; only while {@link #validProperty()} holds. */
    public List<AlertRule> result() {
        if (!valid.get()) {
            throw new IllegalStateException("The alert rules are not valid");
        }
        return checked;
    }

    /**
     * Tests the selected rule against the sessions the window tracks now; the answer arrives through
     * {@code fxThread}.
     */
    public void testSelected(RuleTester tester, Consumer<Runnable> fxThread) {
        RuleDraft draft = selected.get();
        if (draft == null) {
            return;
        }
        AlertRuleForm.Outcome alone = AlertRuleForm.read(List.of(draft.form()));
        if (!alone.valid()) {
            testResult.set("Fix the rule first: " + alone.problems().getFirst().field() + ": "
                    + alone.problems().getFirst().message());
            return;
        }
        AlertRule rule = alone.rules().getFirst();
        testing.set(true);
        testResult.set("Testing against the current sessions…");
        tester.matching(rule).whenComplete((sessions, error) -> fxThread.accept(() -> {
            testing.set(false);
            if (selected.get() != draft) {
                return;
            }
            testResult.set(error != null ? "The test failed: " + error.getMessage() : describe(rule, sessions));
        }));
    }

    static String describe(AlertRule rule, List<TrackedSession> sessions) {
        if (rule.event() == AlertEvent.SERVER_FAILING || rule.event() == AlertEvent.SERVER_RECOVERED) {
            List<String> servers = sessions.stream().map(TrackedSession::server).distinct().sorted().toList();
            return servers.isEmpty() ? "matches no server with sessions now"
                    : "matches " + count(servers.size(), "server") + " with sessions now: " + named(servers);
        }
        if (sessions.isEmpty()) {
            return "matches nothing now";
        }
        List<String> names = sessions.stream().map(t -> t.server() + " " + t.session().clientName().orElse("-")
                + " " + t.session().userName().orElse("-")).toList();
        return "matches " + count(sessions.size(), "session") + " now: " + named(names);
    }

    private static String named(List<String> items) {
        String shown = items.stream().limit(NAMED).collect(Collectors.joining(", "));
        return items.size() > NAMED ? shown + " and " + (items.size() - NAMED) + " more" : shown;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    public ObservableList<RuleDraft> rules() {
        return rules;
    }

    public ObjectProperty<RuleDraft> selectedProperty() {
        return selected;
    }

    /** The window plays a sound when alerts fire. */
    public BooleanProperty soundProperty() {
        return sound;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }
}
