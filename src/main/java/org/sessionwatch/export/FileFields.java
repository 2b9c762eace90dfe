package org.sessionwatch.export;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import org.sessionwatch.netapi.FilePermission;
import org.sessionwatch.netapi.OpenFile;

/**
 * The columns of one open file in CSV and the members of one in JSON, in one order, for every output that lists
 * open files (the CLI's {@code --files}, an export of the open-files view).
 *
 * <p>As for sessions ({@link SessionFields}), numbers are raw: the id is the unsigned 32-bit value (never negative),
 * {@code permissions} the bits as an unsigned number, and {@code permissionNames} their names in display order
 * ({@link FilePermission}). A value the level does not carry (everything but the id at level 2) or a NULL string is
 * an empty cell in CSV and {@code null} in JSON, never zero: zero locks is a real answer.
 */
public final class FileFields {
    /** The CSV header cells and JSON member names, in order. */
    public static final List<String> NAMES = List.of("server", "id", "user", "path", "locks", "permissions",
            "permissionNames", "level");

    private FileFields() {
    }

    /** The CSV cells of {@code file}, in {@link #NAMES} order, not yet escaped; the permission names space-separated. */
    public static List<String> csvCells(OpenFile file) {
        return List.of(file.server(), Long.toString(file.id()), file.userName().orElse(""),
                file.pathName().orElse(""), file.locks() == null ? "" : Long.toString(file.locks()),
                file.permissions() == null ? "" : Long.toString(file.permissions()),
                file.permissions() == null ? "" : String.join(" ", permissionNames(file)),
                Integer.toString(file.level().code()));
    }

    /** Writes the {@link #NAMES} members of {@code file} into the JSON object being written. */
    public static void writeJson(JsonGenerator json, OpenFile file) throws IOException {
        json.writeStringField("server", file.server());
        json.writeNumberField("id", file.id());
        SessionFields.writeString(json, "user", file.userName().orElse(null));
        SessionFields.writeString(json, "path", file.pathName().orElse(null));
        writeNumber(json, "locks", file.locks());
        writeNumber(json, "permissions", file.permissions());
        if (file.permissions() == null) {
            json.writeNullField("permissionNames");
        } else {
            json.writeArrayFieldStart("permissionNames");
            for (String name : permissionNames(file)) {
                json.writeString(name);
            }
            json.writeEndArray();
        }
        json.writeNumberField("level", file.level().code());
    }

    /** "READ", "WRITE", … for the named bits set, in display order. */
    public static List<String> permissionNames(OpenFile file) {
        return file.permissionSet().stream().map(FilePermission::name).toList();
    }

    private static void writeNumber(JsonGenerator json, String name, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }
}
