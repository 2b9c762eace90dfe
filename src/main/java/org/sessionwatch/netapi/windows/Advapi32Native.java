package org.sessionwatch.netapi.windows;

import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;

import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.NetApiException;

/** The real advapi32.dll and kernel32.dll behind {@link LogonNative}, loaded once per process on first use. */
final class Advapi32Native implements LogonNative {

    private static final OnceLoaded<LogonNative> SHARED = new OnceLoaded<>(Advapi32Native::load);

    private final Advapi32Library advapi32;
    private final Advapi32Library.Kernel32Library kernel32;

    private Advapi32Native(Advapi32Library advapi32, Advapi32Library.Kernel32Library kernel32) {
        this.advapi32 = advapi32;
        this.kernel32 = kernel32;
    }

    static LogonNative shared() throws NetApiException {
        return SHARED.get();
    }

    static Advapi32Native load() throws NetApiException {
        if (!Platform.isWindows()) {
            throw new NetApiException(new NetApiError(ErrorKind.OTHER, 0,
                    "Logging on with another account for the Windows backend needs Windows.",
                    "Use the srvsvc backend for this server."));
        }
        Advapi32Library advapi32 = NativeLoadFailure.bind("advapi32",
                () -> Native.load("advapi32", Advapi32Library.class));
        Advapi32Library.Kernel32Library kernel32 = NativeLoadFailure.bind("kernel32",
                () -> Native.load("kernel32", Advapi32Library.Kernel32Library.class));
        return new Advapi32Native(advapi32, kernel32);
    }

    @Override
    public Logon logonNewCredentials(String user, String domain, char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_16LE.encode(CharBuffer.wrap(password));
        Memory secret = new Memory(encoded.remaining() + 2L);
        try {
            secret.clear();
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            secret.write(0, bytes, 0, bytes.length);
            java.util.Arrays.fill(bytes, (byte) 0);
            encoded.clear();
            while (encoded.hasRemaining()) {
                encoded.put((byte) 0);
            }
            PointerByReference token = new PointerByReference();
            boolean ok = advapi32.LogonUserW(new WString(user), domain == null ? null : new WString(domain), secret,
                    LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_WINNT50, token);
            return ok ? new Logon(token.getValue(), 0) : new Logon(null, Native.getLastError());
        } finally {
            secret.clear();
            secret.close();
        }
    }

    @Override
    public int impersonate(Pointer token) {
        return advapi32.ImpersonateLoggedOnUser(token) ? 0 : Native.getLastError();
    }

    @Override
    public int revertToSelf() {
        return advapi32.RevertToSelf() ? 0 : Native.getLastError();
    }

    @Override
    public int closeHandle(Pointer token) {
        return kernel32.CloseHandle(token) ? 0 : Native.getLastError();
    }
}
