package org.sessionwatch.ui.sessions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the host names of clients that servers report as bare IP addresses, by reverse DNS. A lookup can block for
 * seconds, so it runs on its own executor; each address is looked up once and remembered (including "no name").
 * Whoever shows the names is told when lookups finish ({@link #setOnResolved}) and reads them with
 * {@link #known}; clients already reported by name are left alone. Thread-safe.
 */
public final class HostNameResolver implements HostNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Past this many addresses the cache starts over rather than grow without bound. */
    private static final int MAX_CACHED = 100_000;

    private final Executor executor;
    private final Function<String, Optional<String>> lookup;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile Runnable onResolved = () -> { };

    /**
     * @param executor runs the lookups
     * @param lookup   the reverse lookup ({@link #reverseDns}); replaceable so tests never touch the network
     */
    public HostNameResolver(Executor executor, Function<String, Optional<String>> lookup) {
        this.executor = executor;
        this.lookup = lookup;
    }

    /** Called on the lookup thread after each finished lookup. */
    void setOnResolved(Runnable listener) {
        this.onResolved = listener;
    }

    @Override
    public String known(String client) {
        Optional<String> name = client == null ? null : cache.get(client);
        return name == null ? null : name.orElse(null);
    }

    @Override
    public void request(String client) {
        if (!isIpAddress(client) || cache.containsKey(client) || !pending.add(client)) {
            return;
        }
        executor.execute(() -> {
            Optional<String> name = lookupQuietly(client);
            if (cache.size() > MAX_CACHED) {
                cache.clear();
            }
            cache.put(client, name);
            pending.remove(client);
            if (name.isPresent()) {
                onResolved.run();
            }
        });
    }

    private Optional<String> lookupQuietly(String client) {
        try {
            return lookup.apply(client);
        } catch (RuntimeException e) {
            // A failing lookup is an address without a name, as an unanswered PTR query is.
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
