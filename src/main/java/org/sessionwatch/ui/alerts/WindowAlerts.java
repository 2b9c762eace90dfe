package org.sessionwatch.ui.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.sessionwatch.alerts.Alert;
import org.sessionwatch.alerts.AlertFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's delivery of fired alerts: each batch from the {@link AlertFeed} (told on its own thread) is posted to
 * the FX thread, listed in the {@link AlertsViewModel}, shown as a notification per alert and, when the setting is
 * on, announced by one sound per batch. Today's alerts fired before the window opened are read back from where the
 * feed keeps them.
 */
public final class WindowAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(WindowAlerts.class);

    private final AlertFeed feed;
    private final AlertsViewModel model;
    private final AlertNotifier notifier;
    private final AlertSound sound;
    private final BooleanSupplier soundOn;
    private final Consumer<Runnable> fxThread;
    private final Clock clock;
    private final ZoneId zone;
    private final Instant started;
    private Consumer<Alert> open = alert -> { };

    /**
     * @param soundOn  read per batch: the setting as it is now
     * @param fxThread runs a change on the FX thread ({@code Platform::runLater})
     */
    public WindowAlerts(AlertFeed feed, AlertsViewModel model, AlertNotifier notifier, AlertSound sound,
                        BooleanSupplier soundOn, Consumer<Runnable> fxThread, Clock clock, ZoneId zone) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.model = Objects.requireNonNull(model, "model");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.sound = Objects.requireNonNull(sound, "sound");
        this.soundOn = Objects.requireNonNull(soundOn, "soundOn");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = clock;
        this.zone = zone;
        this.started = clock.instant();
        model.setNotes(inactiveNotes());
        feed.subscribe(alerts -> fxThread.accept(() -> deliver(alerts)));
    }

    /** What a click on a notification or a row does: select the session or the server. FX thread. */
    public void openWith(Consumer<Alert> opener) {
        this.open = Objects.requireNonNull(opener, "opener");
    }

    /** Opens what {@code alert} is about. FX thread. */
    public void open(Alert alert) {
        open.accept(alert);
    }

    public AlertsViewModel model() {
        return model;
    }

    /** FX thread. */
    void deliver(List<Alert> alerts) {
        model.fired(alerts);
        for (Alert alert : alerts) {
            try {
                notifier.show(alert, () -> open.accept(alert));
            } catch (RuntimeException e) {
                // The alert is in the list and the badge; a notification that cannot show must not lose the rest.
                LOG.warn("The notification for alert '{}' could not be shown", alert.rule(), e);
            }
        }
        if (soundOn.getAsBoolean()) {
            sound.play();
        }
    }

    /**
     * Lists today's alerts fired before this window opened, as far as the feed keeps them (the history database,
     * the team database); says so in the tab when they cannot be read.
     */
    public void loadKept() {
        Instant from = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        feed.fired(from, started).whenComplete((alerts, error) -> fxThread.accept(() -> {
            if (error == null) {
                model.kept(alerts);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.warn("Today's earlier alerts could not be read", cause);
                model.setNotes("Today's earlier alerts could not be read: " + cause.getMessage());
            }
        }));
    }

    /** Says in the tab which rules cannot fire here. Any thread; applied on the FX thread. */
    public void showInactiveRules() {
        String notes = inactiveNotes();
        fxThread.accept(() -> model.setNotes(notes));
    }

    private String inactiveNotes() {
        List<String> inactive = feed.inactiveRules();
        return inactive.isEmpty() ? "" : "Alert rule " + String.join("; ", inactive) + ".";
    }
}
