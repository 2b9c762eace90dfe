package org.sessionwatch.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.tracking.FileEvent;
import org.sessionwatch.tracking.FilesUpdate;
import org.sessionwatch.tracking.SessionEvent;
import org.sessionwatch.tracking.TrackedSession;
import org.sessionwatch.tracking.TrackerUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the alert rules on every tracker update and hands the alerts that survive the rate limits to its
 * listeners. Subscribe it to the {@link org.sessionwatch.tracking.SessionTracker}; it runs on the tracker's thread,
 * never on the FX thread.
 *
 * <p>Never noisy by construction:
 * <ul>
 *   <li>the first answer's sessions are the starting state, never "connected" (conditions such as
 *       {@code IDLE_WITH_OPEN_FILES} or {@code SESSION_COUNT_ABOVE} are facts, and do fire on the first answer);</li>
 *   <li>a condition fires once when it becomes true and again only after it was false in between;</li>
 *   <li>{@code cooldownMinutes} per rule and subject (session or server);</li>
 *   <li>several sessions of one user for one rule in one update make one alert ("3 sessions of alice connected");</li>
 *   <li>at most {@value #MAX_PER_MINUTE} alerts a minute; the rest are summarised in one alert;</li>
 *   <li>demo data is said to be demo data in every alert's text.</li>
 * </ul>
 * Not thread-safe: one thread, as the tracker.
 */
public final class AlertEngine implements Consumer<TrackerUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    /** Alerts shown per rolling minute before the rest are summarised. */
    public static final int MAX_PER_MINUTE = 10;

    private final List<CompiledRule> rules = new ArrayList<>();
    private final List<AlertRule> fileRules = new ArrayList<>();
    /** Whether open-files answers have arrived: until then {@code FILE_OPENED} rules cannot fire. */
    private boolean filesWatched;
    private final List<Consumer<List<Alert>>> listeners = new CopyOnWriteArrayList<>();

    /** Since when each server fails without a break. */
    private final Map<String, Instant> failingSince = new HashMap<>();
    /** Conditions that are true now (rule + subject), so they fire once per time they become true. */
    private final Set<String> conditionsHolding = new HashSet<>();
    /**
     * Sessions for which an {@code IDLE_WITH_OPEN_FILES} rule holds now, by rule name. Checked for every session on
     * every poll, on the tracker thread: kept apart from {@link #conditionsHolding} so that the common case (the
     * condition does not hold, nothing is held) builds no key.
     */
    private final Map<String, Set<Long>> idleHolding = new HashMap<>();
    private final AlertLimits limits;

    /**
     * @param rules the configuration's rules; disabled ones are skipped, {@code FILE_OPENED} ones fire on the
     *              open-files answers given to {@link #evaluate(FilesUpdate)}
     * @param demo  whether the sessions come from the built-in demo fleet: every alert then says so
     */
    public AlertEngine(List<AlertRule> rules, boolean demo) {
        for (AlertRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            if (rule.event() == AlertEvent.FILE_OPENED) {
                fileRules.add(rule);
            }
            this.rules.add(new CompiledRule(rule));
        }
        this.limits = new AlertLimits(demo);
    }

    /**
     * Enabled rules that cannot fire (yet), with the reason given by {@link #inactiveReason()}: the
     * {@code FILE_OPENED} rules until the first open-files answer arrives.
     */
    public List<AlertRule> inactiveRules() {
        return filesWatched ? List.of() : List.copyOf(fileRules);
    }

    public static String inactiveReason() {
        return "FILE_OPENED rules fire only while open files are watched, and nothing watches them here";
    }

    /** Adds a consumer of every non-empty batch of alerts. */
    public void subscribe(Consumer<List<Alert>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void accept(TrackerUpdate update) {
        evaluate(update);
    }

    /** Evaluates one update; returns (and hands to the listeners) the alerts to show, after the rate limits. */
    public List<Alert> evaluate(TrackerUpdate update) {
        List<Fired> fired = new ArrayList<>();
        for (SessionEvent event : update.events()) {
            onEvent(event, fired);
        }
        for (ServerPollResult result : update.results()) {
            onResult(result, update.polledAt(), fired);
        }
        return publish(limits.apply(fired));
    }

    /**
     * Evaluates one server's open-files answer ({@link org.sessionwatch.tracking.OpenFilesTracker}'s update) for the
     * {@code FILE_OPENED} rules: a file opened since the server's previous answer whose path matches {@code pathGlob}
     * and whose server and user match. A server's first answer is the starting state. Same thread as the sessions.
     */
    public List<Alert> evaluate(FilesUpdate update) {
        filesWatched |= update.result() instanceof OpenFilesResult.Success;
        List<Fired> fired = new ArrayList<>();
        for (FileEvent event : update.events()) {
            if (!(event instanceof FileEvent.Opened opened) || opened.initial()) {
                continue;
            }
            OpenFile file = opened.file();
            for (CompiledRule rule : rules) {
                if (rule.is(AlertEvent.FILE_OPENED) && rule.matchesFile(file)) {
                    fired.add(Fired.file(rule, opened.at(), file, file.server() + " - " + orDash(file.user())
                            + " opened " + file.path()));
                }
            }
        }
        return publish(limits.apply(fired));
    }

    private List<Alert> publish(List<Alert> alerts) {
        if (!alerts.isEmpty()) {
            for (Consumer<List<Alert>> listener : listeners) {
                try {
                    listener.accept(alerts);
                } catch (RuntimeException e) {
                    LOG.warn("An alert listener failed", e);
                }
            }
        }
        return alerts;
    }

    /**
     * The sessions a rule selects now, for the settings dialog's "test against current sessions": the matchers (and,
     * for {@code IDLE_WITH_OPEN_FILES}, the thresholds) applied to {@code sessions}, ignoring cooldowns.
     */
    public static List<TrackedSession> matching(AlertRule rule, Collection<TrackedSession> sessions) {
        CompiledRule compiled = new CompiledRule(rule);
        return sessions.stream().filter(s -> compiled.matchesServer(s.server()) && compiled.matches(s.session())
                && (rule.event() != AlertEvent.IDLE_WITH_OPEN_FILES || compiled.idleWithOpenFiles(s.session())))
                .toList();
    }

    private void onEvent(SessionEvent event, List<Fired> fired) {
        switch (event) {
            case SessionEvent.Connected c -> {
                for (CompiledRule rule : rules) {
                    if (rule.is(AlertEvent.SESSION_CONNECTED) && !c.initial() && rule.matchesSession(c.session())) {
                        fired.add(Fired.session(rule, c.at(), c.session(), who(c.session()) + " connected"));
                    }
                }
                checkIdle(c.at(), c.session(), fired);
            }
            case SessionEvent.Changed c -> checkIdle(c.at(), c.after(), fired);
            case SessionEvent.Ended e -> {
                for (CompiledRule rule : rules) {
                    Set<Long> idle = idleHolding.get(rule.name());
                    if (idle != null) {
                        idle.remove(e.last().id());
                    }
                    if (rule.is(AlertEvent.SESSION_ENDED) && e.reason() == SessionEvent.EndReason.DISCONNECTED
                            && rule.matchesSession(e.last())) {
                        String was = e.last().session().activeSeconds().isPresent()
                                ? " (was connected " + HumanDurations.ofSeconds(
                                e.last().session().activeSeconds().getAsLong(), HumanDurations.Style.COMPACT) + ")"
                                : "";
                        fired.add(Fired.session(rule, e.at(), e.last(), who(e.last()) + " disconnected" + was));
                    }
                }
            }
            case SessionEvent.ServerRecovered r -> {
                for (CompiledRule rule : rules) {
                    if (rule.is(AlertEvent.SERVER_RECOVERED) && rule.matchesServer(r.server())) {
                        fired.add(Fired.server(rule, r.at(), r.server(), r.server() + " answers again ("
                                + r.sessions() + (r.sessions() == 1 ? " session)" : " sessions)")));
                    }
                }
            }
            case SessionEvent.ServerFailing f -> {
                // Failures are judged on the poll results, which also say how long a server has been failing.
            }
        }
    }

    private void checkIdle(Instant at, TrackedSession tracked, List<Fired> fired) {
        for (CompiledRule rule : rules) {
            if (!rule.is(AlertEvent.IDLE_WITH_OPEN_FILES)) {
                continue;
            }
            // The numbers first: most sessions are not idle that long, and the matchers are globs.
            boolean holds = rule.idleWithOpenFiles(tracked.session()) && rule.matchesSession(tracked);
            Set<Long> holding = idleHolding.computeIfAbsent(rule.name(), name -> new HashSet<>());
            if (holds) {
                if (holding.add(tracked.id())) {
                    Session s = tracked.session();
                    long opens = s.openCount().getAsLong();
                    fired.add(Fired.session(rule, at, tracked, who(tracked) + " idle "
                            + HumanDurations.ofSeconds(s.idleSeconds().getAsLong(), HumanDurations.Style.COMPACT)
                            + " with " + opens + (opens == 1 ? " open file" : " open files")));
                }
            } else if (!holding.isEmpty()) {
                holding.remove(tracked.id());
            }
        }
    }

    private void onResult(ServerPollResult result, Instant polledAt, List<Fired> fired) {
        Instant at = result.finishedAt() != null ? result.finishedAt() : polledAt;
        String server = result.server();
        switch (result) {
            case ServerPollResult.Failed failed -> {
                Instant since = failingSince.computeIfAbsent(server, s -> at);
                for (CompiledRule rule : rules) {
                    if (!rule.is(AlertEvent.SERVER_FAILING) || !rule.matchesServer(server)) {
                        continue;
                    }
                    int minutes = rule.rule().forMinutes() == null ? 0 : rule.rule().forMinutes();
                    if (Duration.between(since, at).compareTo(Duration.ofMinutes(minutes)) >= 0
                            && conditionsHolding.add(rule.name() + "|" + server)) {
                        String how = minutes == 0 ? " is failing: " : " has been failing for "
                                + HumanDurations.ofSeconds(Duration.between(since, at).toSeconds(),
                                HumanDurations.Style.COMPACT) + ": ";
                        fired.add(Fired.server(rule, at, server, server + how + failed.error().message()));
                    }
                }
            }
            case ServerPollResult.Ok ok -> {
                failingSince.remove(server);
                for (CompiledRule rule : rules) {
                    if (rule.is(AlertEvent.SERVER_FAILING)) {
                        conditionsHolding.remove(rule.name() + "|" + server);
                    }
                    if (!rule.is(AlertEvent.SESSION_COUNT_ABOVE) || !rule.matchesServer(server)) {
                        continue;
                    }
                    long count = ok.sessions().stream().filter(rule::matches).count();
                    String condition = rule.name() + "|" + server;
                    if (count > rule.rule().count()) {
                        if (conditionsHolding.add(condition)) {
                            fired.add(Fired.server(rule, at, server, server + " has " + count
                                    + " sessions, more than " + rule.rule().count()));
                        }
                    } else {
                        conditionsHolding.remove(condition);
                    }
                }
            }
        }
    }

    static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String who(TrackedSession tracked) {
        Session s = tracked.session();
        return s.server() + " " + s.clientName().orElse("-") + " " + s.userName().orElse("-");
    }
}
