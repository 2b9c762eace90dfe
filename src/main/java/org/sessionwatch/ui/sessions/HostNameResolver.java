package org.sessionwatch.ui.sessions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the host names of clients that servers report as bare IP addresses, by reverse DNS. A lookup can block for
 * seconds, so it runs on its own executor; each address is looked up once and remembered (including "no name"), and
 * the rows waiting for it are updated on the FX thread. Clients already reported by name are left alone.
 */
public final class HostNameResolver {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Past this many addresses the cache starts over rather than grow without bound. */
    private static final int MAX_CACHED = 100_000;

    private final Executor executor;
    private final Consumer<Runnable> fxThread;
    private final Function<String, Optional<String>> lookup;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();
    /** Rows waiting for an address being looked up; touched on the FX thread only. */
    private final Map<String, List<SessionRow>> waiting = new HashMap<>();

    /**
     * @param executor runs the lookups
     * @param fxThread runs the row updates on the FX thread ({@code Platform::runLater})
     * @param lookup   the reverse lookup ({@link #reverseDns}); replaceable so tests never touch the network
     */
    public HostNameResolver(Executor executor, Consumer<Runnable> fxThread, Function<String, Optional<String>> lookup) {
        this.executor = executor;
        this.fxThread = fxThread;
        this.lookup = lookup;
    }

    /** Sets the row's host name now if known, or once the lookup finishes. Call on the FX thread. */
    public void resolve(SessionRow row) {
        String client = row.client();
        if (!isIpAddress(client) || row.getHostName() != null) {
            return;
        }
        Optional<String> known = cache.get(client);
        if (known != null) {
            known.ifPresent(row::setHostName);
            return;
        }
        List<SessionRow> rows = waiting.get(client);
        if (rows != null) {
            rows.add(row);
            return;
        }
        rows = new ArrayList<>();
        rows.add(row);
        waiting.put(client, rows);
        executor.execute(() -> {
            Optional<String> name = lookupQuietly(client);
            if (cache.size() > MAX_CACHED) {
                cache.clear();
            }
            cache.put(client, name);
            fxThread.accept(() -> {
                List<SessionRow> done = waiting.remove(client);
                if (done != null && name.isPresent()) {
                    done.forEach(r -> r.setHostName(name.get()));
                }
            });
        });
    }

    private Optional<String> lookupQuietly(String client) {
        try {
            return lookup.apply(client);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isIpAddress(String client) {
        return client != null && (IPV4.matcher(client).matches() || client.indexOf(':') >= 0);
    }

    /** The PTR name of an IP literal, or empty when it has none. Blocks: background threads only. */
    public static Optional<String> reverseDns(String ip) {
        try {
            // getByName does not query DNS for a literal address; getCanonicalHostName does the reverse lookup.
            InetAddress address = InetAddress.getByName(ip);
            String name = address.getCanonicalHostName();
            return name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
