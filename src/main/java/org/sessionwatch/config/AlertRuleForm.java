package org.sessionwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Alert rules as typed in the settings dialog, checked by the configuration file's own reader: the form's values
 * become the JSON a file would hold, so the editor shows exactly the messages a hand-edited file gets, and there is
 * one validator, not two.
 */
public final class AlertRuleForm {
    /** Fields whose text is a whole number; anything else typed there is refused as in a file. */
    private static final Set<String> NUMBERS = Set.of("forMinutes", "count", "idleMinutes", "minOpens",
            "cooldownMinutes");
    private static final Pattern PLACE = Pattern.compile("^alerts\\[(\\d+)]\\.([A-Za-z]+): (.*)$", Pattern.DOTALL);
    private static final Pattern OTHER_RULE = Pattern.compile("alerts\\[(\\d+)]");

    private AlertRuleForm() {
    }

    /**
     * A problem of one rule, to show next to its field.
     *
     * @param rule    the rule's index in the list
     * @param field   the field at fault ({@code name}, {@code count} …)
     * @param message what is wrong, in the configuration reader's words
     */
    public record Problem(int rule, String field, String message) {
    }

    /** The rules when every one is valid, otherwise the first problem of each rule that has one. */
    public record Outcome(List<AlertRule> rules, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads the forms. A value is a String (blank: not set; text for a number field is read as a number when it is
     * one), a Boolean, or null (not set). {@code event} is the event's name.
     */
    public static Outcome read(List<Map<String, Object>> forms) {
        List<Problem> problems = new ArrayList<>();
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            ObjectNode node = node(forms.get(i));
            nodes.add(node);
            ArrayNode one = JsonNodeFactory.instance.arrayNode().add(node);
            try {
                ConfigJson.alerts(one);
            } catch (ConfigJson.ConfigFormatException e) {
                problems.add(problem(e.getMessage(), i));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(List.of(), problems);
        }
        try {
            // The whole list once more: names must be unique, which no single rule can tell.
            return new Outcome(ConfigJson.alerts(JsonNodeFactory.instance.arrayNode().addAll(nodes)), List.of());
        } catch (ConfigJson.ConfigFormatException e) {
            return new Outcome(List.of(), List.of(problem(e.getMessage(), -1)));
        }
    }

    private static ObjectNode node(Map<String, Object> form) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        form.forEach((field, value) -> {
            if (value instanceof Boolean flag) {
                node.put(field, flag);
            } else if (value instanceof String text && !text.isBlank()) {
                String trimmed = text.trim();
                if (NUMBERS.contains(field) && trimmed.matches("-?\\d{1,18}")) {
                    node.put(field, Long.parseLong(trimmed));
                } else {
                    node.put(field, field.equals("name") ? text : trimmed);
                }
            }
        });
        return node;
    }

    /** Splits "alerts[0].count: 12 is out of range" into its field and message; other rules are named by number. */
    private static Problem problem(String reason, int single) {
        Matcher place = PLACE.matcher(reason);
        if (!place.matches()) {
            return new Problem(Math.max(single, 0), "name", reason);
        }
        int rule = single >= 0 ? single : Integer.parseInt(place.group(1));
        Matcher other = OTHER_RULE.matcher(place.group(3));
        StringBuilder message = new StringBuilder();
        while (other.find()) {
            other.appendReplacement(message, "rule " + (Integer.parseInt(other.group(1)) + 1));
        }
        other.appendTail(message);
        return new Problem(rule, place.group(2), message.toString());
    }
}
