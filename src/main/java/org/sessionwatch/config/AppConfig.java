package org.sessionwatch.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the user configures. Immutable; the settings dialog and the CLI derive changed copies with
 * {@link #toBuilder()} or a {@code with…} method, so a new setting is added here (component, builder field and
 * setter) and in {@link ConfigJson}'s list of settings, and nowhere else.
 *
 * @param servers              the monitored servers, in display order; empty means "show the demo fleet"
 * @param pollInterval         time between the starts of two poll cycles
 * @param serverDeadline       how long one server may take before it is reported as timed out
 * @param hideOwnSession       hide the session the poller itself opens on every server
 * @param hideComputerAccounts hide sessions of {@code NAME$} machine accounts
 * @param hideAnonymous        hide sessions with no user name (anonymous/null sessions)
 * @param reachabilityCheck    try TCP 445 with a short timeout before calling a server
 * @param alerts               the alert rules, in the order they are listed
 * @param historyRetention     how long session history is kept after a session ended (whole days)
 * @param alertSound           the window plays a short sound when alerts fire (off by default)
 * @param teamSource           the team collector's database URL ({@code postgresql://host/db?user=…}) when the window
 *                             shows what a collector stored instead of polling the servers itself; null: this computer
 *                             polls the servers. Never holds a password.
 * @param readOnly             hide and disable every action (close a file, end a session), for staff who may look
 *                             but not act
 * @param recordHistory        whether the window records what it polls into the history database
 */
public record AppConfig(List<ServerConfig> servers, Duration pollInterval, Duration serverDeadline,
                        boolean hideOwnSession, boolean hideComputerAccounts, boolean hideAnonymous,
                        boolean reachabilityCheck, List<AlertRule> alerts, Duration historyRetention,
                        boolean alertSound, String teamSource, boolean readOnly, boolean recordHistory) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_SERVER_DEADLINE = Duration.ofSeconds(10);
    /** The longest poll interval, in the file or on the command line: a day. */
    public static final int MAX_POLL_INTERVAL_SECONDS = 86_400;
    /** The longest a server may take, in the file or on the command line: an hour. */
    public static final int MAX_SERVER_DEADLINE_SECONDS = 3_600;
    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(90);
    private static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    /** A password in a database URL: {@code //user:secret@} or a {@code password}/{@code sslpassword} parameter. */
    private static final java.util.regex.Pattern URL_PASSWORD = java.util.regex.Pattern.compile(
            "//[^/@]*:[^/@]*@|[?&](ssl)?password=", java.util.regex.Pattern.CASE_INSENSITIVE);

    public AppConfig {
        servers = List.copyOf(Objects.requireNonNull(servers, "servers"));
        alerts = List.copyOf(Objects.requireNonNull(alerts, "alerts"));
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(serverDeadline, "serverDeadline");
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("Invalid poll interval " + pollInterval.toSeconds()
                    + " s: it must be at least " + MIN_POLL_INTERVAL.toSeconds() + " s");
        }
        if (serverDeadline.isNegative() || serverDeadline.isZero()) {
            throw new IllegalArgumentException("Invalid server deadline " + serverDeadline + ": it must be positive");
        }
        teamSource = teamSource == null || teamSource.isBlank() ? null : teamSource.strip();
        if (teamSource != null && URL_PASSWORD.matcher(teamSource).find()) {
            throw new IllegalArgumentException("The team database URL contains a password: remove it and set"
                    + " SESSIONWATCH_DB_PASSWORD, save it in the credential store, or put it in ~/.pgpass");
        }
        Objects.requireNonNull(historyRetention, "historyRetention");
        if (historyRetention.toDays() < 1) {
            throw new IllegalArgumentException("Invalid history retention " + historyRetention
                    + ": it must be at least one day");
        }
    }

    public static AppConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder().servers(servers).pollInterval(pollInterval).serverDeadline(serverDeadline)
                .hideOwnSession(hideOwnSession).hideComputerAccounts(hideComputerAccounts).hideAnonymous(hideAnonymous)
                .reachabilityCheck(reachabilityCheck).alerts(alerts).historyRetention(historyRetention)
                .alertSound(alertSound)
                .teamSource(teamSource)
                .readOnly(readOnly)
                .recordHistory(recordHistory);
    }

    /** Whether the window reads a team collector's database instead of polling the servers. */
    public boolean teamMode() {
        return teamSource != null;
    }

    public AppConfig withServers(List<ServerConfig> newServers) {
        return toBuilder().servers(newServers).build();
    }

    public AppConfig withPollInterval(Duration newInterval) {
        return toBuilder().pollInterval(newInterval).build();
    }

    public List<ServerConfig> enabledServers() {
        return servers.stream().filter(ServerConfig::enabled).toList();
    }

    /** Collects settings; {@link #build()} checks them as the constructor does. Starts from the defaults. */
    public static final class Builder {
        private List<ServerConfig> servers = List.of();
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration serverDeadline = DEFAULT_SERVER_DEADLINE;
        private boolean hideOwnSession;
        private boolean hideComputerAccounts;
        private boolean hideAnonymous;
        private boolean reachabilityCheck;
        private List<AlertRule> alerts = List.of();
        private Duration historyRetention = DEFAULT_HISTORY_RETENTION;
        private boolean alertSound;
        private String teamSource;
        private boolean readOnly;
        private boolean recordHistory = true;

        private Builder() {
        }

        public Builder servers(List<ServerConfig> value) {
            servers = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        public Builder serverDeadline(Duration value) {
            serverDeadline = value;
            return this;
        }

        public Builder hideOwnSession(boolean value) {
            hideOwnSession = value;
            return this;
        }

        public Builder hideComputerAccounts(boolean value) {
            hideComputerAccounts = value;
            return this;
        }

        public Builder hideAnonymous(boolean value) {
            hideAnonymous = value;
            return this;
        }

        public Builder reachabilityCheck(boolean value) {
            reachabilityCheck = value;
            return this;
        }

        public Builder alerts(List<AlertRule> value) {
            alerts = value;
            return this;
        }

        public Builder historyRetention(Duration value) {
            historyRetention = value;
            return this;
        }

        public Builder alertSound(boolean value) {
            alertSound = value;
            return this;
        }

        /** The team collector's database URL, or null (the default) for "this computer polls the servers". */
        public Builder teamSource(String value) {
            teamSource = value;
            return this;
        }

        public Builder readOnly(boolean value) {
            readOnly = value;
            return this;
        }

        public Builder recordHistory(boolean value) {
            recordHistory = value;
            return this;
        }

        /** @throws IllegalArgumentException for an out-of-range value, with the reason */
        public AppConfig build() {
            return new AppConfig(servers, pollInterval, serverDeadline, hideOwnSession, hideComputerAccounts,
                    hideAnonymous, reachabilityCheck, alerts, historyRetention, alertSound, teamSource, readOnly,
                    recordHistory);
        }
    }
}
