package org.sessionwatch.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an alert rule watches for, and which of a rule's fields make sense with it: a field that does not apply
 * (say {@code count} on a {@code SESSION_CONNECTED} rule) is refused when the configuration is read, rather than
 * silently ignored.
 */
public enum AlertEvent {
    /** A session appeared that was not in its server's previous answer (never the first answer's sessions). */
    SESSION_CONNECTED(Set.of("server", "user", "client", "guest", "unencrypted"), Set.of(), Set.of()),
    /** A session disappeared from its server's answer. */
    SESSION_ENDED(Set.of("server", "user", "client", "guest", "unencrypted"), Set.of(), Set.of()),
    /** A server failed; with {@code forMinutes}, only once it has failed that long without a break. */
    SERVER_FAILING(Set.of("server"), Set.of("forMinutes"), Set.of()),
    /** A server that was failing answers again. */
    SERVER_RECOVERED(Set.of("server"), Set.of(), Set.of()),
    /** A server answered with more than {@code count} sessions (of those the matchers select). */
    SESSION_COUNT_ABOVE(Set.of("server", "user", "client", "guest", "unencrypted"), Set.of(), Set.of("count")),
    /** A session has been idle at least {@code idleMinutes} with at least {@code minOpens} (default 1) open files. */
    IDLE_WITH_OPEN_FILES(Set.of("server", "user", "client", "guest", "unencrypted"), Set.of("minOpens"),
            Set.of("idleMinutes")),
    /** A file whose path matches {@code pathGlob} was opened (needs the open-files watch). */
    FILE_OPENED(Set.of("server", "user", "client"), Set.of(), Set.of("pathGlob"));

    private final Set<String> matchers;
    private final Set<String> optionalParameters;
    private final Set<String> requiredParameters;

    AlertEvent(Set<String> matchers, Set<String> optionalParameters, Set<String> requiredParameters) {
        this.matchers = matchers;
        this.optionalParameters = optionalParameters;
        this.requiredParameters = requiredParameters;
    }

    /** Whether a rule for this event may set {@code field} (a matcher or a parameter). */
    public boolean accepts(String field) {
        return matchers.contains(field) || optionalParameters.contains(field) || requiredParameters.contains(field);
    }

    public Set<String> requiredParameters() {
        return requiredParameters;
    }

    /** The matchers and parameters this event accepts, sorted, for error messages. */
    public String acceptedFields() {
        return Arrays.stream(new Set<?>[] {matchers, optionalParameters, requiredParameters})
                .flatMap(Set::stream).map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    /** Parses the exact name ({@code SESSION_CONNECTED} …), naming the input and the choices when it fails. */
    public static AlertEvent parse(String text) {
        for (AlertEvent event : values()) {
            if (event.name().equals(text)) {
                return event;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an alert event (use "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return name();
    }

    /** The name as a person reads it: "session connected". */
    public String title() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
