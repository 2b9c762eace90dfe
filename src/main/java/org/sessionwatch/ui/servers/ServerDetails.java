package org.sessionwatch.ui.servers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.NetApiError;

/**
 * The explanation of one server's state for the pane beside the server list: what happened, what to do, and the
 * facts an administrator asks for (code, level, last success).
 */
public record ServerDetails(String title, String message, String remedy, String facts) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static ServerDetails of(ServerHealth server, ZoneId zone) {
        ServerHealth.Snapshot health = server.getSnapshot();
        ServerState state = health.state();
        String title = server.getName() + ": " + state.title();
        NetApiError error = health.error();
        String message;
        String remedy = "";
        switch (state) {
            case OK -> message = health.summary() + ".";
            case WAITING -> message = "The first poll of " + server.getName() + " has not finished yet.";
            case DISABLED -> message = server.getName() + " is disabled in the settings and is not polled.";
            default -> {
                message = error == null ? state.title() : error.message();
                remedy = error == null ? "" : error.remedyText().orElse("");
                if (health.stale()) {
                    message += " Its sessions from the last successful poll stay listed, marked stale.";
                }
            }
        }
        List<String> facts = new ArrayList<>();
        if (error != null && error.code() != 0) {
            facts.add("Code " + error.codeText());
        }
        if (health.level() != null) {
            facts.add("Level " + health.level() + (health.requestedLevel() != null
                    && health.requestedLevel() != health.level() ? " (requested " + health.requestedLevel() + ")" : ""));
        }
        facts.add("Last success: " + format(health.lastSuccess(), zone));
        if (health.duration() != null) {
            facts.add("Last poll took " + HumanDurations.ofPoll(health.duration()));
        }
        return new ServerDetails(title, message, remedy, String.join(" · ", facts));
    }

    private static String format(Instant instant, ZoneId zone) {
        return instant == null ? "never" : TIME.format(instant.atZone(zone));
    }
}
