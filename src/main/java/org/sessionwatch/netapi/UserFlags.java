package org.sessionwatch.netapi;

import java.util.ArrayList;
import java.util.List;

/** Bits of {@code sesi502_user_flags} (lmshare.h). */
public final class UserFlags {
    /** {@code SESS_GUEST}: the user connected as a guest. */
    public static final int GUEST = 0x1;
    /** {@code SESS_NOENCRYPTION}: the session does not use password encryption. */
    public static final int NOENCRYPTION = 0x2;

    private UserFlags() {
    }

    /** Plain-language names of the bits set, e.g. ["guest", "no encryption"]; unknown bits as hex. */
    public static List<String> describe(long flags) {
        List<String> names = new ArrayList<>();
        if ((flags & GUEST) != 0) {
            names.add("guest");
        }
        if ((flags & NOENCRYPTION) != 0) {
            names.add("no encryption");
        }
        long unknown = flags & ~(long) (GUEST | NOENCRYPTION);
        if (unknown != 0) {
            names.add(String.format("0x%X", unknown));
        }
        return names;
    }
}
