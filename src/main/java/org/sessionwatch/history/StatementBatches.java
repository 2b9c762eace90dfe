package org.sessionwatch.history;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Prepared statements whose rows are batched during one transaction and sent in a fixed order (an interval inserted
 * in a batch can be closed in the same one), for the writer's statements.
 */
final class StatementBatches implements AutoCloseable {
    private final List<PreparedStatement> statements;
    private final int[] pending;

    /** @param statements in the order their batches are sent */
    StatementBatches(List<PreparedStatement> statements) {
        this.statements = List.copyOf(statements);
        this.pending = new int[statements.size()];
    }

    /** Adds the parameters set on {@code statement} (one of these) as a row of its batch. */
    void add(PreparedStatement statement) throws SQLException {
        int index = statements.indexOf(statement);
        statement.addBatch();
        pending[index]++;
    }

    /** Sends every batch with rows, in order, within the open transaction. */
    void flush() throws SQLException {
        for (int i = 0; i < statements.size(); i++) {
            if (pending[i] > 0) {
                statements.get(i).executeBatch();
                pending[i] = 0;
            }
        }
    }

    /** Forgets the rows not sent (after a failure; the transaction is rolled back by the caller). */
    void clear() {
        for (int i = 0; i < statements.size(); i++) {
            try {
                statements.get(i).clearBatch();
            } catch (SQLException e) {
                // the statement is unusable anyway; the rollback is what matters
            }
            pending[i] = 0;
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements) {
            try {
                statement.close();
            } catch (SQLException e) {
                // closing a statement of a connection that is going away
            }
        }
    }
}
