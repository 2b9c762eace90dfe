package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;

/**
 * The open files of the live state: the collector lists each answering server's open files once per cycle through
 * the poll's connection and writes what changed; consoles read them as each server's last {@link OpenFilesResult}.
 */
public final class TeamOpenFiles {
    private static final String OK = "OK";
    private static final String UNSUPPORTED = "UNSUPPORTED";

    private TeamOpenFiles() {
    }

    /** Every stored server's last listing, by server name (a server never listed yet is missing). */
    public static Map<String, OpenFilesResult> read(Connection connection) throws SQLException {
        Map<String, List<OpenFile>> files = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT server, file_id, level, user_name, path,"
                + " locks, permissions FROM team_open_file ORDER BY server, file_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                files.computeIfAbsent(rows.getString(1), s -> new ArrayList<>()).add(new OpenFile(rows.getString(1),
                        level(rows.getInt(3)), rows.getLong(2), number(rows, 7), number(rows, 6), rows.getString(5),
                        rows.getString(4)));
            }
        }
        Map<String, OpenFilesResult> results = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT server, status, level, code, message,"
                + " remedy FROM team_open_files_status ORDER BY server");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String server = rows.getString(1);
                String status = rows.getString(2);
                int code = rows.getInt(3);
                FileInfoLevel level = rows.wasNull() ? null : level(code);
                results.put(server, switch (status) {
                    case OK -> new OpenFilesResult.Success(server, level, files.getOrDefault(server, List.of()));
                    case UNSUPPORTED -> new OpenFilesResult.Unsupported(server, rows.getString(5));
                    default -> new OpenFilesResult.Failure(server, level, new NetApiError(LiveStateReader.kind(status),
                            rows.getLong(4), rows.getString(5), rows.getString(6)));
                });
            }
        }
        return results;
    }

    private static FileInfoLevel level(int code) {
        return code == FileInfoLevel.LEVEL_2.code() ? FileInfoLevel.LEVEL_2 : FileInfoLevel.LEVEL_3;
    }

    private static Long number(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    /**
     * The collector's writes within its transaction: per server, the files that opened, closed or changed since the
     * last listing, and the listing's status when it changed. A server's first listing in an active term replaces
     * what an earlier collector stored.
     */
    static final class Writes implements AutoCloseable {
        private record Status(String status, Integer level, Long code, String message, String remedy) {
        }

        private final PreparedStatement clearServer;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final PreparedStatement delete;
        private final PreparedStatement status;
        private final Map<String, Map<Long, OpenFile>> stored = new HashMap<>();
        private final Map<String, Status> statuses = new HashMap<>();
        private final int[] pending = new int[5];

        Writes(Connection connection) throws SQLException {
            clearServer = connection.prepareStatement("DELETE FROM team_open_file WHERE server = ?");
            insert = connection.prepareStatement("INSERT INTO team_open_file (server, file_id, level, user_name,"
                    + " path, locks, permissions) VALUES (?, ?, ?, ?, ?, ?, ?)");
            update = connection.prepareStatement("UPDATE team_open_file SET level = ?, user_name = ?, path = ?,"
                    + " locks = ?, permissions = ? WHERE server = ? AND file_id = ?");
            delete = connection.prepareStatement("DELETE FROM team_open_file WHERE server = ? AND file_id = ?");
            status = connection.prepareStatement("INSERT INTO team_open_files_status (server, status, level, code,"
                    + " message, remedy, since_ms) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (server) DO UPDATE SET"
                    + " status = excluded.status, level = excluded.level, code = excluded.code,"
                    + " message = excluded.message, remedy = excluded.remedy, since_ms = excluded.since_ms");
        }

        /** Batches what changed in {@code result}, listed at {@code atMs}. A failed listing keeps the last files. */
        void listed(OpenFilesResult result, long atMs) throws SQLException {
            String server = switch (result) {
                case OpenFilesResult.Success s -> s.server();
                case OpenFilesResult.Failure f -> f.server();
                case OpenFilesResult.Unsupported u -> u.server();
            };
            Status now = switch (result) {
                case OpenFilesResult.Success s -> new Status(OK, s.level().code(), null, null, null);
                case OpenFilesResult.Failure f -> new Status(f.error().kind().name(),
                        f.level() == null ? null : f.level().code(), f.error().code(), f.error().message(),
                        f.error().remedy());
                case OpenFilesResult.Unsupported u -> new Status(UNSUPPORTED, null, null, u.reason(), null);
            };
            if (!stored.containsKey(server)) {
                stored.put(server, new HashMap<>());
                clearServer.setString(1, server);
                add(0, clearServer);
            }
            if (!now.equals(statuses.put(server, now))) {
                writeStatus(server, now, atMs);
            }
            if (result instanceof OpenFilesResult.Success success) {
                files(server, success.files());
            }
        }

        private void files(String server, List<OpenFile> files) throws SQLException {
            Map<Long, OpenFile> before = stored.get(server);
            Map<Long, OpenFile> after = HashMap.newHashMap(files.size());
            for (OpenFile file : files) {
                after.put(file.id(), file);
                OpenFile old = before.remove(file.id());
                if (old == null) {
                    set(insert, 1, server, file.id(), file);
                    add(1, insert);
                } else if (!old.equals(file)) {
                    set(update, 6, server, file.id(), file);
                    add(2, update);
                }
            }
            for (Long gone : before.keySet()) {
                delete.setString(1, server);
                delete.setLong(2, gone);
                add(3, delete);
            }
            stored.put(server, after);
        }

        /** The key columns at {@code keyAt} (server, id), the values around them as each statement orders them. */
        private static void set(PreparedStatement s, int keyAt, String server, long id, OpenFile file)
                throws SQLException {
            s.setString(keyAt, server);
            s.setLong(keyAt + 1, id);
            int at = keyAt == 1 ? 3 : 1;
            s.setInt(at, file.level().code());
            s.setString(at + 1, file.user());
            s.setString(at + 2, file.path());
            setLong(s, at + 3, file.locks());
            setLong(s, at + 4, file.permissions());
        }

        private void writeStatus(String server, Status now, long atMs) throws SQLException {
            status.setString(1, server);
            status.setString(2, now.status());
            if (now.level() == null) {
                status.setNull(3, Types.INTEGER);
            } else {
                status.setInt(3, now.level());
            }
            setLong(status, 4, now.code());
            status.setString(5, now.message());
            status.setString(6, now.remedy());
            status.setLong(7, atMs);
            add(4, status);
        }

        private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
            if (value == null) {
                s.setNull(index, Types.BIGINT);
            } else {
                s.setLong(index, value);
            }
        }

        private void add(int batch, PreparedStatement statement) throws SQLException {
            statement.addBatch();
            pending[batch]++;
        }

        /** Sends the batches: old rows out first, then the new and changed ones, the statuses last. */
        void flush() throws SQLException {
            List<PreparedStatement> order = List.of(clearServer, insert, update, delete, status);
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] > 0) {
                    order.get(i).executeBatch();
                    pending[i] = 0;
                }
            }
        }

        /** Forgets everything after a failed transaction (the term ends). */
        void clear() {
            for (PreparedStatement statement : List.of(clearServer, insert, update, delete, status)) {
                try {
                    statement.clearBatch();
                } catch (SQLException e) {
                    // the transaction is rolled back; the statement goes with the connection
                }
            }
            java.util.Arrays.fill(pending, 0);
            stored.clear();
            statuses.clear();
        }

        /** Forgets servers that left the configuration (their rows went with their live state). */
        void retain(java.util.Collection<String> servers) {
            stored.keySet().retainAll(servers);
            statuses.keySet().retainAll(servers);
        }

        @Override
        public void close() {
            for (PreparedStatement statement : List.of(clearServer, insert, update, delete, status)) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // the connection is going away; nothing is left to release
                }
            }
        }
    }
}
