package org.sessionwatch.netapi.windows;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The netapi32.dll exports this backend needs, declared by hand (lmshare.h, lmapibuf.h): sessions, open files,
 * closing a file, ending a session, and the buffer functions.
 *
 * <p>Deliberately not jna-platform's {@code Netapi32}: that interface holds a static {@code INSTANCE}, so touching it
 * or any structure nested in it loads the library, which fails on Linux. This interface has no instance; only
 * {@link Netapi32Native#load()} binds it. Strings are passed as {@link WString} because these functions only exist
 * with wide-string (UTF-16) parameters. None of these functions sets the thread's last error: the status is the return value.
 * {@link StdCallLibrary} because all are {@code NET_API_FUNCTION} ({@code __stdcall}): on 32-bit Windows the C
 * convention would unbalance the stack; on x64 there is only one convention and it makes no difference.
 */
interface Netapi32Library extends StdCallLibrary {

    /**
     * {@code NET_API_STATUS NetSessionEnum(LMSTR servername, LMSTR UncClientName, LMSTR username, DWORD level,
     * LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread, LPDWORD totalentries, LPDWORD resume_handle)}.
     *
     * <p>On success and on {@code ERROR_MORE_DATA} netapi32 allocates {@code bufptr}; the caller frees it with
     * {@link #NetApiBufferFree}.
     *
     * @param servername    {@code \\NAME} of the server, or {@code null} for the local computer
     * @param UncClientName {@code \\client} to list only that client's sessions, or {@code null}
     * @param username      only this user's sessions, or {@code null}
     */
    int NetSessionEnum(WString servername, WString UncClientName, WString username, int level,
                       PointerByReference bufptr, int prefmaxlen, IntByReference entriesread,
                       IntByReference totalentries, IntByReference resume_handle);

    /**
     * {@code NET_API_STATUS NetFileEnum(LMSTR servername, LMSTR basepath, LMSTR username, DWORD level,
     * LPBYTE *bufptr, DWORD prefmaxlen, LPDWORD entriesread, LPDWORD totalentries, PDWORD_PTR resume_handle)}.
     *
     * <p>Unlike {@link #NetSessionEnum}'s, the resume handle is pointer-sized. On success and on
     * {@code ERROR_MORE_DATA} netapi32 allocates {@code bufptr}; the caller frees it with {@link #NetApiBufferFree}.
     *
     * @param servername {@code \\NAME} of the server, or {@code null} for the local computer
     * @param basepath   only files whose path starts with this, or {@code null}
     * @param username   only files this user (or connection) opened, or {@code null}
     * @param level      2 ({@code FILE_INFO_2}) or 3 ({@code FILE_INFO_3})
     */
    int NetFileEnum(WString servername, WString basepath, WString username, int level, PointerByReference bufptr,
                    int prefmaxlen, IntByReference entriesread, IntByReference totalentries,
                    DwordPtrByReference resume_handle);

    /**
     * {@code NET_API_STATUS NetFileClose(LMSTR servername, DWORD fileid)}: forces the file, device or pipe with this id
     * closed; the user holding it may lose unsaved changes.
     */
    int NetFileClose(WString servername, int fileid);

    /**
     * {@code NET_API_STATUS NetSessionDel(LMSTR servername, LMSTR UncClientName, LMSTR username)}: ends the sessions of
     * {@code username} from {@code UncClientName}; either may be {@code null} (all sessions of the other), not both.
     *
     * @param UncClientName {@code \\client}, or {@code null}
     */
    int NetSessionDel(WString servername, WString UncClientName, WString username);

    /** {@code NET_API_STATUS NetApiBufferFree(LPVOID Buffer)}: releases a buffer a Net* function allocated. */
    int NetApiBufferFree(Pointer buffer);

    /**
     * {@code NET_API_STATUS NetApiBufferSize(LPVOID Buffer, LPDWORD ByteCount)}: the size of a buffer a Net* function
     * allocated, which {@code NetSessionEnum} itself does not report.
     */
    int NetApiBufferSize(Pointer buffer, IntByReference ByteCount);
}
