package org.sessionwatch.cli;

import java.util.List;
import java.util.Objects;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * What one CLI run polls and how, after the command line has been laid over the configuration file.
 *
 * @param config       the effective configuration: servers, interval, deadline and hide options
 * @param level        the level to ask for first
 * @param clientFilter server-side client filter, or null
 * @param userFilter   server-side user filter, or null
 */
record RunSettings(AppConfig config, InfoLevel level, String clientFilter, String userFilter) {
    RunSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(level, "level");
    }

    List<ServerConfig> servers() {
        return config.enabledServers();
    }

    /**
     * The sessions are made up: a server has the demo backend, as every server of the built-in demo fleet does. They
     * are labelled "Demo data" and never recorded in this computer's history.
     */
    boolean demoData() {
        return servers().stream().anyMatch(server -> server.backend() == Backend.DEMO);
    }
}
