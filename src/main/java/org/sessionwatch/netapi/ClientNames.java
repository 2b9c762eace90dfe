package org.sessionwatch.netapi;

/** Normalises the {@code cname} values servers return. */
public final class ClientNames {
    private ClientNames() {
    }

    /**
     * Strips the leading {@code \\} Windows puts before client names ({@code \\10.1.2.3} becomes {@code 10.1.2.3});
     * {@code null} stays {@code null}.
     */
    public static String strip(String raw) {
        if (raw == null) {
            return null;
        }
        int start = 0;
        while (start < raw.length() && start < 2 && raw.charAt(start) == '\\') {
            start++;
        }
        return raw.substring(start);
    }

    /** The form the {@code UncClientName} filter expects: {@code \\name}. */
    public static String toUnc(String client) {
        return "\\\\" + strip(client);
    }
}
