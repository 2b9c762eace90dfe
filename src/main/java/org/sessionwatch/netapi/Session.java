package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One SMB session on a file server as reported by {@code NetSessionEnum}, immutable.
 *
 * <p>Every {@code SESSION_INFO_502} field is here; a field the obtained {@link #level()} does not carry, or a NULL
 * string pointer, is absent rather than zero or {@code "null"}. DWORD values are unsigned: {@code 4294967295} is a
 * real number of seconds. Client names are stored without the leading {@code \\} Windows puts in front of them.
 *
 * <p>Kept small on purpose (four unsigned ints and a presence mask instead of boxed or {@code long} values) because a
 * large estate holds around 100,000 of these at once.
 */
public final class Session {

    private static final long DWORD_MAX = 0xFFFF_FFFFL;

    private final String server;
    private final InfoLevel level;
    private final String clientName;
    private final String userName;
    private final String clientType;
    private final String transport;
    private final int openCount;
    private final int activeSeconds;
    private final int idleSeconds;
    private final int userFlags;
    /** Bit {@code 1 << field.ordinal()} set when a numeric field is present. */
    private final byte numbersPresent;

    private Session(Builder b) {
        this.server = b.server;
        this.level = b.level;
        this.clientName = b.clientName;
        this.userName = b.userName;
        this.clientType = b.clientType;
        this.transport = b.transport;
        this.openCount = b.openCount;
        this.activeSeconds = b.activeSeconds;
        this.idleSeconds = b.idleSeconds;
        this.userFlags = b.userFlags;
        this.numbersPresent = b.numbersPresent;
    }

    public static Builder builder(String server, InfoLevel level) {
        return new Builder(server, level);
    }

    /** A builder holding this session's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(server, level);
        b.clientName = clientName;
        b.userName = userName;
        b.clientType = clientType;
        b.transport = transport;
        b.openCount = openCount;
        b.activeSeconds = activeSeconds;
        b.idleSeconds = idleSeconds;
        b.userFlags = userFlags;
        b.numbersPresent = numbersPresent;
        return b;
    }

    /** The server this session was enumerated on, as configured. */
    public String server() {
        return server;
    }

    /** The information level the session was read at. */
    public InfoLevel level() {
        return level;
    }

    /** {@code sesi502_cname} without the leading {@code \\}: an IPv4/IPv6 address or a NetBIOS/DNS name. */
    public Optional<String> clientName() {
        return Optional.ofNullable(clientName);
    }

    /** {@code sesi502_username}; absent for a NULL pointer or at level 0. */
    public Optional<String> userName() {
        return Optional.ofNullable(userName);
    }

    /** {@code sesi502_num_opens}: files, devices and pipes the session holds open. */
    public OptionalLong openCount() {
        return number(SessionField.OPEN_COUNT, openCount);
    }

    /** {@code sesi502_time}: seconds since the session was established. */
    public OptionalLong activeSeconds() {
        return number(SessionField.ACTIVE_TIME, activeSeconds);
    }

    /** {@code sesi502_idle_time}: seconds since the client last did something. */
    public OptionalLong idleSeconds() {
        return number(SessionField.IDLE_TIME, idleSeconds);
    }

    /** {@code sesi502_user_flags}: {@link UserFlags#GUEST} and {@link UserFlags#NOENCRYPTION}. */
    public OptionalLong userFlags() {
        return number(SessionField.USER_FLAGS, userFlags);
    }

    /** {@code sesi502_cltype_name}, e.g. "Windows 10 Enterprise 19045" or "Unix". */
    public Optional<String> clientType() {
        return Optional.ofNullable(clientType);
    }

    /** {@code sesi502_transport}, e.g. {@code \Device\NetbiosSmb} or a NetBT transport name. */
    public Optional<String> transport() {
        return Optional.ofNullable(transport);
    }

    public boolean isGuest() {
        return hasFlag(UserFlags.GUEST);
    }

    public boolean isUnencrypted() {
        return hasFlag(UserFlags.NOENCRYPTION);
    }

    private boolean hasFlag(int flag) {
        return isPresent(SessionField.USER_FLAGS) && (userFlags & flag) != 0;
    }

    /** Whether the field has a value in this session (carried by the level and not NULL). */
    public boolean isPresent(SessionField field) {
        return switch (field) {
            case CLIENT_NAME -> clientName != null;
            case USER_NAME -> userName != null;
            case CLIENT_TYPE -> clientType != null;
            case TRANSPORT -> transport != null;
            default -> (numbersPresent & (1 << field.ordinal())) != 0;
        };
    }

    private OptionalLong number(SessionField field, int dword) {
        return isPresent(field) ? OptionalLong.of(Integer.toUnsignedLong(dword)) : OptionalLong.empty();
    }

    @Override
    public boolean equals(Object o) {
        // Numbers first: the tracker compares every session with its previous answer each poll, and the connected
        // time has usually advanced, so most comparisons end here without reading a string.
        return o instanceof Session s
                && activeSeconds == s.activeSeconds && idleSeconds == s.idleSeconds && openCount == s.openCount
                && userFlags == s.userFlags && numbersPresent == s.numbersPresent && level == s.level
                && server.equals(s.server)
                && Objects.equals(clientName, s.clientName) && Objects.equals(userName, s.userName)
                && Objects.equals(clientType, s.clientType) && Objects.equals(transport, s.transport);
    }

    /**
     * Whether both are on the same server with the same client and user names, exactly as the servers wrote them: then
     * they have the same session key for certain, without folding case (the tracker's cheap first test).
     */
    public boolean sameServerClientAndUser(Session s) {
        return server.equals(s.server) && Objects.equals(clientName, s.clientName)
                && Objects.equals(userName, s.userName);
    }

    /**
     * Whether the two differ at most in their connected time ({@code sesi_time}): one session that only aged between
     * two answers, which the tracker does not report.
     */
    public boolean equalsExceptActiveTime(Session s) {
        return idleSeconds == s.idleSeconds && openCount == s.openCount && userFlags == s.userFlags
                && numbersPresent == s.numbersPresent && level == s.level && sameServerClientAndUser(s)
                && Objects.equals(clientType, s.clientType) && Objects.equals(transport, s.transport);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, level, clientName, userName, clientType, transport,
                openCount, activeSeconds, idleSeconds, userFlags, numbersPresent);
    }

    @Override
    public String toString() {
        return "Session[" + server + " level " + level + " client=" + clientName + " user=" + userName
                + " opens=" + openCount().orElse(-1) + " active=" + activeSeconds().orElse(-1)
                + " idle=" + idleSeconds().orElse(-1) + " flags=" + userFlags().orElse(-1)
                + " type=" + clientType + " transport=" + transport + "]";
    }

    /**
     * Builds a {@link Session}. Setting a field the level does not carry is a programming error in a decoder and
     * fails at once, so a level-10 row can never show a made-up open count.
     */
    public static final class Builder {
        private final String server;
        private final InfoLevel level;
        private String clientName;
        private String userName;
        private String clientType;
        private String transport;
        private int openCount;
        private int activeSeconds;
        private int idleSeconds;
        private int userFlags;
        private byte numbersPresent;

        private Builder(String server, InfoLevel level) {
            this.server = Objects.requireNonNull(server, "server");
            this.level = Objects.requireNonNull(level, "level");
        }

        /** The raw {@code cname}; a leading {@code \\} is stripped, {@code null} means absent. */
        public Builder clientName(String rawClientName) {
            check(SessionField.CLIENT_NAME);
            this.clientName = ClientNames.strip(rawClientName);
            return this;
        }

        public Builder userName(String value) {
            check(SessionField.USER_NAME);
            this.userName = value;
            return this;
        }

        public Builder clientType(String value) {
            check(SessionField.CLIENT_TYPE);
            this.clientType = value;
            return this;
        }

        public Builder transport(String value) {
            check(SessionField.TRANSPORT);
            this.transport = value;
            return this;
        }

        /** An unsigned DWORD, 0 to 4294967295. */
        public Builder openCount(long value) {
            this.openCount = dword(SessionField.OPEN_COUNT, value);
            return this;
        }

        public Builder activeSeconds(long value) {
            this.activeSeconds = dword(SessionField.ACTIVE_TIME, value);
            return this;
        }

        public Builder idleSeconds(long value) {
            this.idleSeconds = dword(SessionField.IDLE_TIME, value);
            return this;
        }

        public Builder userFlags(long value) {
            this.userFlags = dword(SessionField.USER_FLAGS, value);
            return this;
        }

        private int dword(SessionField field, long value) {
            check(field);
            if (value < 0 || value > DWORD_MAX) {
                throw new IllegalArgumentException(field.label() + " " + value + " is not a DWORD (0.." + DWORD_MAX + ")");
            }
            numbersPresent |= (byte) (1 << field.ordinal());
            return (int) value;
        }

        private void check(SessionField field) {
            if (!level.carries(field)) {
                throw new IllegalArgumentException("Level " + level + " does not carry " + field);
            }
        }

        public Session build() {
            return new Session(this);
        }
    }
}
