package org.sessionwatch.cli;

import java.util.ArrayList;
import java.util.List;

import org.sessionwatch.format.Timestamps;
import org.sessionwatch.export.Csv;
import org.sessionwatch.export.FileFields;
import org.sessionwatch.format.HumanDurations;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFile;

/**
 * The {@code --files} output in the three formats, shaped as the sessions' ({@link JsonOutput}, {@link TableOutput},
 * {@link CsvOutput}): JSON {@code {"polledAt", "servers": [...], "files": [...]}} with every key always present,
 * an aligned table followed by one status line per server, or RFC 4180 CSV with {@code polledAt} first.
 */
final class FilesOutput {
    static final List<String> FILE_HEADER = List.of("SERVER", "ID", "USER", "PATH", "LOCKS", "PERMISSIONS", "LEVEL");
    static final List<String> SERVER_HEADER = List.of("SERVER", "STATUS", "LEVEL", "FILES", "TIME", "ERROR");
    static final List<String> CSV_HEADER = csvHeader();
    private static final String ABSENT = "-";

    private FilesOutput() {
    }

    static String format(FilesListing listing, OutputFormat format) {
        return switch (format) {
            case JSON -> json(listing) + System.lineSeparator();
            case TABLE -> table(listing);
            case CSV -> csv(listing);
        };
    }

    static String json(FilesListing listing) {
        return JsonOutput.object(json -> {
            json.writeStringField("polledAt", Timestamps.forMachines(listing.polledAt()));
            json.writeArrayFieldStart("servers");
            for (FilesListing.ServerFiles server : listing.servers()) {
                json.writeStartObject();
                json.writeStringField("server", server.server());
                json.writeStringField("status", server.status());
                if (server.level() == null) {
                    json.writeNullField("level");
                } else {
                    json.writeNumberField("level", server.level().code());
                }
                if (server.answered()) {
                    json.writeNumberField("files", server.files().size());
                } else {
                    json.writeNullField("files");
                }
                json.writeNumberField("durationMs", server.duration().toMillis());
                NetApiError error = server.error();
                if (error == null) {
                    json.writeNullField("error");
                } else {
                    json.writeFieldName("error");
                    JsonOutput.writeError(json, error);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("files");
            for (OpenFile file : (Iterable<OpenFile>) listing.files()::iterator) {
                json.writeStartObject();
                FileFields.writeJson(json, file);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    static String table(FilesListing listing) {
        List<OpenFile> files = listing.files().toList();
        long answered = listing.servers().stream().filter(FilesListing.ServerFiles::answered).count();
        int servers = listing.servers().size();
        StringBuilder text = new StringBuilder();
        text.append("Listed at ").append(Timestamps.forPeople(listing.polledAt())).append(": ").append(files.size())
                .append(files.size() == 1 ? " open file" : " open files").append(" on ").append(answered)
                .append(" of ").append(servers).append(servers == 1 ? " server" : " servers")
                .append(System.lineSeparator()).append(System.lineSeparator());
        if (files.isEmpty()) {
            text.append("No open files.").append(System.lineSeparator());
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(FILE_HEADER);
            files.forEach(file -> rows.add(List.of(file.server(), Long.toString(file.id()),
                    TableOutput.text(file.userName().orElse(ABSENT)), TableOutput.text(file.pathName().orElse(ABSENT)),
                    file.locks() == null ? ABSENT : Long.toString(file.locks()),
                    file.permissions() == null ? ABSENT : String.join(", ", FileFields.permissionNames(file)),
                    Integer.toString(file.level().code()))));
            text.append(TableOutput.align(rows));
        }
        text.append(System.lineSeparator());
        List<List<String>> rows = new ArrayList<>();
        rows.add(SERVER_HEADER);
        for (FilesListing.ServerFiles server : listing.servers()) {
            NetApiError error = server.error();
            rows.add(List.of(server.server(), server.status(),
                    server.level() == null ? ABSENT : Integer.toString(server.level().code()),
                    server.answered() ? Integer.toString(server.files().size()) : ABSENT,
                    HumanDurations.ofPoll(server.duration()), error == null ? "" : error.describe()));
        }
        return text.append(TableOutput.align(rows)).toString();
    }

    static String csv(FilesListing listing) {
        StringBuilder text = new StringBuilder(Csv.row(CSV_HEADER));
        String polledAt = Timestamps.forMachines(listing.polledAt());
        listing.files().forEach(file -> {
            List<String> cells = new ArrayList<>();
            cells.add(polledAt);
            cells.addAll(FileFields.csvCells(file));
            text.append(Csv.row(cells));
        });
        return text.toString();
    }

    private static List<String> csvHeader() {
        List<String> names = new ArrayList<>();
        names.add("polledAt");
        names.addAll(FileFields.NAMES);
        return List.copyOf(names);
    }
}
