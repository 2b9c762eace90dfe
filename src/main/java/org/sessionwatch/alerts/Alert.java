package org.sessionwatch.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import org.sessionwatch.config.AlertEvent;

/**
 * One fired alert, ready to show.
 *
 * @param time      when what it reports happened (the time of the answer that showed it)
 * @param rule      the rule's name; {@value #SUMMARY_RULE} for the summary of alerts held back by the rate limit
 * @param event     the rule's event, or null for a summary
 * @param server    the server it is about, or null (a summary)
 * @param client    the session's client, or null for a server alert
 * @param user      the session's user, or null
 * @param text      one plain sentence naming server, client and user as a {@code --watch} CONNECT line does
 * @param sessionId the tracker's id of the session it is about, so a click can select it; empty for server alerts
 */
public record Alert(Instant time, String rule, AlertEvent event, String server, String client, String user,
                    String text, OptionalLong sessionId) {

    /** The rule name of a summary alert. */
    public static final String SUMMARY_RULE = "more alerts";

    public Alert {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    public boolean isSummary() {
        return event == null;
    }
}
