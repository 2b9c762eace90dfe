package org.sessionwatch.polling;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names servers may report for this machine as a session's client: every interface address, the host name and
 * its DNS form. Looked up once, on first use, by a polling thread (it may ask DNS).
 */
final class LocalMachine {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMachine.class);

    private LocalMachine() {
    }

    static Set<String> clientNames() {
        return Holder.NAMES;
    }

    private static final class Holder {
        static final Set<String> NAMES = discover();
    }

    private static Set<String> discover() {
        Set<String> names = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    names.add(address.getHostAddress());
                }
            }
        } catch (SocketException e) {
            LOG.warn("Cannot list this machine's network interfaces; 'hide own session' may miss some: {}",
                    e.getMessage());
        }
        String computerName = System.getenv("COMPUTERNAME");
        if (computerName != null && !computerName.isBlank()) {
            names.add(computerName);
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            names.add(local.getCanonicalHostName());
            names.add(local.getHostAddress());
            String host = local.getHostName();
            int dot = host.indexOf('.');
            if (dot > 0) {
                names.add(host.substring(0, dot));
            }
        } catch (UnknownHostException e) {
            LOG.warn("Cannot resolve this machine's host name; 'hide own session' matches addresses only: {}",
                    e.getMessage());
        }
        names.removeIf(n -> n == null || n.isBlank());
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        LOG.debug("This machine appears to servers as one of {}", lower);
        return Set.copyOf(lower);
    }
}
