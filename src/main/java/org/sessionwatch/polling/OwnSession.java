package org.sessionwatch.polling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.sessionwatch.netapi.Session;
import org.sessionwatch.config.ServerConfig;

/**
 * The session the poller opens on a server by asking it: the polling account, connected from one of this machine's
 * addresses or names. Both must match, so a colleague logged on as the same service account elsewhere stays visible.
 */
public final class OwnSession {

    private static final Pattern IPV6_LITERAL = Pattern.compile("(?i)[0-9a-f:][0-9a-f:.]*:[0-9a-f:.]*");

    /** Matches nothing; for when the hide option is off. */
    public static final OwnSession NONE = new OwnSession("", Set.of());

    private final String account;
    private final Set<String> clientNames;

    /**
     * @param account     the polling account; {@code DOMAIN\\user} and {@code user@domain} are reduced to {@code user},
     *                    as servers report bare user names
     * @param clientNames this machine's IP addresses and host names, in any of the forms servers report
     */
    public OwnSession(String account, Set<String> clientNames) {
        this.account = bareAccount(account);
        Set<String> normalised = new HashSet<>();
        for (String name : clientNames) {
            normalised.add(normaliseClient(name));
        }
        this.clientNames = Set.copyOf(normalised);
    }

    /**
     * The own session on {@code server}: its configured account (which both srvsvc and, as runas /netonly does, the
     * Windows backend log on with), or the operating-system user whose token or Kerberos ticket the Windows and
     * credential-less srvsvc backends use.
     */
    public static OwnSession forServer(ServerConfig server, Set<String> localClientNames) {
        String account = server.user().orElseGet(() -> System.getProperty("user.name", ""));
        return new OwnSession(account, localClientNames);
    }

    public boolean matches(Session session) {
        if (account.isEmpty()) {
            return false;
        }
        String user = session.userName().orElse(null);
        String client = session.clientName().orElse(null);
        if (user == null || client == null || !account.equals(bareAccount(user))) {
            return false;
        }
        String normalised = normaliseClient(client);
        if (clientNames.contains(normalised)) {
            return true;
        }
        // A server may report this machine by its DNS name where we only know the short name, or the reverse.
        int dot = normalised.indexOf('.');
        return dot > 0 && !Character.isDigit(normalised.charAt(0)) && clientNames.contains(normalised.substring(0, dot));
    }

    static String bareAccount(String account) {
        if (account == null) {
            return "";
        }
        String bare = account.trim();
        int backslash = bare.lastIndexOf('\\');
        if (backslash >= 0) {
            bare = bare.substring(backslash + 1);
        }
        int at = bare.indexOf('@');
        if (at >= 0) {
            bare = bare.substring(0, at);
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    /**
     * One spelling per address: lower case, no brackets, no IPv6 zone, IPv6 in Java's full form (Windows reports
     * {@code fe80::1}, Java lists {@code fe80:0:0:0:0:0:0:1}), and IPv4-mapped IPv6 as plain IPv4.
     */
    static String normaliseClient(String name) {
        String text = name.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (IPV6_LITERAL.matcher(text).matches()) {
            try {
                // Starting with a hex digit or ':' and containing ':', getByName parses it as an IPv6 literal and
                // rejects it if malformed; it never asks DNS for such a string.
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException | RuntimeException e) {
                return text;
            }
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    @Override
    public String toString() {
        return "OwnSession[" + account + " from " + clientNames + "]";
    }
}
