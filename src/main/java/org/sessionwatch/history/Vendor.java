package org.sessionwatch.history;

import java.util.List;

/**
 * The databases the history schema runs on. The migrations in {@code db/migration/common} are plain SQL both accept
 * (times as epoch milliseconds, upserts as {@code INSERT … ON CONFLICT}); DDL that differs lives in the vendor's own
 * folder, with versions that never collide with the common ones.
 */
public enum Vendor {
    /** The desktop's embedded database. */
    SQLITE("sqlite"),
    /** The team collector's server database. */
    POSTGRESQL("postgresql");

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    /** Flyway locations for this vendor: the common migrations and its own. */
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/common", "classpath:db/migration/" + folder);
    }
}
