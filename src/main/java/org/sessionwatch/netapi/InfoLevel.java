package org.sessionwatch.netapi;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.sessionwatch.netapi.SessionField.*;

/**
 * The information levels of {@code NetSessionEnum} / {@code NetrSessionEnum} and the {@code SESSION_INFO_n} fields
 * each one carries (lmshare.h, MS-SRVS 2.2.4.8–2.2.4.14).
 */
public enum InfoLevel {
    /** {@code SESSION_INFO_0}: client name only. */
    LEVEL_0(0, EnumSet.of(CLIENT_NAME)),
    /** {@code SESSION_INFO_1}: client, user, opens, times, user flags. Admin only. */
    LEVEL_1(1, EnumSet.of(CLIENT_NAME, USER_NAME, OPEN_COUNT, ACTIVE_TIME, IDLE_TIME, USER_FLAGS)),
    /** {@code SESSION_INFO_2}: level 1 plus the client type. Admin only. */
    LEVEL_2(2, EnumSet.of(CLIENT_NAME, USER_NAME, OPEN_COUNT, ACTIVE_TIME, IDLE_TIME, USER_FLAGS, CLIENT_TYPE)),
    /** {@code SESSION_INFO_10}: client, user and times; no opens or flags. */
    LEVEL_10(10, EnumSet.of(CLIENT_NAME, USER_NAME, ACTIVE_TIME, IDLE_TIME)),
    /** {@code SESSION_INFO_502}: level 2 plus the transport. Admin only. */
    LEVEL_502(502, EnumSet.allOf(SessionField.class));

    private final int code;
    private final Set<SessionField> fields;

    InfoLevel(int code, Set<SessionField> fields) {
        this.code = code;
        this.fields = fields;
    }

    /** The numeric level as passed on the wire and to netapi32. */
    public int code() {
        return code;
    }

    public boolean carries(SessionField field) {
        return fields.contains(field);
    }

    public Set<SessionField> fields() {
        return EnumSet.copyOf(fields);
    }

    public static Optional<InfoLevel> ofCode(int code) {
        for (InfoLevel level : values()) {
            if (level.code == code) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Parses "502", "level 502" and the like; names the input and the valid values when it fails. */
    public static InfoLevel parse(String text) {
        String digits = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT).replace("level", "").trim();
        try {
            return ofCode(Integer.parseInt(digits)).orElseThrow(() -> invalid(text));
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "Invalid level '" + text + "': NetSessionEnum supports levels 0, 1, 2, 10 and 502");
    }

    @Override
    public String toString() {
        return Integer.toString(code);
    }
}
