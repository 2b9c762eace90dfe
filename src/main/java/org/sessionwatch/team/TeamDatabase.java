package org.sessionwatch.team;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sessionwatch.history.HistoryRepository;
import org.sessionwatch.history.JdbcHistoryRepository;
import org.sessionwatch.history.Vendor;

/**
 * The team database: connections for collectors and readers, and the schema (history plus live state, heartbeat,
 * audit and roles), brought up to date by the collector with Flyway from the PostgreSQL migration folders.
 */
public final class TeamDatabase {
    /** The channel every collector commit is announced on; the payload is {@link Notice}'s JSON, never the data. */
    public static final String CHANNEL = "sessionwatch_live";

    private final DatabaseUrl url;
    private final Function<String, String> environment;

    public TeamDatabase(DatabaseUrl url, Function<String, String> environment) {
        this.url = Objects.requireNonNull(url, "url");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public DatabaseUrl url() {
        return url;
    }

    /** A new connection in auto-commit mode; {@code purpose} shows in {@code pg_stat_activity}. */
    public Connection connect(String purpose) throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.properties(environment, "SessionWatch " + purpose));
    }

    /**
     * Creates or updates the schema. History and team migrations share the PostgreSQL folder and version numbers of
     * independent features, so a later feature's lower version is applied after a higher one (out of order).
     */
    public void migrate() {
        List<String> locations = new ArrayList<>(Vendor.POSTGRESQL.migrationLocations());
        try {
            Flyway.configure(TeamDatabase.class.getClassLoader())
                    .dataSource(dataSource("migration"))
                    .locations(locations.toArray(String[]::new))
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new TeamException("Cannot prepare the team database " + url + ": " + e.getMessage()
                    + " The collector's database user must own the database (or have CREATE on it and CREATEROLE);"
                    + " see the README, \"Team mode\".", e);
        }
    }

    private PGSimpleDataSource dataSource(String purpose) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url.jdbcUrl());
        url.properties(environment, "SessionWatch " + purpose)
                .forEach((name, value) -> setProperty(source, (String) name, (String) value));
        return source;
    }

    private static void setProperty(PGSimpleDataSource source, String name, String value) {
        try {
            source.setProperty(name, value);
        } catch (SQLException e) {
            throw new TeamException("The database URL's parameter " + name + " is not known to the PostgreSQL"
                    + " driver: " + e.getMessage(), e);
        }
    }

    /**
     * Everything the collectors stored, read in one connection.
     *
     * @throws TeamException with {@link #describe} of the failure
     */
    public LiveState readLiveState(String purpose) {
        try (Connection connection = connect(purpose)) {
            return LiveStateReader.readAll(connection);
        } catch (SQLException e) {
            throw new TeamException(describe(e), e);
        }
    }

    /**
     * Each server's open files as the active collector last listed them, by server name.
     *
     * @throws TeamException with {@link #describe} of the failure
     */
    public java.util.Map<String, org.sessionwatch.netapi.OpenFilesResult> readOpenFiles(String purpose) {
        try (Connection connection = connect(purpose)) {
            return TeamOpenFiles.read(connection);
        } catch (SQLException e) {
            throw new TeamException(describe(e), e);
        }
    }

    /**
     * Answers {@code question} from the collectors' history (the same schema and queries as the desktop's), in one
     * connection.
     *
     * @throws TeamException with {@link #describe} when the database cannot be used
     */
    public <T> T readHistory(String purpose, java.util.function.Function<HistoryRepository, T> question) {
        try (Connection connection = connect(purpose)) {
            connection.setReadOnly(true);
            return question.apply(new JdbcHistoryRepository(connection));
        } catch (SQLException e) {
            throw new TeamException(describe(e), e);
        }
    }

    /**
     * The alerts the collectors stored at or after {@code since}, oldest first (at most the latest 500), for a
     * console's alert list when it starts; later ones reach it through {@link SourceFollower.Listener#alertsStored}.
     *
     * @throws TeamException with {@link #describe} of the failure
     */
    public List<TeamAlerts.Stored> readAlerts(java.time.Instant since, String purpose) {
        try (Connection connection = connect(purpose)) {
            return TeamAlerts.since(connection, since);
        } catch (SQLException e) {
            throw new TeamException(describe(e), e);
        }
    }

    /** Plain words for a connection failure, with the remedy. */
    public String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "The team database " + url + " refused the login (" + e.getMessage() + "). Check the user and"
                    + " set " + DatabaseUrl.PASSWORD_VARIABLE + " or the password in ~/.pgpass.";
        }
        if (state.startsWith("08")) {
            return "The team database " + url + " cannot be reached (" + e.getMessage() + "). Check that PostgreSQL"
                    + " runs there and accepts connections from this computer.";
        }
        if (state.equals("42P01")) {
            return "The team database " + url + " has no SessionWatch tables yet: start a collector"
                    + " (sessionwatch --collect --db URL) once to create them.";
        }
        if (state.equals("42501")) {
            return "The team database " + url + " refused this (" + e.getMessage() + "): the user lacks the"
                    + " rights; make it a member of sessionwatch_reader (consoles) or sessionwatch_collector.";
        }
        return "The team database " + url + " failed: " + e.getMessage();
    }
}
