package org.sessionwatch.alerts;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.tracking.TrackedSession;

/**
 * What one rule produced before cooldowns, grouping and the rate limit.
 *
 * @param subject what the cooldown is kept for: the session, the server or the file
 * @param user    whose alerts are grouped into one, or null (server alerts are never grouped)
 * @param where   how a grouped alert lists this one: "FS01 10.1.2.3", or the file's server and path
 */
record Fired(CompiledRule rule, String subject, String user, String where, Alert alert) {

    static Fired session(CompiledRule rule, Instant at, TrackedSession tracked, String text) {
        Session s = tracked.session();
        String user = s.userName().orElse(null);
        String client = s.clientName().orElse(null);
        return new Fired(rule, tracked.key().toString(), user, s.server() + " " + AlertEngine.orDash(client),
                new Alert(at, rule.name(), rule.rule().event(), s.server(), client, user, text,
                        OptionalLong.of(tracked.id())));
    }

    static Fired server(CompiledRule rule, Instant at, String server, String text) {
        return new Fired(rule, server.toLowerCase(Locale.ROOT), null, server, new Alert(at, rule.name(),
                rule.rule().event(), server, null, null, text, OptionalLong.empty()));
    }

    /** A file has no client in an open-files answer; its subject is the file (server, id and path). */
    static Fired file(CompiledRule rule, Instant at, OpenFile file, String text) {
        return new Fired(rule, (file.server() + "|" + file.id() + "|" + file.path()).toLowerCase(Locale.ROOT),
                file.user(), file.server() + " " + file.path(), new Alert(at, rule.name(), rule.rule().event(),
                file.server(), null, file.user(), text, OptionalLong.empty()));
    }
}
