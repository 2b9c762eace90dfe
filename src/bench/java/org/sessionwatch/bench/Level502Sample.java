package org.sessionwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic level-502 session values of a busy file server, the input of the decode and memory benchmarks.
 *
 * <p>Mixes what a real answer holds: IPv4 client addresses (a few IPv6), distinct user names, a handful of client
 * types and transports that repeat on every line, and DWORDs all over their range.
 */
public final class Level502Sample {

    /** One entry's raw values, as a server sends them. */
    public record Entry(String cname, String username, long numOpens, long time, long idleTime, long userFlags,
                        String cltypeName, String transport) {
    }

    static final String[] CLIENT_TYPES = {"Windows 10 Enterprise 19045", "Windows 11 Enterprise 22631",
            "Windows Server 2022 Standard 20348", "Unix", "macOS 14.5"};
    static final String[] TRANSPORTS = {"\\Device\\NetbiosSmb", "\\Device\\NetBT_Tcpip_{6A3C52E1-4E2B-4B89-9F1B}",
            "\\Device\\NetBT_Tcpip_{0D4F2B7A-91C3-4F5E-8A60}"};
    private static final String[] GIVEN = {"anna", "bert", "chloe", "dmitri", "eva", "farid", "gunnar", "hana",
            "ivo", "jules", "kim", "lena", "mateo", "nora", "oskar", "priya"};

    private Level502Sample() {
    }

    /** {@code count} entries; {@code salt} varies the people between servers. */
    public static List<Entry> entries(int count, int salt) {
        Random random = new Random(502L * 31 + salt);
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String client = random.nextInt(20) == 0
                    ? "2001:db8:" + Integer.toHexString(salt) + "::" + Integer.toHexString(i + 1)
                    : "10." + (salt % 250) + "." + (i / 250) + "." + (i % 250 + 1);
            String user = GIVEN[random.nextInt(GIVEN.length)] + "." + (char) ('a' + random.nextInt(26))
                    + (salt * 100_000 + i);
            entries.add(new Entry("\\\\" + client, user, random.nextInt(64), random.nextInt(Integer.MAX_VALUE),
                    random.nextInt(7_200), random.nextInt(10) == 0 ? 2 : 0,
                    CLIENT_TYPES[random.nextInt(CLIENT_TYPES.length)], TRANSPORTS[random.nextInt(TRANSPORTS.length)]));
        }
        return entries;
    }
}
