package org.sessionwatch.ui.files;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.sessionwatch.netapi.ClientNames;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.ServerPollResult;
import org.sessionwatch.tracking.TrackerUpdate;

/**
 * Which clients each user is connected from, per server, from the session poll: {@code NetFileEnum} names the user
 * of an open file but not the client, so the open-files views ask here. A consumer of the tracker's updates (on its
 * thread); read from any thread. A failed server keeps its last known sessions, as the session table does.
 *
 * <p>An update only keeps each answering server's session list; the user index of a server is built when it is
 * first asked about after an answer. Building it on every update took most of the tracker thread's time at 100,000
 * sessions (BENCHMARKS.md, table), while it is read only when files are listed.
 */
public final class SessionDirectory implements Consumer<TrackerUpdate> {
    /** Server (upper case) to its last answer. */
    private final Map<String, Answer> byServer = new ConcurrentHashMap<>();

    @Override
    public void accept(TrackerUpdate update) {
        for (ServerPollResult result : update.results()) {
            if (result instanceof ServerPollResult.Ok ok) {
                byServer.put(key(ok.server()), new Answer(ok.sessions()));
            }
        }
    }

    /** The clients {@code user} is connected to {@code server} from, as of the last answer; empty when none. */
    public List<String> clients(String server, String user) {
        if (user == null || user.isEmpty()) {
            return List.of();
        }
        Answer answer = byServer.get(key(server));
        return answer == null ? List.of() : answer.byUser().getOrDefault(user.toLowerCase(Locale.ROOT), List.of());
    }

    /** The client when {@code user} has exactly one on {@code server}, else null (unknown or ambiguous). */
    public String onlyClient(String server, String user) {
        List<String> clients = clients(server, user);
        return clients.size() == 1 ? clients.getFirst() : null;
    }

    private static String key(String server) {
        return server.toUpperCase(Locale.ROOT);
    }

    /** One server's sessions as of an answer, and its index by user once someone asked. */
    private static final class Answer {
        private final List<Session> sessions;
        /** User (lower case) to the clients of that user's sessions, in poll order; built on first use. */
        private volatile Map<String, List<String>> byUser;

        Answer(List<Session> sessions) {
            this.sessions = sessions;
        }

        Map<String, List<String>> byUser() {
            Map<String, List<String>> index = byUser;
            if (index == null) {
                // Two threads asking at once may both build it: the same immutable map, either one kept.
                index = index(sessions);
                byUser = index;
            }
            return index;
        }

        private static Map<String, List<String>> index(List<Session> sessions) {
            Map<String, Set<String>> users = new HashMap<>();
            for (Session session : sessions) {
                String user = session.userName().orElse("");
                String client = ClientNames.strip(session.clientName().orElse(null));
                if (!user.isEmpty() && client != null && !client.isEmpty()) {
                    users.computeIfAbsent(user.toLowerCase(Locale.ROOT), u -> new LinkedHashSet<>()).add(client);
                }
            }
            Map<String, List<String>> frozen = new HashMap<>();
            users.forEach((user, clients) -> frozen.put(user, List.copyOf(clients)));
            return Map.copyOf(frozen);
        }
    }
}
