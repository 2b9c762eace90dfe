package org.sessionwatch.polling;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.sessionwatch.config.ServerConfig;

/**
 * Where poll cycles come from: the servers of one configuration, each asked once per call. The window's scheduler,
 * the CLI's {@code --once} and {@code --watch} and the benchmarks all poll through this one interface; the
 * application builds it for a configuration in {@code org.sessionwatch.app.PollSources}, tests script it.
 *
 * <p>{@link #poll} blocks (up to about the server deadline) and is called from one thread at a time, never the FX
 * thread. {@link #close} may wait for network calls to end: call it off the FX thread too.
 */
public interface PollSource extends AutoCloseable {

    /**
     * Asks every server once and returns their results in configuration order; each server's result is also handed
     * to {@code onResult} as soon as it is known, on a polling thread, so a window can show the fast servers without
     * waiting for the slowest. A source that cannot tell early hands everything over just before returning.
     */
    PollCycle poll(Consumer<ServerPollResult> onResult);

    /** As {@link #poll(Consumer)}, without early results. */
    default PollCycle poll() {
        return poll(result -> { });
    }

    /**
     * The person asked for a refresh: servers that refused every information level are asked again on the next poll
     * rather than after their back-off ({@link org.sessionwatch.netapi.LevelNegotiator}). A source without such
     * servers has nothing to do, which is what this default does.
     */
    default void retryRefusedNow() {
    }

    /**
     * Open files, close a file, end a session on this source's servers, through the poll's connections. A source that
     * reaches no file server (a scripted one, a team collector's database) answers every call {@code Unsupported},
     * which is what this default does.
     */
    default ServerActions actions() {
        return ServerActions.unsupported("This source does not reach the file servers itself");
    }

    /** Releases the servers' connections and the polling threads. */
    @Override
    void close();

    /**
     * Polls whichever source {@code current} supplies at the moment of each poll, so a settings change takes effect
     * at the next poll. It owns none of them: closing it closes nothing, the owner of the sources closes them.
     */
    static PollSource following(Supplier<PollSource> current) {
        Objects.requireNonNull(current, "current");
        return new PollSource() {
            @Override
            public PollCycle poll(Consumer<ServerPollResult> onResult) {
                PollSource now = current.get();
                if (now == null) {
                    throw new IllegalStateException("There is no poll source: polling has been closed");
                }
                return now.poll(onResult);
            }

            @Override
            public void retryRefusedNow() {
                PollSource now = current.get();
                if (now != null) {
                    now.retryRefusedNow();
                }
            }

            @Override
            public ServerActions actions() {
                return ServerActions.following(() -> {
                    PollSource now = current.get();
                    return now == null ? null : now.actions();
                });
            }

            @Override
            public void close() {
                // the sources followed belong to whoever supplies them
            }
        };
    }

    /**
     * {@code servers}, asked by {@code poller}, which the source owns and closes. Its {@link #actions()} go through
     * the same poller: each server's connection, threads and deadline ({@link PollerActions}).
     */
    static PollSource of(Poller poller, List<ServerConfig> servers) {
        Objects.requireNonNull(poller, "poller");
        List<ServerConfig> fixed = List.copyOf(servers);
        ServerActions actions = new PollerActions(poller, fixed);
        return new PollSource() {
            @Override
            public PollCycle poll(Consumer<ServerPollResult> onResult) {
                return poller.poll(fixed, onResult);
            }

            @Override
            public void retryRefusedNow() {
                poller.retryRefusedNow();
            }

            @Override
            public ServerActions actions() {
                return actions;
            }

            @Override
            public void close() {
                poller.close();
            }
        };
    }
}
