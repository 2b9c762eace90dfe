package org.sessionwatch.ui.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.UserFlags;
import org.sessionwatch.tracking.SessionKey;
import org.sessionwatch.tracking.TrackedSession;

/**
 * What the table shows of one session at one moment: the tracker's immutable session, whether its server failed
 * the last poll, and the client's reverse-DNS name (null when unknown or not asked for). Immutable, so the tracker
 * thread filters and sorts these while the FX thread shows the rows. The tracker thread keeps the values of a
 * session's last event; rows show them {@linkplain #asOf as of} the server's latest answer.
 */
public record RowValues(TrackedSession tracked, boolean stale, String hostName) implements FilterableRow {

    public RowValues {
        Objects.requireNonNull(tracked, "tracked");
    }

    public Session session() {
        return tracked.session();
    }

    public SessionKey key() {
        return tracked.key();
    }

    public String server() {
        return tracked.key().server();
    }

    public String user() {
        return session().userName().orElse("");
    }

    public String client() {
        return session().clientName().orElse("");
    }

    /** The client with its host name, as the Client column shows it. */
    public String clientText() {
        return hostName == null || hostName.isBlank() ? client() : client() + " (" + hostName + ")";
    }

    public String clientType() {
        return session().clientType().orElse("");
    }

    public String transport() {
        return session().transport().orElse("");
    }

    /** "guest, no encryption", "" when no flag is set or the level carries none. */
    public String flagsText() {
        return flagsText(session());
    }

    static String flagsText(Session session) {
        List<String> names = UserFlags.describe(session.userFlags().orElse(0));
        return String.join(", ", names);
    }

    @Override
    public String filterValue(FilterChip.Kind kind) {
        return switch (kind) {
            case USER -> user();
            case CLIENT -> client();
            case SERVER -> server();
        };
    }

    /** Any text column: server, user, client, host name, client type, transport, flags. */
    @Override
    public boolean matchesSearch(String lowerNeedle) {
        return FilterModel.contains(server(), lowerNeedle) || FilterModel.contains(user(), lowerNeedle)
                || FilterModel.contains(client(), lowerNeedle) || FilterModel.contains(hostName, lowerNeedle)
                || FilterModel.contains(clientType(), lowerNeedle) || FilterModel.contains(transport(), lowerNeedle)
                || FilterModel.contains(flagsText(), lowerNeedle);
    }

    public Instant seenAt() {
        return tracked.seenAt();
    }

    public InfoLevel requestedLevel() {
        return tracked.requestedLevel();
    }

    /** When the session was established, computed from the time it was seen minus its connected time. */
    public Optional<Instant> connectedSince() {
        long start = tracked.startEpochSecond();
        return start == SessionKey.UNKNOWN_START ? Optional.empty() : Optional.of(Instant.ofEpochSecond(start));
    }

    /**
     * Whether a filter could judge the two differently. Server, client and user are the session's identity and never
     * change; with every connected time advancing each poll, this spares re-filtering 100,000 rows that only aged.
     */
    boolean sameFilterText(RowValues other) {
        Session a = session();
        Session b = other.session();
        return Objects.equals(hostName, other.hostName) && a.clientType().equals(b.clientType())
                && a.transport().equals(b.transport()) && a.userFlags().equals(b.userFlags());
    }

    /**
     * These values as of a later answer of the server that still contained the session unchanged: its connected time
     * advanced, seen then ({@link TrackedSession#asOf}). This instance when {@code answeredAt} is null or not later.
     */
    RowValues asOf(Instant answeredAt) {
        TrackedSession aged = tracked.asOf(answeredAt);
        return aged == tracked ? this : new RowValues(aged, stale, hostName);
    }

    /**
     * The Connected column's sort key: ascending with the age (a later start first), an unknown start last. Read from
     * the start, which stays put while the session ages, so the column sorts without new values each poll.
     */
    long ageOrder() {
        long start = tracked.startEpochSecond();
        return start == SessionKey.UNKNOWN_START ? Long.MAX_VALUE : -start;
    }

    RowValues withStale(boolean value) {
        return value == stale ? this : new RowValues(tracked, value, hostName);
    }

    RowValues withHostName(String value) {
        return Objects.equals(value, hostName) ? this : new RowValues(tracked, stale, value);
    }
}
