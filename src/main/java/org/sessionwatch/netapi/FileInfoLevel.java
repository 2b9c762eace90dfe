package org.sessionwatch.netapi;

/** The information levels of {@code NetFileEnum} / {@code NetrFileEnum} (lmshare.h, MS-SRVS 2.2.4.6–2.2.4.7). */
public enum FileInfoLevel {
    /** {@code FILE_INFO_2}: the file id only. */
    LEVEL_2(2),
    /** {@code FILE_INFO_3}: id, permissions, number of locks, path and user name. */
    LEVEL_3(3);

    private final int code;

    FileInfoLevel(int code) {
        this.code = code;
    }

    /** The numeric level as passed on the wire and to netapi32. */
    public int code() {
        return code;
    }
}
