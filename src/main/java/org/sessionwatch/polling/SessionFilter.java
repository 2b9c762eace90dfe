package org.sessionwatch.polling;

import java.util.ArrayList;
import java.util.List;

import org.sessionwatch.netapi.Session;

/**
 * The "hide" options: which sessions the table leaves out. Pure: what counts as the poller's own session is passed in
 * as an {@link OwnSession}, so every rule is testable without a network.
 *
 * @param hideOwnSession       hide the session SessionWatch itself opens on each server by polling it
 * @param hideComputerAccounts hide machine accounts ({@code PC042$}), which connect for group policy and deployment
 * @param hideAnonymous        hide sessions without a user name (null sessions of printers, scanners, old NAS)
 */
public record SessionFilter(boolean hideOwnSession, boolean hideComputerAccounts, boolean hideAnonymous) {

    /** Hides nothing. */
    public static final SessionFilter NONE = new SessionFilter(false, false, false);

    /** Whether any option is on; when none is, {@link #apply} returns its input. */
    public boolean hidesAnything() {
        return hideOwnSession || hideComputerAccounts || hideAnonymous;
    }

    /** Whether {@code session} is left out, {@code own} describing the poller's own session on that server. */
    public boolean hides(Session session, OwnSession own) {
        String user = session.userName().orElse(null);
        if (hideAnonymous && (user == null || user.isEmpty())) {
            return true;
        }
        if (hideComputerAccounts && user != null && user.endsWith("$")) {
            return true;
        }
        return hideOwnSession && own.matches(session);
    }

    /** The sessions not hidden, in their original order. */
    public List<Session> apply(List<Session> sessions, OwnSession own) {
        if (!hidesAnything()) {
            return sessions;
        }
        List<Session> kept = new ArrayList<>(sessions.size());
        for (Session session : sessions) {
            if (!hides(session, own)) {
                kept.add(session);
            }
        }
        return kept;
    }
}
