package org.sessionwatch.netapi.windows;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A scripted stand-in for advapi32.dll and kernel32.dll: records every call in order into a shared event list, hands
 * out a real token-sized allocation as the handle, tracks whether the calling thread is impersonating, and fails a
 * step when told to. Tests assert the whole sequence, so a missing revert or close shows.
 */
final class ScriptedLogon implements LogonNative {

    private final List<String> events;
    private final List<Memory> tokens = new ArrayList<>();
    private int logonError;
    private int impersonateError;
    private int revertError;
    private int closeError;
    private RuntimeException impersonateThrows;
    private boolean impersonating;
    private char[] passwordSeen;

    ScriptedLogon(List<String> events) {
        this.events = events;
    }

    ScriptedLogon failLogon(int error) {
        logonError = error;
        return this;
    }

    ScriptedLogon failImpersonation(int error) {
        impersonateError = error;
        return this;
    }

    ScriptedLogon throwOnImpersonation(RuntimeException exception) {
        impersonateThrows = exception;
        return this;
    }

    ScriptedLogon failRevert(int error) {
        revertError = error;
        return this;
    }

    ScriptedLogon failClose(int error) {
        closeError = error;
        return this;
    }

    boolean impersonating() {
        return impersonating;
    }

    /** The very array the password came in, to check it was cleared afterwards. */
    char[] passwordArray() {
        return passwordSeen;
    }

    @Override
    public Logon logonNewCredentials(String user, String domain, char[] password) {
        passwordSeen = password;
        events.add("LogonUser " + (domain == null ? "" : domain + "\\") + user + " password=" + new String(password));
        if (logonError != 0) {
            return new Logon(null, logonError);
        }
        Memory token = new Memory(8);
        tokens.add(token);
        return new Logon(token, 0);
    }

    @Override
    public int impersonate(Pointer token) {
        events.add("Impersonate " + name(token));
        if (impersonateThrows != null) {
            throw impersonateThrows;
        }
        if (impersonateError != 0) {
            return impersonateError;
        }
        impersonating = true;
        return 0;
    }

    @Override
    public int revertToSelf() {
        events.add("RevertToSelf");
        if (revertError != 0) {
            return revertError;
        }
        impersonating = false;
        return 0;
    }

    @Override
    public int closeHandle(Pointer token) {
        events.add("CloseHandle " + name(token));
        return closeError;
    }

    private String name(Pointer token) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals(token)) {
                return "token" + (i + 1);
            }
        }
        return "unknown-handle";
    }
}
