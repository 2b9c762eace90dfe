package org.sessionwatch.ui.sessions;

/** Reverse-DNS names of client addresses, as far as known; safe to call from any thread. */
interface HostNames {

    /** The name of {@code client}, or null when it has none, is not an address or was not looked up yet. */
    String known(String client);

    /** Starts a lookup of {@code client} unless it is not an address or was looked up already. */
    void request(String client);
}
