package org.sessionwatch.netapi.windows;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/**
 * The advapi32.dll exports for a new-credentials logon, declared by hand (winbase.h, securitybaseapi.h) for the same
 * reason as {@link Netapi32Library}: nothing is loaded until {@link Advapi32Native#load()} binds it. The password is a
 * {@link Pointer} to a UTF-16 buffer the caller clears, not a {@code String} that would linger on the heap.
 */
interface Advapi32Library extends StdCallLibrary {

    boolean LogonUserW(WString lpszUsername, WString lpszDomain, Pointer lpszPassword, int dwLogonType,
                       int dwLogonProvider, PointerByReference phToken);

    boolean ImpersonateLoggedOnUser(Pointer hToken);

    boolean RevertToSelf();

    /** kernel32.dll's {@code CloseHandle}, bound separately (see {@link Advapi32Native}). */
    interface Kernel32Library extends StdCallLibrary {
        boolean CloseHandle(Pointer hObject);
    }
}
