package org.sessionwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.SessionTracker;

/** The window's feed: rules that change while it runs, and every fired alert handed to the store. */
class LocalAlertFeedTest {
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final AlertRule IDLE = AlertRule.builder("forgotten", AlertEvent.IDLE_WITH_OPEN_FILES)
            .idleMinutes(60).build();

    private final SessionTracker tracker = new SessionTracker();
    private final List<Alert> told = new ArrayList<>();
    private final List<Alert> stored = new ArrayList<>();
    private int cycle;

    private void poll(long idleSeconds) {
        Session s = Session.builder("FS01", InfoLevel.LEVEL_502).clientName("pc1").userName("alice")
                .activeSeconds(9_000).idleSeconds(idleSeconds).openCount(3).userFlags(0).build();
        Instant at = T0.plusSeconds(15L * cycle++);
        tracker.completeCycle(new PollCycle(at, List.of(new ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502,
                InfoLevel.LEVEL_502, List.of(s), Duration.ofMillis(5), at))));
    }

    @Test
    void unchangedRulesKeepTheirStateAndChangedOnesStartAnew() {
        LocalAlertFeed feed = new LocalAlertFeed(List.of(IDLE), false);
        feed.subscribe(told::addAll);
        feed.recordInto(new AlertStore() {
            @Override
            public void append(List<Alert> alerts) {
                stored.addAll(alerts);
            }

            @Override
            public CompletionStage<List<Alert>> fired(Instant from, Instant until) {
                return CompletableFuture.completedFuture(List.copyOf(stored));
            }
        });
        tracker.subscribe(feed);

        poll(4_000);
        feed.configure(List.of(IDLE), false);
        poll(4_015);
        assertThat(told).as("settings saved without touching the rule: no repeat").hasSize(1);

        feed.configure(List.of(IDLE, AlertRule.builder("files", AlertEvent.FILE_OPENED).pathGlob("*.xlsx").build()),
                false);
        poll(4_030);
        assertThat(told).as("new rules: the condition is new to them").hasSize(2);
        assertThat(stored).isEqualTo(told);
        assertThat(feed.fired(T0, T0.plusSeconds(60)).toCompletableFuture().join()).hasSize(2);
        assertThat(feed.inactiveRules()).singleElement().asString().startsWith("'files' is not evaluated: ");

        org.sessionwatch.tracking.FilesUpdate answer = new org.sessionwatch.tracking.FilesUpdate(T0,
                new org.sessionwatch.netapi.OpenFilesResult.Success("FS01", org.sessionwatch.netapi.FileInfoLevel.LEVEL_3,
                        List.of()), List.of(), List.of());
        assertThat(feed.acceptFiles(answer)).as("open files are watched now").isTrue();
        assertThat(feed.inactiveRules()).isEmpty();
        assertThat(feed.acceptFiles(answer)).isFalse();
    }

    @Test
    void withoutAStoreNothingIsKept() {
        LocalAlertFeed feed = new LocalAlertFeed(List.of(IDLE), true);

        assertThat(feed.fired(T0, T0.plusSeconds(60)).toCompletableFuture().join()).isEmpty();
        assertThat(feed.inactiveRules()).isEmpty();
    }

    /** A team database's alerts, as the window's source hands them over: kept ones and new ones on demand. */
    private static final class TeamFeed implements AlertFeed {
        final List<java.util.function.Consumer<List<Alert>>> listeners = new ArrayList<>();
        final List<Alert> kept = new ArrayList<>();

        @Override
        public CompletionStage<List<Alert>> fired(Instant from, Instant until) {
            return CompletableFuture.completedFuture(List.copyOf(kept));
        }

        @Override
        public void subscribe(java.util.function.Consumer<List<Alert>> listener) {
            listeners.add(listener);
        }

        void store(Alert alert) {
            kept.add(alert);
            listeners.forEach(listener -> listener.accept(List.of(alert)));
        }
    }

    private static Alert collectorAlert(String text) {
        return new Alert(T0, "forgotten", AlertEvent.IDLE_WITH_OPEN_FILES, "FS01", "pc1", "alice", text,
                java.util.OptionalLong.empty());
    }

    @Test
    void inTeamModeTheCollectorsAlertsAreShownAndTheLocalRulesStandDown() throws Exception {
        LocalAlertFeed feed = new LocalAlertFeed(List.of(IDLE), false);
        feed.subscribe(told::addAll);
        tracker.subscribe(feed);
        TeamFeed team = new TeamFeed();

        feed.followShared(team);
        poll(4_000);
        assertThat(told).as("the collector evaluates the shared rules, not this console").isEmpty();

        team.store(collectorAlert("stored by the collector"));
        assertThat(told).extracting(Alert::text).containsExactly("stored by the collector");
        assertThat(feed.fired(T0, T0.plusSeconds(60)).toCompletableFuture().get())
                .extracting(Alert::text).containsExactly("stored by the collector");

        feed.followShared(null);
        team.store(collectorAlert("from a source no longer followed"));
        poll(4_015);
        assertThat(told).extracting(Alert::text).startsWith("stored by the collector")
                .doesNotContain("from a source no longer followed");
    }
}
