package org.sessionwatch.history;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work for the history recorder's writer thread besides tracker updates (fired alerts to append, a read of kept
 * alerts): it runs on the writer's connection, inside the transaction of the updates queued with it.
 */
@FunctionalInterface
interface WriterTask {
    void run(Connection connection) throws SQLException;

    /** Called instead of {@link #run} when the database is not open: a read then says why. */
    default void abandon(String reason) {
    }
}
