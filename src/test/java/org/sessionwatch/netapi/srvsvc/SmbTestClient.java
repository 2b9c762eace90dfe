package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;

/**
 * A user sitting at a client machine: one SMB session to the test Samba from a chosen loopback source address
 * (127.0.0.2, 127.0.0.3 … or ::1 — Linux accepts any 127/8 address as a local one), holding some files open on the
 * share so the server counts them.
 */
final class SmbTestClient implements AutoCloseable {

    private final SMBClient client;
    private final Session session;
    private final DiskShare share;
    private final List<File> openFiles = new ArrayList<>();

    private SmbTestClient(SMBClient client, Session session, DiskShare share) {
        this.client = client;
        this.session = session;
        this.share = share;
    }

    /**
     * Connects from {@code sourceAddress} to the server on {@code serverAddress}, logs on (a null user is a guest
     * logon: an unknown name that {@code map to guest = Bad User} turns into the guest account), and opens
     * {@code files} files on the share.
     */
    static SmbTestClient connect(String sourceAddress, String serverAddress, int port, String user, String password,
                                 int files) throws IOException {
        SmbConfig config = SmbConfig.builder()
                .withSocketFactory(new SourceAddressSocketFactory(InetAddress.getByName(sourceAddress)))
                .withTimeout(10, TimeUnit.SECONDS)
                .withSigningRequired(false) // a guest session cannot be signed
                .build();
        SMBClient client = new SMBClient(config);
        try {
            Connection connection = client.connect(serverAddress, port);
            AuthenticationContext auth = user == null
                    ? new AuthenticationContext("swtest_nobody_" + sourceAddress.replace(':', '_'), "x".toCharArray(), null)
                    : new AuthenticationContext(user, password.toCharArray(), null);
            Session session = connection.authenticate(auth);
            DiskShare share = (DiskShare) session.connectShare(SambaServer.SHARE);
            SmbTestClient result = new SmbTestClient(client, session, share);
            for (int i = 0; i < files; i++) {
                result.openFiles.add(share.openFile(
                        "held-" + sourceAddress.replace(':', '_') + "-" + (user == null ? "guest" : user) + "-" + i + ".txt",
                        EnumSet.of(AccessMask.GENERIC_READ, AccessMask.GENERIC_WRITE), null,
                        EnumSet.allOf(SMB2ShareAccess.class), SMB2CreateDisposition.FILE_OPEN_IF, null));
            }
            return result;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    boolean isGuest() {
        return session.isGuest();
    }

    /** The files {@link #connect} opened, in order; named {@code held-<source>-<user>-<n>.txt} on the share. */
    List<File> heldFiles() {
        return List.copyOf(openFiles);
    }

    /** Opens (creating it if needed) one more file on the share with {@code access}, and holds it open. */
    File hold(String name, Set<AccessMask> access) {
        File file = share.openFile(name, access, null, EnumSet.allOf(SMB2ShareAccess.class),
                SMB2CreateDisposition.FILE_OPEN_IF, null);
        openFiles.add(file);
        return file;
    }

    @Override
    public void close() {
        for (File file : openFiles) {
            try {
                file.close();
            } catch (RuntimeException ignored) {
                // the server may already be gone
            }
        }
        try {
            share.close();
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // the server may already be gone
        }
        client.close();
    }

    /** Connects from a fixed local address, with a short connect timeout. */
    private static final class SourceAddressSocketFactory extends SocketFactory {
        private final InetAddress source;

        SourceAddressSocketFactory(InetAddress source) {
            this.source = source;
        }

        @Override
        public Socket createSocket() {
            return new Socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connect(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connect(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connect(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connect(new InetSocketAddress(address, port));
        }

        private Socket connect(InetSocketAddress target) throws IOException {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(target, 5000);
            return socket;
        }
    }
}
