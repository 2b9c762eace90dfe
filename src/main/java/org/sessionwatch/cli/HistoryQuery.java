package org.sessionwatch.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.sessionwatch.format.Timestamps;
import org.sessionwatch.export.HistoryFields;
import org.sessionwatch.history.CoverageSpan;
import org.sessionwatch.history.HistoryDatabase;
import org.sessionwatch.history.HistoryException;
import org.sessionwatch.history.HistoryInterval;
import org.sessionwatch.history.HistoryQuestion;
import org.sessionwatch.history.HistoryQuestion.HistoryAnswer;
import org.sessionwatch.history.HistoryRepository.Party;
import org.sessionwatch.team.TeamDatabase;
import org.sessionwatch.team.TeamException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --history}: answers one question from the history database (this computer's, or with {@code --source} the
 * team collector's) and prints it as a table, JSON or CSV.
 * {@code --at T [--server S]} lists the sessions open at T; {@code --user U} or {@code --client C} with optional
 * {@code --since}/{@code --until} lists their intervals. Coverage (when each server answered or failed) comes with
 * the answer, because an empty list means nothing unless the servers were being watched.
 */
final class HistoryQuery {
    private static final List<String> TABLE_HEADER = List.of("SERVER", "CLIENT", "USER", "START", "END",
            "FIRST SEEN", "LAST SEEN", "MAX OPENS", "CLIENT TYPE", "TRANSPORT", "LEVEL");

    private final CliContext context;

    HistoryQuery(CliContext context) {
        this.context = context;
    }

    int run(CliOptions options) throws UsageException {
        HistoryQuestion question = question(options);
        HistoryAnswer answer;
        if (options.source != null) {
            if (options.historyDb != null) {
                throw new UsageException("--history-db names this computer's history database; --source reads the"
                        + " team collector's. Use one of them");
            }
            // The collector's history: the same schema and questions, on the team database.
            try {
                answer = new TeamDatabase(options.source, context.environment()).readHistory("CLI history", question::ask);
            } catch (TeamException | HistoryException e) {
                context.err().println("sessionwatch: " + e.getMessage());
                return ExitCodes.ALL_FAILED;
            }
        } else {
            Path file = options.historyDb != null ? options.historyDb : context.defaultHistoryFile().get();
            try {
                answer = HistoryDatabase.open(file, HistoryDatabase.Mode.QUERY, context.clock().instant())
                        .read(question::ask);
            } catch (HistoryException e) {
                context.err().println("sessionwatch: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        context.out().print(switch (options.format) {
            case TABLE -> table(answer);
            case JSON -> HistoryFields.json(question, answer) + System.lineSeparator();
            case CSV -> HistoryFields.csv(answer.intervals());
        });
        context.out().flush();
        return ExitCodes.OK;
    }

    private static HistoryQuestion question(CliOptions o) throws UsageException {
        if (o.noHistory) {
            throw new UsageException(HistoryRecording.NO_HISTORY_WITHOUT_WATCH);
        }
        if (o.demo || o.backend != null || o.level != null || o.account != null || o.port != null
                || o.intervalSeconds != null || o.deadlineSeconds != null || o.config != null) {
            throw new UsageException("--history reads the history database and polls nothing: leave out the polling"
                    + " options (--demo, --backend, --level, --username, --port, --interval, --deadline, --config)");
        }
        if (o.servers.size() > 1) {
            throw new UsageException("--history takes at most one --server");
        }
        Optional<String> server = o.servers.stream().findFirst();
        if (o.at != null) {
            if (o.user != null || o.client != null || o.since != null || o.until != null) {
                throw new UsageException("--at lists who was connected at one time; --user, --client, --since and"
                        + " --until belong to the other kind of --history query");
            }
            return HistoryQuestion.openAt(o.at, server);
        }
        if ((o.user == null) == (o.client == null)) {
            throw new UsageException("--history needs --at TIME, or exactly one of --user USER and --client CLIENT");
        }
        if (o.since != null && o.until != null && o.since.isAfter(o.until)) {
            throw new UsageException("--since " + o.since + " is after --until " + o.until);
        }
        return HistoryQuestion.of(o.user != null ? Party.USER : Party.CLIENT, o.user != null ? o.user : o.client,
                server, o.since, o.until);
    }

    private static String table(HistoryAnswer answer) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TABLE_HEADER);
        for (HistoryInterval i : answer.intervals()) {
            rows.add(List.of(i.server(), dash(i.client()), dash(i.user()),
                    i.start().map(Timestamps::forPeople).orElse("-"),
                    i.end().map(Timestamps::forPeople).orElse("open"), Timestamps.forPeople(i.firstSeen()),
                    Timestamps.forPeople(i.lastSeen()), i.maxOpens().isPresent() ? text(i.maxOpens()) : "-",
                    dash(i.clientType()), dash(i.transport()), String.valueOf(i.level())));
        }
        StringBuilder text = new StringBuilder(TableOutput.align(rows));
        text.append(answer.intervals().size()).append(answer.intervals().size() == 1 ? " interval" : " intervals")
                .append(System.lineSeparator());
        text.append(answer.coverage().isEmpty() ? "No server was being watched then." : "Coverage:")
                .append(System.lineSeparator());
        for (CoverageSpan span : answer.coverage()) {
            text.append("  ").append(TableOutput.text(span.server())).append(' ')
                    .append(Timestamps.forPeople(span.from())).append(" to ").append(Timestamps.forPeople(span.to()))
                    .append(span.answered() ? " answered" : " NOT ANSWERING ("
                            + span.error().map(Enum::name).orElse("?") + ")")
                    .append(" (").append(span.polls()).append(span.polls() == 1 ? " poll)" : " polls)")
                    .append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }

    private static String dash(String value) {
        return value == null ? "-" : TableOutput.text(value);
    }

    /**
     * An ISO-8601 time: with an offset or {@code Z} ({@code 2026-11-30T09:10:00Z}), or without one in this
     * machine's time zone ({@code 2026-11-30T09:10}), as a helpdesk agent reads the clock on the wall.
     */
    static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String text = value.strip();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not an ISO-8601 time such as"
                            + " 2026-11-30T09:10:00Z or 2026-11-30T09:10");
                }
            }
        }
    }
}
