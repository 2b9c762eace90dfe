package org.sessionwatch.polling;

import java.time.Duration;
import java.util.Objects;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiStatus;
import org.sessionwatch.config.AppConfig;

/**
 * How a {@link Poller} asks its servers.
 *
 * @param serverDeadline     how long one server may take; past it the server is reported as timed out
 * @param maxConcurrency     how many servers are asked at once (calls past their deadline no longer count)
 * @param requestedLevel     the level to ask for first; the negotiator falls back from it, never above it
 * @param clientFilter       the server-side client filter ({@code UncClientName}), or null for all clients
 * @param userFilter         the server-side user filter, or null for all users
 * @param preferredMaxLength {@code prefmaxlen} in bytes, or {@link NetApiStatus#MAX_PREFERRED_LENGTH}
 * @param reachabilityCheck  try a TCP connection to the server's SMB port first (not for the demo backend), so a
 *                           dead server fails within {@link #reachabilityTimeout()} instead of the OS's long timeouts
 * @param jitter             the longest random pause between starting two servers, so a large fleet is not hit in
 *                           one burst; zero starts them back to back
 * @param hide               which sessions to leave out of the results
 */
public record PollerOptions(Duration serverDeadline, int maxConcurrency, InfoLevel requestedLevel,
                            String clientFilter, String userFilter, int preferredMaxLength,
                            boolean reachabilityCheck, Duration jitter, SessionFilter hide) {

    /**
     * A poll thread waits on the network, not the CPU, so the limit is set by what the LAN and the servers should
     * take, not by cores: 64 calls at once poll a 500-server estate answering in 20–200 ms in about a second (see
     * BENCHMARKS.md, fan-out with the app's defaults), and no more than 64 sessions are being opened at any moment.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 64;
    /** Spreads the first {@link #DEFAULT_MAX_CONCURRENCY} starts over about 0.2 s instead of one burst of SYNs. */
    public static final Duration DEFAULT_JITTER = Duration.ofMillis(5);
    /** The TCP pre-check never needs longer: a live server on a LAN or VPN answers a SYN well within this. */
    public static final Duration MAX_REACHABILITY_TIMEOUT = Duration.ofMillis(1500);

    public PollerOptions {
        Objects.requireNonNull(serverDeadline, "serverDeadline");
        Objects.requireNonNull(requestedLevel, "requestedLevel");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(hide, "hide");
        if (serverDeadline.isNegative() || serverDeadline.isZero()) {
            throw new IllegalArgumentException("Invalid server deadline " + serverDeadline + ": it must be positive");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("Invalid concurrency " + maxConcurrency + ": at least 1 server at a time");
        }
        if (preferredMaxLength != NetApiStatus.MAX_PREFERRED_LENGTH && preferredMaxLength < 1) {
            throw new IllegalArgumentException("Invalid preferred maximum length " + preferredMaxLength
                    + ": use a positive number of bytes or -1 (MAX_PREFERRED_LENGTH)");
        }
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("Invalid jitter " + jitter + ": it must not be negative");
        }
        clientFilter = blankToNull(clientFilter);
        userFilter = blankToNull(userFilter);
    }

    /** Level 502, 10 s per server, no filters, nothing hidden, no TCP pre-check. */
    public static PollerOptions defaults() {
        return new PollerOptions(AppConfig.DEFAULT_SERVER_DEADLINE, DEFAULT_MAX_CONCURRENCY, InfoLevel.LEVEL_502,
                null, null, NetApiStatus.MAX_PREFERRED_LENGTH, false, DEFAULT_JITTER, SessionFilter.NONE);
    }

    /** The deadline, pre-check and hide options the user configured; everything else default. */
    public static PollerOptions from(AppConfig config) {
        return defaults()
                .withServerDeadline(config.serverDeadline())
                .withReachabilityCheck(config.reachabilityCheck())
                .withHide(new SessionFilter(config.hideOwnSession(), config.hideComputerAccounts(),
                        config.hideAnonymous()));
    }

    /** The TCP pre-check's connect timeout: the deadline, but never more than 1.5 s. */
    public Duration reachabilityTimeout() {
        return serverDeadline.compareTo(MAX_REACHABILITY_TIMEOUT) < 0 ? serverDeadline : MAX_REACHABILITY_TIMEOUT;
    }

    /** The question to ask {@code server}. */
    public EnumerationRequest requestFor(String server) {
        return new EnumerationRequest(server, requestedLevel, clientFilter, userFilter, preferredMaxLength);
    }

    public PollerOptions withServerDeadline(Duration value) {
        return new PollerOptions(value, maxConcurrency, requestedLevel, clientFilter, userFilter, preferredMaxLength,
                reachabilityCheck, jitter, hide);
    }

    public PollerOptions withMaxConcurrency(int value) {
        return new PollerOptions(serverDeadline, value, requestedLevel, clientFilter, userFilter, preferredMaxLength,
                reachabilityCheck, jitter, hide);
    }

    public PollerOptions withRequestedLevel(InfoLevel value) {
        return new PollerOptions(serverDeadline, maxConcurrency, value, clientFilter, userFilter, preferredMaxLength,
                reachabilityCheck, jitter, hide);
    }

    /** Server-side filters; null or blank means none. */
    public PollerOptions withFilters(String client, String user) {
        return new PollerOptions(serverDeadline, maxConcurrency, requestedLevel, client, user, preferredMaxLength,
                reachabilityCheck, jitter, hide);
    }

    public PollerOptions withPreferredMaxLength(int value) {
        return new PollerOptions(serverDeadline, maxConcurrency, requestedLevel, clientFilter, userFilter, value,
                reachabilityCheck, jitter, hide);
    }

    public PollerOptions withReachabilityCheck(boolean value) {
        return new PollerOptions(serverDeadline, maxConcurrency, requestedLevel, clientFilter, userFilter,
                preferredMaxLength, value, jitter, hide);
    }

    public PollerOptions withJitter(Duration value) {
        return new PollerOptions(serverDeadline, maxConcurrency, requestedLevel, clientFilter, userFilter,
                preferredMaxLength, reachabilityCheck, value, hide);
    }

    public PollerOptions withHide(SessionFilter value) {
        return new PollerOptions(serverDeadline, maxConcurrency, requestedLevel, clientFilter, userFilter,
                preferredMaxLength, reachabilityCheck, jitter, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
