package org.sessionwatch.config;

import java.util.Locale;

/** How a server is asked for its sessions. */
public enum Backend {
    /** netapi32 on Windows for a server on port 445 (with its user name, if it has one), srvsvc otherwise. */
    AUTO,
    /** {@code NetSessionEnum} from netapi32.dll, as the signed-in user or the server's account (Windows only). */
    WINDOWS,
    /** {@code NetrSessionEnum} over SMB 2/3 and the srvsvc named pipe, from any OS. */
    SRVSVC,
    /** The built-in simulated fleet. */
    DEMO;

    /** Parses "auto", "windows", "srvsvc" or "demo", naming the input and the choices when it fails. */
    public static Backend parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Invalid backend '" + text + "': use auto, windows, srvsvc or demo", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
