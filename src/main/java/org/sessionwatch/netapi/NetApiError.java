package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure to enumerate one server, as data.
 *
 * @param kind    the category the UI and exit codes act on
 * @param code    the numeric status (Win32/NERR/RPC code, or an NTSTATUS for SMB failures); 0 when there is none
 * @param message a short plain-language sentence naming the server, without stack-trace jargon
 * @param remedy  what to do about it, when something can be done
 */
public record NetApiError(ErrorKind kind, long code, String message, String remedy) {

    public NetApiError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public Optional<String> remedyText() {
        return Optional.ofNullable(remedy);
    }

    /** The code as an administrator searches for it: decimal for Win32/NERR, hex for NTSTATUS-sized values. */
    public String codeText() {
        return code > 0xFFFF || code < 0 ? String.format("0x%08X", code) : Long.toString(code);
    }

    /** Message, code and remedy in one paragraph, for a tooltip or the CLI's stderr. */
    public String describe() {
        StringBuilder text = new StringBuilder(message);
        if (code != 0) {
            text.append(" (code ").append(codeText()).append(')');
        }
        if (remedy != null) {
            text.append(' ').append(remedy);
        }
        return text.toString();
    }
}
