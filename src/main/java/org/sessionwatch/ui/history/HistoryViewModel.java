package org.sessionwatch.ui.history;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.sessionwatch.export.HistoryFields;
import org.sessionwatch.files.AtomicFiles;
import org.sessionwatch.history.CoverageSpan;
import org.sessionwatch.history.HistoryException;
import org.sessionwatch.history.HistoryQuestion;
import org.sessionwatch.history.HistoryQuestion.HistoryAnswer;
import org.sessionwatch.history.HistoryRepository;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.sessions.FilterModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The History tab: "who was connected at T" as a table with the live table's filters, and one user's or client's
 * intervals as a {@link Timeline} with a zoomable visible range. Questions run on a background executor; answers
 * are applied on the FX thread, the latest question winning. Never touches controls.
 */
public final class HistoryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");
    private static final DateTimeFormatter TIME_FIELD = DateTimeFormatter.ofPattern("H:mm[:ss]");
    /** How far back a timeline reads: the benchmarked "user's intervals over 30 days". */
    static final Duration TIMELINE_SPAN = Duration.ofDays(30);
    static final Duration MIN_VIEW = Duration.ofHours(1);
    static final Duration MAX_VIEW = Duration.ofDays(35);

    /** The "pick a time" shortcuts. */
    public enum Shortcut {
        HOUR_AGO("now − 1 h"), FOUR_HOURS_AGO("− 4 h"), TODAY_9("today 9:00"), YESTERDAY_9("yesterday 9:00"),
        YESTERDAY_17("yesterday 17:00");

        private final String label;

        Shortcut(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        Instant at(Instant now, ZoneId zone) {
            LocalDate today = now.atZone(zone).toLocalDate();
            return switch (this) {
                case HOUR_AGO -> now.minus(Duration.ofHours(1));
                case FOUR_HOURS_AGO -> now.minus(Duration.ofHours(4));
                case TODAY_9 -> today.atTime(9, 0).atZone(zone).toInstant();
                case YESTERDAY_9 -> today.minusDays(1).atTime(9, 0).atZone(zone).toInstant();
                case YESTERDAY_17 -> today.minusDays(1).atTime(17, 0).atZone(zone).toInstant();
            };
        }
    }

    /** Which answer an export writes. */
    public enum Shown { TABLE, TIMELINE }

    private final HistoryReader reader;
    private final TaskExecutor background;
    private final Consumer<Runnable> fxThread;
    private final Clock clock;
    private final ZoneId zone;
    private final FilterModel filters = new FilterModel();
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    /** Empty or null: all servers. */
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final FilteredList<HistoryRow> shownRows = new FilteredList<>(rows);
    private final ReadOnlyStringWrapper tableSummary = new ReadOnlyStringWrapper(this, "tableSummary",
            "Pick a time and a server, then Show.");
    private final ReadOnlyObjectWrapper<Timeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ReadOnlyStringWrapper timelineSummary = new ReadOnlyStringWrapper(this, "timelineSummary",
            "Right-click a session (here or on the Sessions tab) for its user's or client's timeline.");
    private final ReadOnlyObjectWrapper<Instant> viewFrom = new ReadOnlyObjectWrapper<>(this, "viewFrom");
    private final ReadOnlyObjectWrapper<Instant> viewTo = new ReadOnlyObjectWrapper<>(this, "viewTo");
    private final ObjectProperty<Timeline.ColourBy> colourBy =
            new SimpleObjectProperty<>(this, "colourBy", Timeline.ColourBy.TRANSPORT);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyIntegerWrapper openRequests = new ReadOnlyIntegerWrapper(this, "openRequests");
    private HistoryQuestion tableQuestion;
    private HistoryAnswer tableAnswer;
    /** Bumped by each question, so a slow answer to an older one is dropped. */
    private long tableAsked;
    private long timelineAsked;
    private int running;

    public HistoryViewModel(HistoryReader reader, TaskExecutor background, Consumer<Runnable> fxThread, Clock clock,
                            ZoneId zone) {
        this.reader = reader;
        this.background = background;
        this.fxThread = fxThread;
        this.clock = clock;
        this.zone = zone;
        filters.predicateProperty().subscribe(p -> shownRows.setPredicate(row -> p.test(row.values())));
        setAt(clock.instant().minus(Duration.ofHours(1)));
    }

    public FilterModel filters() {
        return filters;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    /** The time of day, "9:10" or "09:10:30", in the window's time zone. */
    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty serverProperty() {
        return server;
    }

    /** The sessions open at the chosen time that pass the filters. */
    public ObservableList<HistoryRow> shownRows() {
        return shownRows;
    }

    public ReadOnlyStringProperty tableSummaryProperty() {
        return tableSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public Timeline getTimeline() {
        return timeline.get();
    }

    public ReadOnlyStringProperty timelineSummaryProperty() {
        return timelineSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> viewFromProperty() {
        return viewFrom.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> viewToProperty() {
        return viewTo.getReadOnlyProperty();
    }

    public ObjectProperty<Timeline.ColourBy> colourByProperty() {
        return colourBy;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong with the last question or export, in plain words; empty when all went well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Sets the date and time fields to {@code at} in the window's time zone. */
    public void setAt(Instant at) {
        var local = at.atZone(zone);
        date.set(local.toLocalDate());
        time.set(local.toLocalTime().withSecond(0).withNano(0).toString());
    }

    /** The chosen time, or empty (with the reason in {@link #problemProperty()}) when the fields do not make one. */
    Optional<Instant> chosenTime() {
        if (date.get() == null) {
            problem.set("Pick a date.");
            return Optional.empty();
        }
        try {
            LocalTime clockTime = LocalTime.parse(time.get().strip(), TIME_FIELD);
            return Optional.of(date.get().atTime(clockTime).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            problem.set("'" + time.get() + "' is not a time of day: write it as 9:10 or 17:42.");
            return Optional.empty();
        }
    }

    /** Picks a shortcut's time and shows who was connected then. */
    public void showAt(Shortcut shortcut) {
        setAt(shortcut.at(clock.instant(), zone));
        showAt();
    }

    /** Asks who was connected at the chosen time on the chosen server (or all). */
    public void showAt() {
        Optional<Instant> at = chosenTime();
        if (at.isEmpty()) {
            return;
        }
        String name = server.get() == null ? "" : server.get().strip();
        HistoryQuestion question = HistoryQuestion.openAt(at.get(), name.isEmpty() ? Optional.empty()
                : Optional.of(name));
        long asked = ++tableAsked;
        ask(question::ask, answer -> {
            if (asked != tableAsked) {
                return;
            }
            tableQuestion = question;
            tableAnswer = answer;
            rows.setAll(answer.intervals().stream().map(HistoryRow::of).toList());
            tableSummary.set(summary(question, answer));
        });
    }

    /**
     * Another view asks for a user's or client's timeline ("History of user U" on the Sessions tab): the History tab
     * comes to the front ({@link #openRequestsProperty()}) and shows it.
     */
    public void open(Party party, String name) {
        openRequests.set(openRequests.get() + 1);
        showTimeline(party, name);
    }

    /** Counts {@link #open} calls; the window brings the History tab to the front on each. */
    public ReadOnlyIntegerProperty openRequestsProperty() {
        return openRequests.getReadOnlyProperty();
    }

    /** Asks for the timeline of a user or client over the last {@link #TIMELINE_SPAN}. */
    public void showTimeline(Party party, String name) {
        Instant now = clock.instant();
        HistoryQuestion question = HistoryQuestion.of(party, name, Optional.empty(), now.minus(TIMELINE_SPAN), now);
        long asked = ++timelineAsked;
        timelineSummary.set("Reading the history of " + party.name().toLowerCase(java.util.Locale.ROOT) + " "
                + name + "…");
        ask(question::ask, answer -> {
            if (asked != timelineAsked) {
                return;
            }
            Timeline shown = new Timeline(question, answer, now);
            timeline.set(shown);
            int count = answer.intervals().size();
            timelineSummary.set(count == 0
                    ? "No session of " + shown.subject() + " was recorded in the last 30 days."
                    : count + (count == 1 ? " session" : " sessions") + " of " + shown.subject() + " on "
                    + shown.lanes().size() + (shown.lanes().size() == 1 ? " server" : " servers")
                    + " in the last 30 days.");
            fit();
        });
    }

    /** Shows the last day with a session, or the whole span when the last day has none. */
    public void fit() {
        Timeline shown = timeline.get();
        if (shown == null) {
            return;
        }
        Instant to = shown.to();
        Instant latest = shown.answer().intervals().stream().map(Timeline::barEnd).max(Instant::compareTo)
                .orElse(to);
        Instant earliest = shown.answer().intervals().stream().map(Timeline::barStart).min(Instant::compareTo)
                .orElse(to.minus(Duration.ofDays(1)));
        Instant from = to.minus(Duration.ofDays(1));
        if (latest.isBefore(from)) {
            // Nothing in the last day: show everything there is, with a margin.
            Duration span = Duration.between(earliest, latest);
            from = earliest.minus(span.dividedBy(20));
            to = latest.plus(span.dividedBy(20));
        }
        setView(from, to);
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) around the point at {@code anchor} (0 = left edge, 1 = right edge),
     * keeping the visible time between an hour and five weeks.
     */
    public void zoom(double factor, double anchor) {
        Instant from = viewFrom.get();
        Instant to = viewTo.get();
        if (from == null || to == null) {
            return;
        }
        long span = Duration.between(from, to).toMillis();
        long wanted = Math.clamp(Math.round(span * factor), MIN_VIEW.toMillis(), MAX_VIEW.toMillis());
        double a = Math.clamp(anchor, 0, 1);
        Instant pivot = from.plusMillis(Math.round(span * a));
        Instant newFrom = pivot.minusMillis(Math.round(wanted * a));
        setView(newFrom, newFrom.plusMillis(wanted));
    }

    /** Moves the visible range by {@code fraction} of its width (negative: back in time). */
    public void pan(double fraction) {
        Instant from = viewFrom.get();
        Instant to = viewTo.get();
        if (from == null || to == null) {
            return;
        }
        long shift = Math.round(Duration.between(from, to).toMillis() * fraction);
        setView(from.plusMillis(shift), to.plusMillis(shift));
    }

    private void setView(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        if (span.compareTo(MIN_VIEW) < 0) {
            Instant middle = from.plus(span.dividedBy(2));
            from = middle.minus(MIN_VIEW.dividedBy(2));
            to = from.plus(MIN_VIEW);
        }
        viewFrom.set(from);
        viewTo.set(to);
    }

    /**
     * Writes the table's answer (the rows that pass the filters) or the timeline's answer to {@code file} in the
     * shape of {@code --history --format csv|json}, by the file's extension. Runs in the background.
     */
    public void export(Shown which, Path file) {
        HistoryQuestion question;
        HistoryAnswer answer;
        if (which == Shown.TABLE) {
            if (tableAnswer == null) {
                problem.set("Show the sessions at a time first; then export them.");
                return;
            }
            question = tableQuestion;
            answer = new HistoryAnswer(shownRows.stream().map(HistoryRow::interval).toList(),
                    tableAnswer.coverage());
        } else {
            Timeline shown = timeline.get();
            if (shown == null) {
                problem.set("Open a user's or client's timeline first; then export it.");
                return;
            }
            question = shown.question();
            answer = shown.answer();
        }
        boolean json = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        inBackground(() -> {
            try {
                AtomicFiles.writeDocument(file, out -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    writer.write(json ? HistoryFields.json(question, answer) + System.lineSeparator()
                            : HistoryFields.csv(answer.intervals()));
                    writer.flush();
                });
            } catch (IOException e) {
                throw new HistoryException("The history could not be saved to " + file + " (" + e.getMessage()
                        + "). Choose a folder you may write to, with enough free space.", e);
            }
            return file;
        }, saved -> problem.set(""));
    }

    private <T> void ask(Function<HistoryRepository, T> question, Consumer<T> apply) {
        inBackground(() -> reader.read(question), apply);
    }

    /** Runs {@code work} on the background executor and applies its result, or shows its failure, on FX. */
    private <T> void inBackground(Supplier<T> work, Consumer<T> apply) {
        running++;
        busy.set(true);
        problem.set("");
        background.execute(() -> {
            T result = null;
            String failure = null;
            try {
                result = work.get();
            } catch (HistoryException e) {
                LOG.debug("A history question failed", e);
                failure = e.getMessage();
            } catch (RuntimeException e) {
                LOG.warn("A history question failed unexpectedly", e);
                failure = "The history could not be read: " + e.getMessage();
            }
            T answer = result;
            String message = failure;
            fxThread.accept(() -> {
                running--;
                busy.set(running > 0);
                if (message != null) {
                    problem.set(message);
                } else {
                    apply.accept(answer);
                }
            });
        });
    }

    private String summary(HistoryQuestion question, HistoryAnswer answer) {
        int count = answer.intervals().size();
        String where = question.server().map(s -> "on " + s).orElse("on all servers");
        String head = count + (count == 1 ? " session was" : " sessions were") + " open "
                + where + " at " + SHOWN.format(question.at().atZone(zone)) + ".";
        List<CoverageSpan> coverage = answer.coverage();
        if (coverage.isEmpty()) {
            return head + " No server was being watched then, so nothing is known about that time.";
        }
        List<String> failing = coverage.stream().filter(s -> !s.answered()).map(CoverageSpan::server).distinct()
                .toList();
        long answered = coverage.stream().filter(CoverageSpan::answered).map(s -> s.server().toLowerCase(
                java.util.Locale.ROOT)).distinct().count();
        return head + " " + answered + (answered == 1 ? " server was" : " servers were") + " answering then"
                + (failing.isEmpty() ? "." : "; not answering: " + String.join(", ", failing) + ".");
    }
}
