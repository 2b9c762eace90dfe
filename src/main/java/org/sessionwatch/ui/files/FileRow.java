package org.sessionwatch.ui.files;

import java.util.Objects;

import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.sessions.FilterModel;
import org.sessionwatch.ui.sessions.FilterableRow;

/**
 * One open file as the open-files tables show it: the server's entry, the client it was opened from when the
 * session list tells (a server reports files by user, never by client), and whether the server failed its last
 * listing (the row is then the last one known and offers no action). Immutable.
 *
 * <p>The path is shown as the server reports it: neither backend lists the shares, so a share-relative form cannot be
 * derived reliably (Samba reports {@code C:\srv\share\dir\file}, Windows the share's local path). The table shows the
 * file name beside the path so a search result is read at a glance.
 *
 * @param file   the server's entry (unsigned id, optional permissions, locks, path and user)
 * @param client the client the user's only session on that server comes from, or null when unknown or ambiguous
 * @param stale  the server did not answer the last listing: these are its last known files
 */
public record FileRow(OpenFile file, String client, boolean stale) implements FilterableRow {

    public FileRow {
        Objects.requireNonNull(file, "file");
    }

    public String server() {
        return file.server();
    }

    /** The unsigned 32-bit id, as the server gave it. */
    public long id() {
        return file.id();
    }

    /** The user who opened it, "" when the server did not say (level 2). */
    public String user() {
        return file.userName().orElse("");
    }

    /** The path as the server reports it, "" when the level carries none. */
    public String path() {
        return file.pathName().orElse("");
    }

    /** The last part of the path ("budget.xlsx"); the id when there is no path. */
    public String fileName() {
        String path = path();
        if (path.isEmpty()) {
            return "file " + id();
        }
        String trimmed = path.endsWith("\\") || path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
        return cut < 0 ? trimmed : trimmed.substring(cut + 1);
    }

    /** "Read, Write", "" when the level carries none. */
    public String permissionsText() {
        return FilePermissionsText.names(file.permissions());
    }

    /** Identifies the row across listings: server and file id. */
    public String key() {
        return server().toUpperCase(java.util.Locale.ROOT) + "\u0000" + id();
    }

    FileRow withStale(boolean value) {
        return value == stale ? this : new FileRow(file, client, value);
    }

    @Override
    public String filterValue(FilterChip.Kind kind) {
        return switch (kind) {
            case USER -> user();
            case CLIENT -> client == null ? "" : client;
            case SERVER -> server();
        };
    }

    /** The path search: the path as reported ("who has budget.xlsx open?"). */
    @Override
    public boolean matchesSearch(String lowerNeedle) {
        return FilterModel.contains(path(), lowerNeedle);
    }
}
