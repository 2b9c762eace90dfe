package org.sessionwatch.ui.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.polling.PollCycle;
import org.sessionwatch.polling.ServerPollResult;

/** Hand-built poll cycles for view-model and GUI tests. */
public final class Cycles {
    public static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private Cycles() {
    }

    /** A level-502 session that started {@code connectedAt} and is seen at {@code seenAt}. */
    public static Session session(String server, String user, String client, Instant connectedAt, Instant seenAt,
                                  long idleSeconds) {
        return Session.builder(server, InfoLevel.LEVEL_502)
                .clientName("\\\\" + client).userName(user).openCount(3)
                .activeSeconds(Duration.between(connectedAt, seenAt).toSeconds()).idleSeconds(idleSeconds)
                .userFlags(0).clientType("Windows 10 Enterprise 19045").transport("\\Device\\NetbiosSmb")
                .build();
    }

    public static ServerPollResult.Ok ok(String server, Instant at, Session... sessions) {
        return ok(server, at, List.of(sessions));
    }

    public static ServerPollResult.Ok ok(String server, Instant at, List<Session> sessions) {
        return new ServerPollResult.Ok(server, InfoLevel.LEVEL_502, InfoLevel.LEVEL_502, sessions,
                Duration.ofMillis(120), at);
    }

    public static ServerPollResult.Failed failed(String server, Instant at, ErrorKind kind) {
        NetApiError error = new NetApiError(kind, kind == ErrorKind.ACCESS_DENIED ? 5 : 53,
                kind.title() + ": " + server + " refused the request", "Ask an administrator of " + server + ".");
        return new ServerPollResult.Failed(server, InfoLevel.LEVEL_502, error, Duration.ofSeconds(2), at);
    }

    public static PollCycle cycle(Instant at, ServerPollResult... results) {
        return new PollCycle(at, List.of(results));
    }

    /** {@code count} sessions on {@code server}, user{i} from 10.0.{i/250}.{i%250}, connected {i} s before T0. */
    public static List<Session> many(String server, int from, int count, Instant seenAt) {
        List<Session> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(session(server, "user" + i, "10." + (i / 62_500) + "." + (i / 250 % 250) + "." + (i % 250),
                    T0.minusSeconds(3600 + i % 5000), seenAt, i % 900));
        }
        return out;
    }
}
