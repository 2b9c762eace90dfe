package org.sessionwatch.netapi.windows;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The {@code SESSION_INFO_n} and {@code FILE_INFO_n} structures of lmshare.h, with the header's field names.
 *
 * <p>Merely referencing these classes loads nothing but JNA's own dispatch library: they are not nested in a
 * {@code com.sun.jna.Library} interface (JNA would initialise the enclosing interface, and with it netapi32.dll, to
 * look up its type mapper). They describe memory only; {@link SessionInfoLayout} derives the field offsets the decoder
 * uses from them, so there is one description of the layout.
 *
 * <p>Every {@code LMSTR} is modelled as a {@link Pointer}, not a {@code String}: the strings are UTF-16LE, while
 * JNA's wide-string support follows the platform's {@code wchar_t} (4 bytes on Linux), and {@link WideStrings} must
 * decode them the same on every OS. Every {@code DWORD} is an {@code int} (4 bytes on Windows, also on x64, where a
 * {@code NativeLong} on Linux would be 8) and is read as unsigned. Alignment is {@link Structure#ALIGN_MSVC} so the
 * layout is the Windows one wherever the tests run.
 *
 * <p>Memory: {@code NetSessionEnum} returns an array of one of these structures followed by the strings they point
 * to, all in one buffer that netapi32 allocates. The caller owns that buffer and frees it with
 * {@code NetApiBufferFree} exactly once, which also frees the strings; a structure read from it must not be used
 * afterwards.
 */
public final class LmShare {

    private LmShare() {
    }

    /** The common base of these structures: Windows alignment, and access to the field offsets JNA computed. */
    public abstract static class SessionInfoStructure extends Structure {
        SessionInfoStructure() {
            super(ALIGN_MSVC);
        }

        SessionInfoStructure(Pointer memory) {
            super(memory, ALIGN_MSVC);
            read();
        }

        /** The byte offset of the field named as in lmshare.h, e.g. {@code sesi502_transport}. */
        public int offsetOf(String headerFieldName) {
            return fieldOffset(headerFieldName);
        }
    }

    /**
     * {@code SESSION_INFO_0}: the client name only. 8 bytes on x64, 4 on x86. Lives in the buffer
     * {@code NetSessionEnum} allocated; the caller frees it with {@code NetApiBufferFree}.
     */
    @Structure.FieldOrder({"sesi0_cname"})
    public static final class SESSION_INFO_0 extends SessionInfoStructure {
        /** {@code LMSTR}: the client's computer name or address, with a leading {@code \\}. */
        public Pointer sesi0_cname;

        public SESSION_INFO_0() {
        }

        /** Reads the structure at {@code memory}, which must stay valid (not yet freed) while it is read. */
        public SESSION_INFO_0(Pointer memory) {
            super(memory);
        }
    }

    /**
     * {@code SESSION_INFO_1}: client, user, open count, times and user flags. 32 bytes on x64, 24 on x86. Lives in the
     * buffer {@code NetSessionEnum} allocated; the caller frees it with {@code NetApiBufferFree}.
     */
    @Structure.FieldOrder({"sesi1_cname", "sesi1_username", "sesi1_num_opens", "sesi1_time", "sesi1_idle_time",
            "sesi1_user_flags"})
    public static final class SESSION_INFO_1 extends SessionInfoStructure {
        public Pointer sesi1_cname;
        public Pointer sesi1_username;
        /** {@code DWORD}: files, devices and pipes the session has open. */
        public int sesi1_num_opens;
        /** {@code DWORD}: seconds the session has been active. */
        public int sesi1_time;
        /** {@code DWORD}: seconds the session has been idle. */
        public int sesi1_idle_time;
        /** {@code DWORD}: {@code SESS_GUEST} and {@code SESS_NOENCRYPTION}. */
        public int sesi1_user_flags;

        public SESSION_INFO_1() {
        }

        /** Reads the structure at {@code memory}, which must stay valid (not yet freed) while it is read. */
        public SESSION_INFO_1(Pointer memory) {
            super(memory);
        }
    }

    /**
     * {@code SESSION_INFO_2}: level 1 plus the client type. 40 bytes on x64, 28 on x86. Lives in the buffer
     * {@code NetSessionEnum} allocated; the caller frees it with {@code NetApiBufferFree}.
     */
    @Structure.FieldOrder({"sesi2_cname", "sesi2_username", "sesi2_num_opens", "sesi2_time", "sesi2_idle_time",
            "sesi2_user_flags", "sesi2_cltype_name"})
    public static final class SESSION_INFO_2 extends SessionInfoStructure {
        public Pointer sesi2_cname;
        public Pointer sesi2_username;
        public int sesi2_num_opens;
        public int sesi2_time;
        public int sesi2_idle_time;
        public int sesi2_user_flags;
        /** {@code LMSTR}: the client's operating system, e.g. "Windows 10 Enterprise 19045". */
        public Pointer sesi2_cltype_name;

        public SESSION_INFO_2() {
        }

        /** Reads the structure at {@code memory}, which must stay valid (not yet freed) while it is read. */
        public SESSION_INFO_2(Pointer memory) {
            super(memory);
        }
    }

    /**
     * {@code SESSION_INFO_10}: client, user and the two times; no open count or flags. 24 bytes on x64, 16 on x86.
     * Lives in the buffer {@code NetSessionEnum} allocated; the caller frees it with {@code NetApiBufferFree}.
     */
    @Structure.FieldOrder({"sesi10_cname", "sesi10_username", "sesi10_time", "sesi10_idle_time"})
    public static final class SESSION_INFO_10 extends SessionInfoStructure {
        public Pointer sesi10_cname;
        public Pointer sesi10_username;
        public int sesi10_time;
        public int sesi10_idle_time;

        public SESSION_INFO_10() {
        }

        /** Reads the structure at {@code memory}, which must stay valid (not yet freed) while it is read. */
        public SESSION_INFO_10(Pointer memory) {
            super(memory);
        }
    }

    /**
     * {@code SESSION_INFO_502}: level 2 plus the transport. 48 bytes on x64, 32 on x86. Lives in the buffer
     * {@code NetSessionEnum} allocated; the caller frees it with {@code NetApiBufferFree}.
     */
    @Structure.FieldOrder({"sesi502_cname", "sesi502_username", "sesi502_num_opens", "sesi502_time",
            "sesi502_idle_time", "sesi502_user_flags", "sesi502_cltype_name", "sesi502_transport"})
    public static final class SESSION_INFO_502 extends SessionInfoStructure {
        public Pointer sesi502_cname;
        public Pointer sesi502_username;
        public int sesi502_num_opens;
        public int sesi502_time;
        public int sesi502_idle_time;
        public int sesi502_user_flags;
        public Pointer sesi502_cltype_name;
        /** {@code LMSTR}: the transport the client connected over, e.g. {@code \Device\NetbiosSmb}. */
        public Pointer sesi502_transport;

        public SESSION_INFO_502() {
        }

        /** Reads the structure at {@code memory}, which must stay valid (not yet freed) while it is read. */
        public SESSION_INFO_502(Pointer memory) {
            super(memory);
        }
    }

    /**
     * {@code FILE_INFO_2}: the identifier of a file, device or pipe a session has open (for {@code NetFileEnum}
     * level 2 and {@code NetFileClose}). 4 bytes everywhere. Lives in the buffer {@code NetFileEnum} allocated; the
     * caller frees it with {@code NetApiBufferFree}.
     */
    @Structure.FieldOrder({"fi2_id"})
    public static final class FILE_INFO_2 extends SessionInfoStructure {
        /** {@code DWORD}: the id {@code NetFileClose} takes. */
        public int fi2_id;

        public FILE_INFO_2() {
        }

        /** Reads the structure at {@code memory}, which must stay valid (not yet freed) while it is read. */
        public FILE_INFO_2(Pointer memory) {
            super(memory);
        }
    }

    /**
     * {@code FILE_INFO_3}: an open file with its permissions, lock count, path and user ({@code NetFileEnum} level
     * 3). 32 bytes on x64 (4 bytes of padding before the first pointer), 20 on x86. Lives in the buffer
     * {@code NetFileEnum} allocated; the caller frees it with {@code NetApiBufferFree}.
     */
    @Structure.FieldOrder({"fi3_id", "fi3_permissions", "fi3_num_locks", "fi3_pathname", "fi3_username"})
    public static final class FILE_INFO_3 extends SessionInfoStructure {
        public int fi3_id;
        /** {@code DWORD}: {@code PERM_FILE_READ}, {@code PERM_FILE_WRITE}, {@code PERM_FILE_CREATE}. */
        public int fi3_permissions;
        public int fi3_num_locks;
        /** {@code LMSTR}: the path as the server sees it, e.g. {@code D:\Shares\Finance\Q3.xlsx}. */
        public Pointer fi3_pathname;
        /** {@code LMSTR}: the user (or computer, for a null session) who opened it. */
        public Pointer fi3_username;

        public FILE_INFO_3() {
        }

        /** Reads the structure at {@code memory}, which must stay valid (not yet freed) while it is read. */
        public FILE_INFO_3(Pointer memory) {
            super(memory);
        }
    }
}
