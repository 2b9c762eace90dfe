package org.sessionwatch.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.sessionwatch.config.AlertEvent;

/**
 * What keeps the rules from storming: the per-rule, per-subject cooldown, grouping of one user's alerts, at most
 * {@value AlertEngine#MAX_PER_MINUTE} alerts a minute with the rest summarised, and the demo notice. One thread, as
 * the engine.
 */
final class AlertLimits {
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final boolean demo;
    private final Map<String, Instant> lastFired = new HashMap<>();
    private final Deque<Instant> shown = new ArrayDeque<>();
    private final Map<String, Integer> heldBack = new TreeMap<>();

    AlertLimits(boolean demo) {
        this.demo = demo;
    }

    /** The alerts to show of what fired in one update. */
    List<Alert> apply(List<Fired> fired) {
        return rateLimit(group(cooledDown(fired)));
    }

    /** Drops what fired again for the same rule and subject within the rule's cooldown. */
    private List<Fired> cooledDown(List<Fired> fired) {
        List<Fired> kept = new ArrayList<>();
        for (Fired f : fired) {
            String key = f.rule().name() + "|" + f.subject();
            Instant last = lastFired.get(key);
            Duration cooldown = Duration.ofMinutes(f.rule().rule().cooldownMinutes());
            if (last != null && Duration.between(last, f.alert().time()).compareTo(cooldown) < 0) {
                continue;
            }
            lastFired.put(key, f.alert().time());
            kept.add(f);
        }
        return kept;
    }

    /** Several sessions of one user for one rule in one update become one alert. */
    private static List<Alert> group(List<Fired> fired) {
        Map<String, List<Fired>> groups = new LinkedHashMap<>();
        for (Fired f : fired) {
            String key = f.user() == null ? "single|" + groups.size() + "|" + f.subject()
                    : f.rule().name() + "|" + f.user().toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<Alert> alerts = new ArrayList<>();
        for (List<Fired> group : groups.values()) {
            Alert first = group.getFirst().alert();
            if (group.size() == 1) {
                alerts.add(first);
                continue;
            }
            String verb = first.event() == AlertEvent.SESSION_ENDED ? "disconnected"
                    : first.event() == AlertEvent.SESSION_CONNECTED ? "connected" : first.event().title();
            String where = group.stream().map(Fired::where).collect(Collectors.joining(", "));
            String what = first.event() == AlertEvent.FILE_OPENED
                    ? group.size() + " files opened by " + first.user() + ": "
                    : group.size() + " sessions of " + first.user() + " " + verb + ": ";
            alerts.add(new Alert(first.time(), first.rule(), first.event(), first.server(), first.client(),
                    first.user(), what + where, first.sessionId()));
        }
        return alerts;
    }

    /**
     * At most {@value AlertEngine#MAX_PER_MINUTE} a rolling minute, the last place kept for the summary: alerts past the limit are
     * counted by rule and summarised in one alert as soon as there is room (at the end of this update, or in a later
     * one).
     */
    private List<Alert> rateLimit(List<Alert> alerts) {
        List<Alert> out = new ArrayList<>();
        if (alerts.isEmpty()) {
            return out;
        }
        forget(alerts.getFirst().time());
        if (!heldBack.isEmpty() && shown.size() < AlertEngine.MAX_PER_MINUTE) {
            out.add(summary(alerts.getFirst().time()));
        }
        for (Alert alert : alerts) {
            forget(alert.time());
            if (shown.size() < AlertEngine.MAX_PER_MINUTE - 1) {
                shown.addLast(alert.time());
                out.add(alert);
            } else {
                heldBack.merge(alert.rule(), 1, Integer::sum);
            }
        }
        if (!heldBack.isEmpty() && shown.size() < AlertEngine.MAX_PER_MINUTE) {
            out.add(summary(alerts.getLast().time()));
        }
        return demo ? out.stream().map(AlertLimits::markDemo).toList() : out;
    }

    /** Drops the alerts shown more than a minute before {@code now} from the rate window. */
    private void forget(Instant now) {
        while (!shown.isEmpty() && !shown.peekFirst().isAfter(now.minus(RATE_WINDOW))) {
            shown.removeFirst();
        }
    }

    private Alert summary(Instant at) {
        int total = heldBack.values().stream().mapToInt(Integer::intValue).sum();
        String rulesText = heldBack.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
        heldBack.clear();
        shown.addLast(at);
        return new Alert(at, Alert.SUMMARY_RULE, null, null, null, null, total + " more alert"
                + (total == 1 ? "" : "s") + " held back (at most " + AlertEngine.MAX_PER_MINUTE + " a minute): " + rulesText,
                OptionalLong.empty());
    }

    private static Alert markDemo(Alert alert) {
        return new Alert(alert.time(), alert.rule(), alert.event(), alert.server(), alert.client(), alert.user(),
                "Demo data: " + alert.text(), alert.sessionId());
    }
}
