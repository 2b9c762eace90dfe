package org.sessionwatch.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open-files answers in, file events out: the one place that decides whether a file of this answer is one of the
 * server's previous answer, as {@link SessionTracker} does for sessions.
 *
 * <p>The rule: a file is the same when its server, its id and its path are. The id alone is not enough: servers
 * reuse ids once a file is closed (Samba builds them from the process id and a counter), and a reused id with another
 * path is another file. At level 2 (ids only) the id decides. A file whose locks or permissions changed is
 * {@link FileEvent.Changed}.
 *
 * <p>A failing server's files stay tracked and are never reported closed while it fails, nor while its backend
 * cannot list files; the next successful answer is compared with the last one before the failure. The first
 * successful answer of a server is the starting state: its files are {@code Opened} with {@code initial} set.
 *
 * <p>Not thread-safe: call from one thread at a time. Subscribers run synchronously on that thread, in subscription
 * order; one that throws is logged and the others still get the update.
 */
public final class OpenFilesTracker {
    private static final Logger LOG = LoggerFactory.getLogger(OpenFilesTracker.class);

    private record FileKey(long id, String path) {
        static FileKey of(OpenFile file) {
            return new FileKey(file.id(), file.path());
        }
    }

    private record Known(OpenFile file, Instant firstSeen) {
    }

    /** Per server, in the order servers first answered: the files of its last successful answer. */
    private final Map<String, Map<FileKey, Known>> servers = new LinkedHashMap<>();
    private final List<Consumer<FilesUpdate>> subscribers = new CopyOnWriteArrayList<>();

    /** Adds a consumer of every later update. */
    public void subscribe(Consumer<FilesUpdate> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /** Consumes one server's answer taken at {@code at} and publishes what changed. */
    public FilesUpdate apply(Instant at, OpenFilesResult result) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        List<FileEvent> events = new ArrayList<>();
        Map<FileKey, Known> known = servers.get(result.server());
        if (result instanceof OpenFilesResult.Success success) {
            Map<FileKey, Known> now = new LinkedHashMap<>(Math.max(16, success.files().size() * 2));
            boolean initial = known == null;
            for (OpenFile file : success.files()) {
                FileKey key = FileKey.of(file);
                Known before = known == null ? null : known.remove(key);
                if (before == null) {
                    if (now.putIfAbsent(key, new Known(file, at)) == null) {
                        events.add(new FileEvent.Opened(at, file, initial));
                    }
                    continue;
                }
                now.put(key, new Known(file, before.firstSeen()));
                if (!Objects.equals(before.file().locks(), file.locks())
                        || !Objects.equals(before.file().permissions(), file.permissions())
                        || !Objects.equals(before.file().user(), file.user())) {
                    events.add(new FileEvent.Changed(at, before.file(), file));
                }
            }
            if (known != null) {
                for (Known gone : known.values()) {
                    events.add(new FileEvent.Closed(at, gone.file(), gone.firstSeen(), FileEvent.Reason.CLOSED));
                }
            }
            servers.put(result.server(), now);
            known = now;
        }
        return publish(new FilesUpdate(at, result, events, known == null ? List.of() : files(known)));
    }

    /**
     * The server left the configuration: its files are {@code Closed} with {@link FileEvent.Reason#SERVER_REMOVED}
     * and it is forgotten, so a later answer from it is a first answer again.
     */
    public FilesUpdate removeServer(Instant at, String server) {
        Objects.requireNonNull(at, "at");
        Map<FileKey, Known> known = servers.remove(server);
        List<FileEvent> events = new ArrayList<>();
        if (known != null) {
            for (Known gone : known.values()) {
                events.add(new FileEvent.Closed(at, gone.file(), gone.firstSeen(), FileEvent.Reason.SERVER_REMOVED));
            }
        }
        return publish(new FilesUpdate(at, new OpenFilesResult.Unsupported(server,
                server + " is no longer watched"), events, List.of()));
    }

    /** The servers that have answered at least once, in the order they first did. */
    public List<String> servers() {
        return List.copyOf(servers.keySet());
    }

    /** The files the tracker knows open on {@code server}, empty if it never answered. */
    public List<OpenFile> current(String server) {
        Map<FileKey, Known> known = servers.get(server);
        return known == null ? List.of() : files(known);
    }

    private static List<OpenFile> files(Map<FileKey, Known> known) {
        List<OpenFile> files = new ArrayList<>(known.size());
        for (Known k : known.values()) {
            files.add(k.file());
        }
        return files;
    }

    private FilesUpdate publish(FilesUpdate update) {
        for (Consumer<FilesUpdate> subscriber : subscribers) {
            try {
                subscriber.accept(update);
            } catch (RuntimeException e) {
                LOG.error("A consumer of open-file events failed; the others still get them", e);
            }
        }
        return update;
    }
}
