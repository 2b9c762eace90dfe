package org.sessionwatch.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the user configures. Immutable; the settings dialog and the CLI derive changed copies.
 *
 * @param servers              the monitored servers, in display order; empty means "show the demo fleet"
 * @param pollInterval         time between the starts of two poll cycles
 * @param serverDeadline       how long one server may take before it is reported as timed out
 * @param hideOwnSession       hide the session the poller itself opens on every server
 * @param hideComputerAccounts hide sessions of {@code NAME$} machine accounts
 * @param hideAnonymous        hide sessions with no user name (anonymous/null sessions)
 * @param reachabilityCheck    try TCP 445 with a short timeout before calling a server
 */
public record AppConfig(List<ServerConfig> servers, Duration pollInterval, Duration serverDeadline,
                        boolean hideOwnSession, boolean hideComputerAccounts, boolean hideAnonymous,
                        boolean reachabilityCheck) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_SERVER_DEADLINE = Duration.ofSeconds(10);
    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

    public AppConfig {
        servers = List.copyOf(Objects.requireNonNull(servers, "servers"));
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(serverDeadline, "serverDeadline");
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("Invalid poll interval " + pollInterval.toSeconds()
                    + " s: it must be at least " + MIN_POLL_INTERVAL.toSeconds() + " s");
        }
        if (serverDeadline.isNegative() || serverDeadline.isZero()) {
            throw new IllegalArgumentException("Invalid server deadline " + serverDeadline + ": it must be positive");
        }
    }

    public static AppConfig defaults() {
        return new AppConfig(List.of(), DEFAULT_POLL_INTERVAL, DEFAULT_SERVER_DEADLINE, false, false, false, false);
    }

    public AppConfig withServers(List<ServerConfig> newServers) {
        return new AppConfig(newServers, pollInterval, serverDeadline, hideOwnSession, hideComputerAccounts,
                hideAnonymous, reachabilityCheck);
    }

    public List<ServerConfig> enabledServers() {
        return servers.stream().filter(ServerConfig::enabled).toList();
    }
}
