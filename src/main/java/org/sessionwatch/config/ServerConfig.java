package org.sessionwatch.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One monitored server. Holds no secret: a password lives in the OS credential store (or memory), looked up by
 * {@link #credentialKey()}.
 *
 * @param name           host name, FQDN, IPv4/IPv6 address or {@code \\NAME}
 * @param backend        how to ask it
 * @param enabled        whether it is polled
 * @param port           SMB port for the srvsvc backend (default 445)
 * @param username       account to log on with (srvsvc, or the Windows backend as runas /netonly does), or null for
 *                       the current user / Kerberos ticket
 * @param domain         that account's domain, or null
 * @param requireSigning whether SMB signing is required (the default; relaxing it is logged as a warning)
 */
public record ServerConfig(String name, Backend backend, boolean enabled, int port, String username, String domain,
                           boolean requireSigning) {

    public static final int DEFAULT_SMB_PORT = 445;

    public ServerConfig {
        name = ServerNames.requireValid(name);
        Objects.requireNonNull(backend, "backend");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port + " for server '" + name + "': use 1 to 65535");
        }
        username = blankToNull(username);
        domain = blankToNull(domain);
    }

    /** An enabled server on port 445 with the auto backend and no explicit credentials. */
    public static ServerConfig of(String name) {
        return builder(name).build();
    }

    public static ServerConfig of(String name, Backend backend) {
        return builder(name).backend(backend).build();
    }

    /** A builder for server {@code name} holding the defaults (auto backend, enabled, port 445, signing required). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this server's values. */
    public Builder toBuilder() {
        return new Builder(name).backend(backend).enabled(enabled).port(port).username(username).domain(domain)
                .requireSigning(requireSigning);
    }

    public Optional<String> user() {
        return Optional.ofNullable(username);
    }

    public Optional<String> userDomain() {
        return Optional.ofNullable(domain);
    }

    public boolean hasExplicitCredentials() {
        return username != null;
    }

    /** The key a password is stored under: {@code DOMAIN\\user@server}, or empty without explicit credentials. */
    public Optional<String> credentialKey() {
        if (username == null) {
            return Optional.empty();
        }
        return Optional.of((domain == null ? "" : domain + "\\") + username + "@" + name.toLowerCase(java.util.Locale.ROOT));
    }

    public ServerConfig withEnabled(boolean value) {
        return toBuilder().enabled(value).build();
    }

    public ServerConfig withPort(int value) {
        return toBuilder().port(value).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Collects a server's settings; {@link #build()} checks them as the constructor does. */
    public static final class Builder {
        private String name;
        private Backend backend = Backend.AUTO;
        private boolean enabled = true;
        private int port = DEFAULT_SMB_PORT;
        private String username;
        private String domain;
        private boolean requireSigning = true;

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder backend(Backend value) {
            backend = value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        /** The account for the srvsvc backend; null or blank for none. */
        public Builder username(String value) {
            username = value;
            return this;
        }

        public Builder domain(String value) {
            domain = value;
            return this;
        }

        public Builder requireSigning(boolean value) {
            requireSigning = value;
            return this;
        }

        /** @throws IllegalArgumentException for an invalid name or port, with the reason */
        public ServerConfig build() {
            return new ServerConfig(name, backend, enabled, port, username, domain, requireSigning);
        }
    }
}
