package org.sessionwatch.app;

import java.time.Duration;
import java.util.Objects;

import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.netapi.demo.DemoFleet;
import org.sessionwatch.netapi.srvsvc.SrvsvcSessionEnumerator;
import org.sessionwatch.netapi.windows.WindowsSessionEnumerator;
import org.sessionwatch.polling.BackendSelector;

/**
 * The real backends, wired once for the CLI and the GUI: netapi32 on Windows (with the signed-in user's token, or
 * with the server's account and the password {@code credentials} holds for it), srvsvc over SMB everywhere (with
 * each server's account and that same password).
 * Extend {@link #create} when a backend is added; the callers only choose where passwords come from.
 */
public final class Backends {
    private Backends() {
    }

    /**
     * @param credentials where both backends look up passwords: the GUI passes the OS credential store (or
     *                    memory when there is none); the CLI passes an in-memory store holding only the run's password,
     *                    so a script never picks up a password someone saved in the GUI
     * @param deadline    the per-server deadline, which also bounds the srvsvc connect and read timeouts
     * @param demo        answers servers configured with the demo backend, or null when the caller handles those
     */
    public static BackendSelector create(CredentialStore credentials, Duration deadline, DemoFleet demo) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(deadline, "deadline");
        return new BackendSelector(server -> WindowsSessionEnumerator.forServer(server, credentials),
                SrvsvcSessionEnumerator.factory(credentials, deadline), demo, BackendSelector.runningOnWindows());
    }
}
