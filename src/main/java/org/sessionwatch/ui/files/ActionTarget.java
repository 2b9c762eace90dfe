package org.sessionwatch.ui.files;

import java.util.Objects;

/** One thing a destructive action is about to be done to, with everything the confirmation and the audit log name. */
public sealed interface ActionTarget {

    String server();

    /** One line naming it exactly, for the confirmation and the outcome: server, user, client, path. */
    String describe();

    /**
     * Force one open file closed.
     *
     * @param client the client when known, else null
     */
    record CloseFile(String server, long id, String path, String user, String client) implements ActionTarget {
        public CloseFile {
            Objects.requireNonNull(server, "server");
        }

        static CloseFile of(FileRow row) {
            return new CloseFile(row.server(), row.id(), row.path(), row.user(), row.client());
        }

        @Override
        public String describe() {
            String who = user == null || user.isEmpty() ? "unknown user" : user;
            String from = client == null ? "" : " from " + client;
            String what = path == null || path.isEmpty() ? "file id " + id : path + " (id " + id + ")";
            return server + ": " + what + ", opened by " + who + from;
        }
    }

    /**
     * End the sessions of a user from a client on a server ({@code NetSessionDel}); one of client and user may be null.
     */
    record EndSession(String server, String client, String user) implements ActionTarget {
        public EndSession {
            Objects.requireNonNull(server, "server");
            if ((client == null || client.isEmpty()) && (user == null || user.isEmpty())) {
                throw new IllegalArgumentException("A session to end needs a client, a user or both");
            }
        }

        @Override
        public String describe() {
            if (user == null || user.isEmpty()) {
                return server + ": every session from client " + client;
            }
            return client == null || client.isEmpty()
                    ? server + ": every session of " + user + " (from any client)"
                    : server + ": " + user + " from " + client;
        }
    }
}
