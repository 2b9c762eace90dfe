package org.sessionwatch.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.sessionwatch.alerts.Alert;
import org.sessionwatch.alerts.AlertFeed;
import org.sessionwatch.config.AlertEvent;

/** Delivery of fired alerts with the FX thread run inline: list, notification per alert, the sound setting. */
class WindowAlertsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

    /** A feed a test fires by hand, keeping what it is asked for. */
    private static final class HandFeed implements AlertFeed {
        final List<Consumer<List<Alert>>> listeners = new ArrayList<>();
        CompletableFuture<List<Alert>> kept = CompletableFuture.completedFuture(List.of());
        Instant askedFrom;
        Instant askedUntil;

        @Override
        public CompletionStage<List<Alert>> fired(Instant from, Instant until) {
            askedFrom = from;
            askedUntil = until;
            return kept;
        }

        @Override
        public void subscribe(Consumer<List<Alert>> listener) {
            listeners.add(listener);
        }

        void fire(Alert... alerts) {
            listeners.forEach(l -> l.accept(List.of(alerts)));
        }
    }

    private final HandFeed feed = new HandFeed();
    private final AlertsViewModel model = new AlertsViewModel();
    private final List<Alert> notified = new ArrayList<>();
    private final List<Runnable> clicks = new ArrayList<>();
    private final AtomicInteger played = new AtomicInteger();
    private final AtomicBoolean soundOn = new AtomicBoolean();
    private final List<Alert> opened = new ArrayList<>();

    private WindowAlerts alerts() {
        WindowAlerts alerts = new WindowAlerts(feed, model, (alert, open) -> {
            notified.add(alert);
            clicks.add(open);
        }, played::incrementAndGet, soundOn::get, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        alerts.openWith(opened::add);
        return alerts;
    }

    private static Alert alert(String rule) {
        return new Alert(NOW, rule, AlertEvent.SESSION_CONNECTED, "FS01", "pc1", "alice", "FS01 pc1 alice connected",
                OptionalLong.of(3));
    }

    @Test
    void eachAlertIsListedAndNotifiedAndAClickOpensIt() {
        alerts();
        feed.fire(alert("a"), alert("b"));

        assertThat(model.items()).extracting(i -> i.alert().rule()).containsExactly("b", "a");
        assertThat(model.getUnacknowledged()).isEqualTo(2);
        assertThat(notified).extracting(Alert::rule).containsExactly("a", "b");
        clicks.get(1).run();
        assertThat(opened).extracting(Alert::rule).containsExactly("b");
    }

    @Test
    void theSoundPlaysOncePerBatchWhenTheSettingIsOnAndNeverWhenOff() {
        alerts();
        feed.fire(alert("a"), alert("b"));
        assertThat(played).as("off by default").hasValue(0);

        soundOn.set(true);
        feed.fire(alert("c"), alert("d"), alert("e"));
        assertThat(played).hasValue(1);

        soundOn.set(false);
        feed.fire(alert("f"));
        assertThat(played).hasValue(1);
    }

    @Test
    void todaysEarlierAlertsAreListedAcknowledgedBelowNewOnesAndAFailedReadIsSaid() {
        WindowAlerts alerts = alerts();
        feed.fire(alert("new"));
        feed.kept = CompletableFuture.completedFuture(List.of(alert("morning"), alert("noon")));
        alerts.loadKept();

        assertThat(feed.askedFrom).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(feed.askedUntil).as("what this window fired itself is not read twice").isEqualTo(NOW);
        assertThat(model.items()).extracting(i -> i.alert().rule()).containsExactly("new", "noon", "morning");
        assertThat(model.getUnacknowledged()).isEqualTo(1);

        feed.kept = CompletableFuture.failedFuture(new IllegalStateException("History is not being recorded."));
        alerts.loadKept();
        assertThat(model.notesProperty().get())
                .isEqualTo("Today's earlier alerts could not be read: History is not being recorded.");
    }

    @Test
    void aNotificationThatCannotShowLosesNeitherTheListNorTheOtherNotifications() {
        WindowAlerts alerts = new WindowAlerts(feed, model, (alert, open) -> {
            if (alert.rule().equals("a")) {
                throw new IllegalStateException("no screen");
            }
            notified.add(alert);
        }, played::incrementAndGet, () -> true, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        assertThat(alerts.model()).isSameAs(model);
        feed.fire(alert("a"), alert("b"));

        assertThat(model.items()).hasSize(2);
        assertThat(notified).extracting(Alert::rule).containsExactly("b");
        assertThat(played).hasValue(1);
    }
}
