package org.sessionwatch.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Validation of the server names a person types or imports. */
public final class ServerNames {
    // RFC 1123 labels; NetBIOS names are a subset once the 15-character limit is left to the server.
    private static final Pattern HOST = Pattern.compile(
            "(?i)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("(?i)\\[?[0-9a-f:.]*:[0-9a-f:.%a-z]*]?");

    private ServerNames() {
    }

    /**
     * Returns the name trimmed and without a leading {@code \\}, or throws naming the input and why it is not a
     * server name.
     */
    public static String requireValid(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Server name is empty");
        }
        String trimmed = name.trim();
        String bare = trimmed.startsWith("\\\\") ? trimmed.substring(2) : trimmed;
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("Invalid server name '" + name + "': nothing follows \\\\");
        }
        if (bare.length() > 253) {
            throw new IllegalArgumentException("Invalid server name '" + name + "': longer than 253 characters");
        }
        if (!HOST.matcher(bare).matches() && !isIpv6Literal(bare)) {
            throw new IllegalArgumentException("Invalid server name '" + name
                    + "': use a host name, an IPv4 or IPv6 address, or \\\\NAME (letters, digits, '-', '.', '_')");
        }
        return bare;
    }

    /**
     * Whether {@code text} is an IPv6 address, optionally in brackets and with a zone ({@code fe80::1%12}). The shape
     * check alone let ":" or "a:b" through; the parse settles it. Text that starts with a hex digit or ':' and contains
     * ':' is parsed by {@link InetAddress#getByName} as a literal, never looked up in DNS. The zone is left out of the
     * parse because it names an interface of the machine that wrote the configuration, not necessarily of this one.
     */
    private static boolean isIpv6Literal(String text) {
        if (!IPV6.matcher(text).matches()) {
            return false;
        }
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.isEmpty() || Character.digit(address.charAt(0), 16) < 0 && address.charAt(0) != ':'
                || address.indexOf(':') < 0) {
            return false;
        }
        try {
            return InetAddress.getByName(address) != null;
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }
}
