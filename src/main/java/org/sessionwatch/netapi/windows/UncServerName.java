package org.sessionwatch.netapi.windows;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sessionwatch.netapi.ClientNames;

/**
 * The {@code servername} argument of the netapi32 functions for a configured server name.
 *
 * <p>{@code \\NAME} for a configured name, {@code null} (the local computer, no network round trip) for
 * {@code localhost}. A UNC name cannot hold colons, so an IPv6 literal becomes its {@code ipv6-literal.net} name
 * ({@code fe80::1%12} becomes {@code fe80--1s12.ipv6-literal.net}), except an IPv4-mapped address
 * ({@code ::ffff:10.1.2.3}): Windows resolves its {@code ipv6-literal.net} name to nothing usable, and the server is
 * simply the IPv4 host, so it becomes {@code \\10.1.2.3}.
 */
final class UncServerName {

    /** Hex digits, colons and dots only: {@link InetAddress#getByName} parses such a string as a literal, no DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*");

    private UncServerName() {
    }

    /** The {@code servername} argument for {@code configured}, or {@code null} for the local computer. */
    static String of(String configured) {
        String bare = ClientNames.strip(configured.trim());
        if (bare.equalsIgnoreCase("localhost")) {
            return null;
        }
        if (bare.indexOf(':') >= 0) {
            String address = bare.startsWith("[") && bare.endsWith("]") ? bare.substring(1, bare.length() - 1) : bare;
            bare = mappedIpv4(address).orElseGet(() -> address.replace(':', '-').replace('%', 's') + ".ipv6-literal.net");
        }
        return ClientNames.toUnc(bare);
    }

    /** The IPv4 address an IPv4-mapped IPv6 literal ({@code ::ffff:a.b.c.d}, any spelling) stands for. */
    static Optional<String> mappedIpv4(String address) {
        int zone = address.indexOf('%');
        String literal = zone >= 0 ? address.substring(0, zone) : address;
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            // Java returns an Inet4Address for exactly the IPv4-mapped form (::ffff:0:0/96).
            InetAddress parsed = InetAddress.getByName(literal);
            return parsed instanceof Inet4Address ? Optional.of(parsed.getHostAddress()) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // malformed: left to Windows, which reports it as a bad name
        }
    }
}
