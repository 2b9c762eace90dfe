package org.sessionwatch.netapi;

import java.util.EnumSet;
import java.util.Set;

/** The bits of {@code fi3_permissions} (lmaccess.h {@code PERM_FILE_*} / {@code ACCESS_*}), in display order. */
public enum FilePermission {
    READ(0x01),
    WRITE(0x02),
    CREATE(0x04),
    EXECUTE(0x08),
    DELETE(0x10),
    ATTRIBUTES(0x20),
    ACL(0x40);

    private final int bit;

    FilePermission(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The named bits set in {@code permissions}; bits without a name are left out (they stay in the raw value). */
    public static Set<FilePermission> of(long permissions) {
        Set<FilePermission> set = EnumSet.noneOf(FilePermission.class);
        for (FilePermission permission : values()) {
            if ((permissions & permission.bit) != 0) {
                set.add(permission);
            }
        }
        return set;
    }
}
