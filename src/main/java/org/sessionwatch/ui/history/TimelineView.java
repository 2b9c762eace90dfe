package org.sessionwatch.ui.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.history.HistoryInterval;

import static org.sessionwatch.format.HumanDurations.Style.SPACED;

/**
 * The timeline: one lane per server, one bar per session interval, coloured by transport or client type, over the
 * view model's visible range. Grey hatched spans are times nobody watched the server, red ones times it did not
 * answer. The wheel zooms around the pointer, dragging pans; every bar, gap and tick is a node of its own so it has
 * a tooltip (and tests can find it). Rebuilt when the timeline, the range, the colouring or the width changes.
 */
public final class TimelineView extends Region {
    static final double LABEL_WIDTH = 150;
    static final double AXIS_HEIGHT = 26;
    static final double LANE_HEIGHT = 34;
    static final double BAR_HEIGHT = 20;
    /** Eight colours that stay apart in both themes; a category's index picks one. */
    static final List<String> PALETTE = List.of("#3b82f6", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#06b6d4",
            "#ec4899", "#84cc16");
    private static final double MIN_TICK_SPACING = 90;
    private static final List<Duration> TICK_STEPS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(7));
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    private final HistoryViewModel model;
    private double dragX = Double.NaN;

    public TimelineView(HistoryViewModel model) {
        this.model = model;
        getStyleClass().add("timeline");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        model.timelineProperty().subscribe(t -> rebuild());
        model.viewFromProperty().subscribe(t -> rebuild());
        model.viewToProperty().subscribe(t -> rebuild());
        model.colourByProperty().subscribe(c -> rebuild());
        widthProperty().subscribe(w -> rebuild());
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                model.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, (e.getX() - LABEL_WIDTH) / plotWidth());
                e.consume();
            }
        });
        setOnMousePressed(e -> dragX = e.getX());
        setOnMouseDragged(e -> {
            if (!Double.isNaN(dragX)) {
                model.pan(-(e.getX() - dragX) / plotWidth());
                dragX = e.getX();
            }
        });
        setOnMouseReleased(e -> dragX = Double.NaN);
    }

    @Override
    protected double computePrefHeight(double width) {
        Timeline timeline = model.getTimeline();
        int lanes = timeline == null ? 0 : timeline.lanes().size();
        return AXIS_HEIGHT + Math.max(1, lanes) * LANE_HEIGHT + 8;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LABEL_WIDTH - 8);
    }

    private void rebuild() {
        getChildren().clear();
        Timeline timeline = model.getTimeline();
        Instant from = model.viewFromProperty().get();
        Instant to = model.viewToProperty().get();
        if (timeline == null || from == null || to == null || getWidth() <= LABEL_WIDTH) {
            requestLayout();
            return;
        }
        Scale scale = new Scale(from, to, LABEL_WIDTH, plotWidth());
        List<String> lanes = timeline.lanes();
        double height = AXIS_HEIGHT + Math.max(1, lanes.size()) * LANE_HEIGHT;
        for (int i = 0; i < lanes.size(); i++) {
            double y = AXIS_HEIGHT + i * LANE_HEIGHT;
            Region band = place(new Region(), 0, y, getWidth(), LANE_HEIGHT);
            band.getStyleClass().addAll("timeline-lane", i % 2 == 0 ? "even" : "odd");
            Label name = place(new Label(lanes.get(i)), 8, y, LABEL_WIDTH - 14, LANE_HEIGHT);
            name.getStyleClass().add("timeline-lane-label");
            name.setAlignment(Pos.CENTER_LEFT);
            name.setTooltip(new Tooltip(lanes.get(i)));
        }
        ticks(scale, height);
        List<String> categories = timeline.categories(model.colourByProperty().get());
        for (int i = 0; i < lanes.size(); i++) {
            double y = AXIS_HEIGHT + i * LANE_HEIGHT;
            for (Timeline.Gap gap : timeline.gaps(lanes.get(i))) {
                gap(scale, gap, y);
            }
            for (HistoryInterval interval : timeline.bars(lanes.get(i))) {
                bar(scale, interval, lanes.get(i), y, categories);
            }
        }
        Instant now = timeline.now();
        if (scale.contains(now)) {
            Region line = place(new Region(), scale.x(now), 0, 2, height);
            line.getStyleClass().add("timeline-now");
            Tooltip.install(line, new Tooltip("Now"));
        }
        requestLayout();
    }

    private void ticks(Scale scale, double height) {
        Duration step = TICK_STEPS.stream()
                .filter(s -> s.toMillis() / scale.millisPerPixel() >= MIN_TICK_SPACING).findFirst()
                .orElse(TICK_STEPS.getLast());
        ZoneId zone = model.zone();
        ZonedDateTime tick = firstTick(scale.from().atZone(zone), step);
        for (int guard = 0; guard < 400 && tick.toInstant().isBefore(scale.to()); guard++) {
            double x = scale.x(tick.toInstant());
            if (x >= LABEL_WIDTH) {
                Region grid = place(new Region(), x, AXIS_HEIGHT - 4, 1, height - AXIS_HEIGHT + 4);
                boolean midnight = tick.toLocalTime().equals(LocalTime.MIDNIGHT);
                grid.getStyleClass().addAll("timeline-grid", midnight ? "day" : "hour");
                Label label = place(new Label((midnight ? DAY : HOUR).format(tick)), x + 3, 2, 110, AXIS_HEIGHT - 6);
                label.getStyleClass().addAll("timeline-tick", midnight ? "day" : "hour");
            }
            tick = step.compareTo(Duration.ofDays(1)) >= 0 ? tick.plusDays(step.toDays()) : tick.plus(step);
        }
    }

    /** The first tick at or after {@code from}: a whole multiple of the step since local midnight. */
    private static ZonedDateTime firstTick(ZonedDateTime from, Duration step) {
        ZonedDateTime midnight = from.truncatedTo(ChronoUnit.DAYS);
        if (step.compareTo(Duration.ofDays(1)) >= 0) {
            return midnight.isBefore(from) ? midnight.plusDays(1) : midnight;
        }
        long since = Duration.between(midnight, from).toMillis();
        long steps = (since + step.toMillis() - 1) / step.toMillis();
        return midnight.plus(step.multipliedBy(steps));
    }

    private void bar(Scale scale, HistoryInterval interval, String lane, double laneY, List<String> categories) {
        Instant start = Timeline.barStart(interval);
        Instant end = Timeline.barEnd(interval);
        if (!end.isAfter(scale.from()) || !start.isBefore(scale.to())) {
            return;
        }
        double x0 = Math.max(LABEL_WIDTH, scale.x(start));
        double x1 = Math.min(LABEL_WIDTH + scale.width(), scale.x(end));
        Region bar = place(new Region(), x0, laneY + (LANE_HEIGHT - BAR_HEIGHT) / 2, Math.max(3, x1 - x0),
                BAR_HEIGHT);
        bar.getStyleClass().add("timeline-bar");
        if (interval.isOpen()) {
            bar.getStyleClass().add("open");
        }
        String category = model.colourByProperty().get().valueOf(interval);
        bar.setStyle("-fx-background-color: " + colourOf(categories.indexOf(category)) + ";");
        bar.getProperties().put("interval", interval);
        bar.getProperties().put("lane", lane);
        Tooltip tip = new Tooltip(describe(interval));
        tip.setShowDelay(javafx.util.Duration.millis(150));
        Tooltip.install(bar, tip);
    }

    private void gap(Scale scale, Timeline.Gap gap, double laneY) {
        if (!gap.to().isAfter(scale.from()) || !gap.from().isBefore(scale.to())) {
            return;
        }
        double x0 = Math.max(LABEL_WIDTH, scale.x(gap.from()));
        double x1 = Math.min(LABEL_WIDTH + scale.width(), scale.x(gap.to()));
        if (x1 - x0 < 1) {
            return;
        }
        Region region = place(new Region(), x0, laneY + 3, x1 - x0, LANE_HEIGHT - 6);
        boolean failing = gap.kind() == Timeline.GapKind.NOT_ANSWERING;
        region.getStyleClass().addAll("timeline-gap", failing ? "not-answering" : "not-watched");
        String span = FULL.format(gap.from().atZone(model.zone())) + " – " + HOUR.format(gap.to().atZone(model.zone()));
        Tooltip.install(region, new Tooltip(failing
                ? gap.server() + " did not answer (" + gap.error().orElse("error") + ")\n" + span
                + "\nSessions there at that time are not known."
                : "Nobody was watching " + gap.server() + "\n" + span
                + "\nSessionWatch was not running or not polling this server."));
    }

    /** The colour of a category index (legend and bars alike). */
    static String colourOf(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    private String describe(HistoryInterval i) {
        ZoneId zone = model.zone();
        Instant start = Timeline.barStart(i);
        Instant end = Timeline.barEnd(i);
        String who = (i.user() == null || i.user().isEmpty() ? "anonymous" : i.user()) + " on " + i.server()
                + (i.client() == null ? "" : " from " + i.client());
        String when = FULL.format(start.atZone(zone)) + " – " + (i.isOpen() ? "still connected (last seen "
                + HOUR.format(end.atZone(zone)) + ")" : HOUR.format(end.atZone(zone)));
        String length = HumanDurations.ofSeconds(Duration.between(start, end).toSeconds(), SPACED);
        StringBuilder text = new StringBuilder(who).append('\n').append(when).append(" (").append(length).append(')');
        i.endReason().ifPresent(reason -> text.append("\nEnded: ").append(switch (reason) {
            case DISCONNECTED -> "disconnected";
            case SERVER_REMOVED -> "the server was no longer polled";
            case UNOBSERVED -> "recording stopped (last seen then)";
        }));
        if (i.start().isEmpty()) {
            text.append("\nStart not reported at level ").append(i.level()).append(": first seen then");
        }
        text.append("\nClient type: ").append(orDash(i.clientType())).append("\nTransport: ")
                .append(orDash(i.transport()));
        i.maxOpens().ifPresent(n -> text.append("\nMost open files: ").append(n));
        text.append("\nLevel ").append(i.level());
        return text.toString();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private <N extends Region> N place(N node, double x, double y, double width, double height) {
        node.setManaged(false);
        node.resizeRelocate(Math.round(x), Math.round(y), Math.round(width), Math.round(height));
        getChildren().add(node);
        return node;
    }

    /** Time to x: the plot starts at {@code left} and is {@code width} pixels wide. */
    record Scale(Instant from, Instant to, double left, double width) {
        double millisPerPixel() {
            return Duration.between(from, to).toMillis() / width;
        }

        double x(Instant at) {
            return left + Duration.between(from, at).toMillis() / millisPerPixel();
        }

        boolean contains(Instant at) {
            return !at.isBefore(from) && !at.isAfter(to);
        }
    }

    /** The lane a bar was drawn in (for tests and accessibility tools). */
    static String laneOf(Region bar) {
        return String.valueOf(bar.getProperties().get("lane")).toLowerCase(Locale.ROOT);
    }
}
