package org.sessionwatch.alerts;

import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.tracking.TrackedSession;

/** A rule with its globs compiled once. */
record CompiledRule(AlertRule rule, Glob server, Glob user, Glob client, Glob path) {

    CompiledRule(AlertRule rule) {
        this(rule, Glob.of(rule.server()), Glob.of(rule.user()), Glob.of(rule.client()), Glob.of(rule.pathGlob()));
    }

    String name() {
        return rule.name();
    }

    boolean is(AlertEvent event) {
        return rule.event() == event;
    }

    boolean matchesServer(String name) {
        return server == null || server.matches(name);
    }

    boolean matchesSession(TrackedSession tracked) {
        return matchesServer(tracked.server()) && matches(tracked.session());
    }

    /** The session matchers (user, client, guest, unencrypted); the server is checked separately. */
    boolean matches(Session s) {
        return (user == null || user.matches(s.userName().orElse(null)))
                && (client == null || client.matches(s.clientName().orElse(null)))
                && (rule.guest() == null || rule.guest() == s.isGuest())
                && (rule.unencrypted() == null || rule.unencrypted() == s.isUnencrypted());
    }

    /**
     * {@code FILE_OPENED}: the path, the server and the user match. An open-files answer names no client, so a rule
     * with a {@code client} matcher matches no file.
     */
    boolean matchesFile(OpenFile file) {
        return path != null && path.matches(file.path()) && matchesServer(file.server())
                && (user == null || user.matches(file.user())) && client == null;
    }

    /** {@code IDLE_WITH_OPEN_FILES}: idle long enough with enough files open (both must be reported). */
    boolean idleWithOpenFiles(Session s) {
        return s.idleSeconds().isPresent() && s.openCount().isPresent()
                && s.idleSeconds().getAsLong() >= rule.idleMinutes() * 60L
                && s.openCount().getAsLong() >= rule.minOpensOrDefault();
    }
}
