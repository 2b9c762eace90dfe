package org.sessionwatch.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One alert rule of the configuration: what to watch for ({@link AlertEvent}), which sessions or servers it is about
 * (matchers, all optional, combined with AND) and the event's parameters. Checked when built: a field the event does
 * not accept, a missing required parameter or an out-of-range value is refused with the field named, so the
 * configuration reader can point at {@code alerts[2].count}.
 *
 * @param name            shown in every notification; unique in a configuration (case-insensitive)
 * @param server          case-insensitive glob ({@code *}, {@code ?}) on the server name, or null for any
 * @param user            glob on the user name, or null
 * @param client          glob on the client name or address, or null
 * @param guest           true: only guest sessions; false: only non-guest ones; null: either
 * @param unencrypted     true: only sessions without encryption; false: only encrypted ones; null: either
 * @param forMinutes      {@code SERVER_FAILING}: how long the server must have failed without a break (0: at once)
 * @param count           {@code SESSION_COUNT_ABOVE}: the threshold
 * @param idleMinutes     {@code IDLE_WITH_OPEN_FILES}: minimum idle time
 * @param minOpens        {@code IDLE_WITH_OPEN_FILES}: minimum open files (default 1)
 * @param pathGlob        {@code FILE_OPENED}: glob on the file path
 * @param cooldownMinutes how long the rule stays quiet for the same subject after it fired (default 5)
 * @param enabled         false keeps the rule in the file without evaluating it
 */
public record AlertRule(String name, AlertEvent event, String server, String user, String client, Boolean guest,
                        Boolean unencrypted, Integer forMinutes, Integer count, Integer idleMinutes, Integer minOpens,
                        String pathGlob, int cooldownMinutes, boolean enabled) {

    public static final int DEFAULT_COOLDOWN_MINUTES = 5;
    /** A week: longer than any sensible alert window, small enough that minutes never overflow. */
    static final int MAX_MINUTES = 7 * 24 * 60;

    public AlertRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: missing; every alert rule needs a \"name\"");
        }
        name = name.trim();
        Objects.requireNonNull(event, "event");
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("server", server);
        set.put("user", user);
        set.put("client", client);
        set.put("guest", guest);
        set.put("unencrypted", unencrypted);
        set.put("forMinutes", forMinutes);
        set.put("count", count);
        set.put("idleMinutes", idleMinutes);
        set.put("minOpens", minOpens);
        set.put("pathGlob", pathGlob);
        for (Map.Entry<String, Object> field : set.entrySet()) {
            if (field.getValue() != null && !event.accepts(field.getKey())) {
                throw new IllegalArgumentException(field.getKey() + ": does not apply to " + event
                        + " (it accepts " + event.acceptedFields() + ")");
            }
        }
        for (String required : event.requiredParameters()) {
            if (set.get(required) == null) {
                throw new IllegalArgumentException(required + ": missing; " + event + " needs it");
            }
        }
        requireRange("forMinutes", forMinutes, 0, MAX_MINUTES);
        requireRange("count", count, 0, Integer.MAX_VALUE);
        requireRange("idleMinutes", idleMinutes, 1, MAX_MINUTES);
        requireRange("minOpens", minOpens, 1, Integer.MAX_VALUE);
        requireRange("cooldownMinutes", cooldownMinutes, 0, MAX_MINUTES);
        if (pathGlob != null && pathGlob.isBlank()) {
            throw new IllegalArgumentException("pathGlob: must not be empty");
        }
    }

    private static void requireRange(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(field + ": " + value + " is out of range (" + min + "–" + max + ")");
        }
    }

    public static Builder builder(String name, AlertEvent event) {
        return new Builder(name, event);
    }

    /** The minimum open files of an {@code IDLE_WITH_OPEN_FILES} rule, 1 when not set. */
    public int minOpensOrDefault() {
        return minOpens == null ? 1 : minOpens;
    }

    /** Collects a rule's fields; {@link #build()} checks them. */
    public static final class Builder {
        private String name;
        private AlertEvent event;
        private String server;
        private String user;
        private String client;
        private Boolean guest;
        private Boolean unencrypted;
        private Integer forMinutes;
        private Integer count;
        private Integer idleMinutes;
        private Integer minOpens;
        private String pathGlob;
        private int cooldownMinutes = DEFAULT_COOLDOWN_MINUTES;
        private boolean enabled = true;

        private Builder(String name, AlertEvent event) {
            this.name = name;
            this.event = event;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder event(AlertEvent value) {
            event = value;
            return this;
        }

        public Builder server(String value) {
            server = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder client(String value) {
            client = value;
            return this;
        }

        public Builder guest(Boolean value) {
            guest = value;
            return this;
        }

        public Builder unencrypted(Boolean value) {
            unencrypted = value;
            return this;
        }

        public Builder forMinutes(Integer value) {
            forMinutes = value;
            return this;
        }

        public Builder count(Integer value) {
            count = value;
            return this;
        }

        public Builder idleMinutes(Integer value) {
            idleMinutes = value;
            return this;
        }

        public Builder minOpens(Integer value) {
            minOpens = value;
            return this;
        }

        public Builder pathGlob(String value) {
            pathGlob = value;
            return this;
        }

        public Builder cooldownMinutes(int value) {
            cooldownMinutes = value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the field at fault */
        public AlertRule build() {
            return new AlertRule(name, event, server, user, client, guest, unencrypted, forMinutes, count,
                    idleMinutes, minOpens, pathGlob, cooldownMinutes, enabled);
        }
    }
}
