package org.sessionwatch.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.sessionwatch.config.AlertRule;
import org.sessionwatch.tracking.FilesUpdate;
import org.sessionwatch.tracking.TrackerUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts of this computer's own rules: an {@link AlertEngine} subscribed to the session tracker, whose rules can
 * change while the window runs, and optionally an {@link AlertStore} that keeps every fired alert.
 *
 * <p>{@link #accept} and {@link #configure} run on the tracker's thread (the one thread of the engine); listeners
 * are told there too, so they must only hand the alerts on (to the FX thread, to the store's queue).
 */
public final class LocalAlertFeed implements AlertFeed, Consumer<TrackerUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAlertFeed.class);

    private final List<Consumer<List<Alert>>> listeners = new CopyOnWriteArrayList<>();
    private volatile AlertStore store;
    private volatile List<String> inactive = List.of();
    /** In team mode, the team database's alerts: the collector evaluates the shared rules, this computer none. */
    private volatile AlertFeed shared;
    private AlertEngine engine;
    private List<AlertRule> rules;
    private boolean demo;

    public LocalAlertFeed(List<AlertRule> rules, boolean demo) {
        configure(rules, demo);
    }

    /**
     * Evaluates {@code newRules} from the next update on. Unchanged rules keep their engine, so a settings change
     * that touches no rule neither repeats conditions that already fired nor forgets cooldowns. Tracker thread.
     */
    public void configure(List<AlertRule> newRules, boolean newDemo) {
        List<AlertRule> copy = List.copyOf(newRules);
        if (engine != null && copy.equals(rules) && newDemo == demo) {
            return;
        }
        rules = copy;
        demo = newDemo;
        engine = new AlertEngine(copy, newDemo);
        engine.subscribe(this::fired);
        describeInactive();
    }

    private boolean describeInactive() {
        List<String> now = engine.inactiveRules().stream()
                .map(rule -> "'" + rule.name() + "' is not evaluated: " + AlertEngine.inactiveReason()).toList();
        boolean changed = !now.equals(inactive);
        inactive = now;
        return changed;
    }

    /**
     * Team mode ({@code teamFeed} not null): the collector evaluates the configuration's rules once for every console,
     * so this computer evaluates none; the alerts it stores are passed on to this feed's listeners and read back from
     * it. Null: this computer's rules again. Any thread.
     */
    public void followShared(AlertFeed teamFeed) {
        if (teamFeed == shared) {
            return;
        }
        shared = teamFeed;
        if (teamFeed != null) {
            teamFeed.subscribe(alerts -> {
                if (shared == teamFeed) {
                    tell(alerts);
                }
            });
        }
    }

    /** Keeps every alert fired from now on in {@code alertStore}: the history database, when history is on. */
    public void recordInto(AlertStore alertStore) {
        this.store = Objects.requireNonNull(alertStore, "alertStore");
    }

    @Override
    public void accept(TrackerUpdate update) {
        if (shared == null) {
            engine.evaluate(update);
        }
    }

    /**
     * Evaluates one server's open-files answer for the {@code FILE_OPENED} rules. Tracker thread, as {@link #accept}.
     *
     * @return whether {@link #inactiveRules()} changed (the first answer makes those rules active)
     */
    public boolean acceptFiles(FilesUpdate update) {
        if (shared != null) {
            return false;
        }
        engine.evaluate(update);
        return describeInactive();
    }

    private void fired(List<Alert> alerts) {
        AlertStore keeping = store;
        if (keeping != null) {
            keeping.append(alerts);
        }
        tell(alerts);
    }

    private void tell(List<Alert> alerts) {
        for (Consumer<List<Alert>> listener : listeners) {
            try {
                listener.accept(alerts);
            } catch (RuntimeException e) {
                LOG.warn("An alert listener failed", e);
            }
        }
    }

    @Override
    public CompletionStage<List<Alert>> fired(Instant from, Instant until) {
        AlertFeed team = shared;
        if (team != null) {
            return team.fired(from, until);
        }
        AlertStore keeping = store;
        return keeping == null ? CompletableFuture.completedFuture(List.of()) : keeping.fired(from, until);
    }

    @Override
    public void subscribe(Consumer<List<Alert>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public List<String> inactiveRules() {
        return shared != null ? List.of() : inactive;
    }
}
