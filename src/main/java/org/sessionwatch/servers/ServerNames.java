package org.sessionwatch.servers;

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
        if (!HOST.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            throw new IllegalArgumentException("Invalid server name '" + name
                    + "': use a host name, an IPv4 or IPv6 address, or \\\\NAME (letters, digits, '-', '.', '_')");
        }
        return bare;
    }
}
