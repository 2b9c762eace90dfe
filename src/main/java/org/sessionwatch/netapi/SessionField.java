package org.sessionwatch.netapi;

/** The fields of {@code SESSION_INFO_502}; lower levels carry a subset (see {@link InfoLevel#carries}). */
public enum SessionField {
    CLIENT_NAME("Client", "cname"),
    USER_NAME("User", "username"),
    OPEN_COUNT("Open files", "num_opens"),
    ACTIVE_TIME("Connected", "time"),
    IDLE_TIME("Idle", "idle_time"),
    USER_FLAGS("Flags", "user_flags"),
    CLIENT_TYPE("Client type", "cltype_name"),
    TRANSPORT("Transport", "transport");

    private final String label;
    private final String memberSuffix;

    SessionField(String label, String memberSuffix) {
        this.label = label;
        this.memberSuffix = memberSuffix;
    }

    /**
     * The structure member's name at {@code level}, e.g. {@code sesi502_cltype_name}: the same in lmshare.h and in
     * the MS-SRVS IDL, so both backends name fields in errors (and the JNA structures) the way the docs do.
     */
    public String memberName(InfoLevel level) {
        return "sesi" + level.code() + "_" + memberSuffix;
    }

    /** A short label a helpdesk agent understands. */
    public String label() {
        return label;
    }
}
