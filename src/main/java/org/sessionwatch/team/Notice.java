package org.sessionwatch.team;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a collector's {@code NOTIFY} says: which server's state was committed in which cycle, or (no server) that a
 * cycle ended and readers should re-read everything (servers may have left the configuration), or that alerts were
 * stored, and when the collector committed it (epoch ms, taken just before the commit; 0 when unknown). Never the
 * data itself: readers fetch that, so a lost notice costs a delay, not a wrong picture.
 */
public record Notice(Optional<String> server, long cycle, long atMillis, boolean alerts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Notice server(String server, long cycle, long atMillis) {
        return new Notice(Optional.of(server), cycle, atMillis, false);
    }

    public static Notice cycleComplete(long cycle, long atMillis) {
        return new Notice(Optional.empty(), cycle, atMillis, false);
    }

    /** New rows in {@code team_alert}: readers fetch those after the last one they have. */
    public static Notice alertsStored(long cycle, long atMillis) {
        return new Notice(Optional.empty(), cycle, atMillis, true);
    }

    /** Whether readers should re-read everything. */
    public boolean cycleEnd() {
        return server.isEmpty() && !alerts;
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        server.ifPresent(name -> node.put("server", name));
        if (alerts) {
            node.put("alerts", true);
        }
        node.put("cycle", cycle);
        node.put("at", atMillis);
        return node.toString();
    }

    /** The notice in a payload; a payload that is not one of ours reads as "re-read everything". */
    static Notice parse(String payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            JsonNode server = node.get("server");
            return new Notice(server == null || !server.isTextual() ? Optional.empty() : Optional.of(server.asText()),
                    node.path("cycle").asLong(0), node.path("at").asLong(0), node.path("alerts").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            return cycleComplete(0, 0);
        }
    }
}
