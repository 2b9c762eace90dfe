package org.sessionwatch.team;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The team database as given on the command line: {@code postgresql://host[:port]/database?user=…&sslmode=…}.
 * A password is refused here (a command line is visible to every user of the machine); it comes from
 * {@value #PASSWORD_VARIABLE} or, when that is unset, from the PostgreSQL password file ({@code ~/.pgpass}, or the
 * file {@code PGPASSFILE} names), which the driver reads itself.
 *
 * @param host       host name or address
 * @param port       TCP port (default 5432)
 * @param database   database name
 * @param parameters the query parameters (user, sslmode, sslrootcert, …), passed to the driver unchanged
 */
public record DatabaseUrl(String host, int port, String database, Map<String, String> parameters) {
    public static final String PASSWORD_VARIABLE = "SESSIONWATCH_DB_PASSWORD";
    private static final int DEFAULT_PORT = 5432;
    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "sslpassword");

    public DatabaseUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        parameters = Map.copyOf(parameters);
    }

    /** Parses the URL; the message of a refusal names what is wrong and what to write instead. */
    public static DatabaseUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw invalid(text, "it must start with postgresql://");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("the database URL contains a password: it would be visible to other"
                    + " users of this machine. Remove it and set " + PASSWORD_VARIABLE + ", or put it in ~/.pgpass.");
        }
        if (uri.getHost() == null) {
            throw invalid(text, "it names no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw invalid(text, "it names no database (postgresql://host:port/DATABASE)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawUserInfo() != null) {
            parameters.put("user", decode(uri.getRawUserInfo()));
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("the database URL contains a " + name + ": it would be"
                            + " visible to other users of this machine. Remove it and set " + PASSWORD_VARIABLE
                            + ", or put it in ~/.pgpass.");
                }
                parameters.put(name, value);
            }
        }
        if (!parameters.containsKey("user")) {
            throw invalid(text, "it names no user (add ?user=NAME)");
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, parameters);
    }

    public String user() {
        return parameters.get("user");
    }

    /**
     * Where the window keeps this login's password in the OS credential store: user, host, port and database, so a
     * password typed for one database is never sent to another.
     */
    public String credentialKey() {
        return "postgresql:" + user() + "@" + host + ":" + port + "/" + database;
    }

    /** The driver's URL, without parameters (those go in {@link #properties}). */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /**
     * The driver's connection properties: the URL's parameters, the password from {@value #PASSWORD_VARIABLE} when
     * set (else the driver looks in the password file), and a short connect timeout so a down database is noticed.
     */
    public Properties properties(Function<String, String> environment, String applicationName) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", applicationName);
        properties.putAll(parameters);
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The URL as written on a command line (no password: there never is one). */
    public String toUrlText() {
        StringBuilder text = new StringBuilder("postgresql://").append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(database);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            text.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return text.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Host, port, database and user, for messages and logs (never a secret). */
    @Override
    public String toString() {
        return "postgresql://" + host + ":" + port + "/" + database + " as " + user();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        // Echoed to the terminal: whatever stands between "//" and "@" may be a password, so it is left out.
        String shown = text.replaceFirst("//[^/@]*@", "//…@");
        return new IllegalArgumentException("'" + shown + "' is not a database URL: " + reason
                + ". Write postgresql://HOST:PORT/DATABASE?user=NAME&sslmode=verify-full.");
    }
}
