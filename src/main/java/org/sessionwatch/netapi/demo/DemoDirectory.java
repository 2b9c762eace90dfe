package org.sessionwatch.netapi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The simulated organisation behind the demo fleet: people, their workstations, and the small vocabularies (client
 * types, transports) servers report.
 *
 * <p>Every string here is created once when the fleet is built and then handed out by reference on every poll, so a
 * GUI holding 100,000 demo sessions pays for each user, client, client type and transport name once, not per row.
 */
final class DemoDirectory {

    static final String CLIENT_WINDOWS_10 = "Windows 10 Enterprise 19045";
    static final String CLIENT_WINDOWS_11 = "Windows 11 Pro 22631";
    static final String CLIENT_WINDOWS_11_ENT = "Windows 11 Enterprise 26100";
    static final String CLIENT_SERVER_2022 = "Windows Server 2022 Standard 20348";
    static final String CLIENT_MACOS = "macOS";
    static final String CLIENT_UNIX = "Unix";
    static final String CLIENT_SAMBA = "Samba 4.19.5-Debian";

    static final String TRANSPORT_NETBIOS_SMB = "\\Device\\NetbiosSmb";
    static final String TRANSPORT_NETBT_LAN = "\\Device\\NetBT_Tcpip_{8A3C5B1E-4F2D-4C7A-9E61-2B0D7F5A9C33}";
    static final String TRANSPORT_NETBT_VPN = "\\Device\\NetBT_Tcpip_{D14E7F02-93B6-4A58-B1C9-6E2F08A7C415}";
    static final String TRANSPORT_QUIC = "QUIC";

    /**
     * First names, a few deliberately outside ASCII: account names with umlauts and accents exist in real
     * directories and must survive every backend, table and export unchanged.
     */
    private static final List<String> FIRST_NAMES = List.of(
            "Jürgen", "Zoë", "François", "Søren", "Ana", "Łukasz", "Mei", "Aarav", "Olivia", "Liam", "Emma", "Noah",
            "Sophie", "Lucas", "Chloé", "Hugo", "Léa", "Marta", "Pieter", "Ingrid", "Yuki", "Kofi", "Fatima", "Omar",
            "Elena", "Mateo", "Grace", "Tom", "Nina", "Ravi", "Hannah", "Jonas", "Clara", "Mehmet", "Aisha", "Paul");
    private static final List<String> LAST_NAMES = List.of(
            "Müller", "Schmidt", "Martin", "Dubois", "Rossi", "Novak", "Jensen", "Kowalski", "Garcia", "Smith",
            "Brown", "Tanaka", "Nguyen", "Okafor", "Larsen", "Bernard", "Weber", "Moreau", "Silva", "Costa",
            "Fischer", "Petit", "Yılmaz", "Andersen", "Keller", "Leroy", "Wagner", "Haddad");

    /** A person and the machine they work on; all strings shared. */
    record Person(String account, Workstation workstation) {
    }

    /**
     * A client machine as servers name it: Windows reports the client's IP address (v4 or v6) for SMB 2/3 sessions
     * and a NetBIOS/DNS name for some older or non-Windows clients.
     */
    record Workstation(String computerAccount, String ipv4, String ipv6, String hostName, String clientType) {
    }

    private final List<Person> people;
    private final List<Workstation> servers;

    DemoDirectory(Random random) {
        this.people = buildPeople(random);
        this.servers = buildServerClients();
    }

    List<Person> people() {
        return people;
    }

    /** Machines that connect as themselves (backup, deployment servers). */
    List<Workstation> serverClients() {
        return servers;
    }

    private static List<Person> buildPeople(Random random) {
        List<Person> result = new ArrayList<>();
        int machine = 1;
        for (String last : LAST_NAMES) {
            for (String first : FIRST_NAMES) {
                // About one name pair in two is an employee; the rest of the cross product stays unused.
                if (random.nextInt(2) != 0) {
                    continue;
                }
                String account = (first + "." + last).toLowerCase(Locale.ROOT);
                result.add(new Person(account, workstation(machine++, random)));
            }
        }
        return List.copyOf(result);
    }

    private static Workstation workstation(int number, Random random) {
        String pcName = String.format(Locale.ROOT, "PC%03d", number);
        int roll = random.nextInt(100);
        String clientType;
        String hostName;
        if (roll < 45) {
            clientType = CLIENT_WINDOWS_10;
            hostName = pcName;
        } else if (roll < 75) {
            clientType = CLIENT_WINDOWS_11;
            hostName = pcName;
        } else if (roll < 85) {
            clientType = CLIENT_WINDOWS_11_ENT;
            hostName = pcName;
        } else if (roll < 93) {
            clientType = CLIENT_MACOS;
            hostName = String.format(Locale.ROOT, "mac-%03d.corp.example", number);
        } else {
            clientType = CLIENT_UNIX;
            hostName = String.format(Locale.ROOT, "ws%03d.eng.corp.example", number);
        }
        String ipv4 = "10." + (10 + random.nextInt(4) * 10) + "." + (1 + number / 250) + "." + (1 + number % 250);
        String ipv6 = String.format(Locale.ROOT, "2001:db8:10:%x::%x", 1 + number / 250, 0x100 + number);
        return new Workstation(pcName + "$", ipv4, ipv6, hostName, clientType);
    }

    private static List<Workstation> buildServerClients() {
        return List.of(
                new Workstation("BACKUP01$", "10.10.0.21", "2001:db8:10::21", "BACKUP01", CLIENT_SERVER_2022),
                new Workstation("SCCM01$", "10.10.0.35", "2001:db8:10::35", "SCCM01", CLIENT_SERVER_2022),
                new Workstation("BUILD-07$", "10.30.0.7", "2001:db8:30::7", "build-07.eng.corp.example",
                        CLIENT_SAMBA));
    }
}
