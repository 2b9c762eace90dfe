package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.PipeShare;
import com.hierynomus.smbj.share.Share;
import com.rapid7.client.dcerpc.Interface;
import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.messages.RequestResponse;
import com.rapid7.client.dcerpc.transport.SMBTransport;
import com.rapid7.helper.smbj.share.NamedPipe;

/**
 * One open {@code \PIPE\srvsvc} on one server: TCP connection, SMB session, {@code IPC$} tree and the named pipe,
 * bound to MS-SRVS 3.0 with NDR20. Kept open across polls so a poll costs one RPC round trip per page.
 *
 * <p>Built by hand rather than with dcerpc's {@code SMBTransportFactories.SRVSVC}, which hides the pipe and share it
 * opens so they could never be closed. Not thread-safe; the enumerator serialises calls.
 */
final class SrvsvcPipe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SrvsvcPipe.class);
    private static final String PIPE_NAME = "srvsvc";

    /** Thrown when the server refuses the MS-SRVS bind: the pipe exists but does not speak srvsvc. */
    static final class BindRejectedException extends IOException {
        BindRejectedException(String message) {
            super(message);
        }
    }

    private final SMBClient client;
    private final Connection connection;
    private final Session session;
    private final PipeShare share;
    private final NamedPipe pipe;
    private final SMBTransport transport;
    private final boolean anonymousLogon;

    private SrvsvcPipe(SMBClient client, Connection connection, Session session, PipeShare share, NamedPipe pipe,
                       SMBTransport transport, boolean anonymousLogon) {
        this.anonymousLogon = anonymousLogon;
        this.client = client;
        this.connection = connection;
        this.session = session;
        this.share = share;
        this.pipe = pipe;
        this.transport = transport;
    }

    /**
     * Connects to {@code host:port}, logs on and binds srvsvc. Everything opened so far is closed again when a step
     * fails. Throws smbj's and dcerpc's exceptions unchanged (as {@link IOException} or runtime exceptions) for
     * {@link SrvsvcErrors} to translate.
     */
    static SrvsvcPipe open(String host, int port, SmbConfig config, SmbLogon logon) throws IOException {
        SMBClient client = new SMBClient(config);
        Session session = null;
        Share share = null;
        NamedPipe pipe = null;
        try {
            Connection connection = client.connect(host, port);
            session = connection.authenticate(logon.context());
            share = session.connectShare("IPC$");
            if (!(share instanceof PipeShare pipeShare)) {
                throw new BindRejectedException("IPC$ on " + host + " is not a pipe share");
            }
            pipe = new NamedPipe(session, pipeShare, PIPE_NAME);
            SMBTransport transport = new SMBTransport(pipe);
            try {
                transport.bind(Interface.SRVSVC_V3_0, Interface.NDR_32BIT_V2);
            } catch (IOException e) {
                // dcerpc reports a bind_nak as a plain IOException; SMB and socket failures have their own types.
                if (e.getClass() == IOException.class && e.getCause() == null) {
                    throw new BindRejectedException(e.getMessage());
                }
                throw e;
            }
            LOG.debug("Opened \\PIPE\\srvsvc on {}:{} with {} (dialect {}, signing {}, encryption {})", host, port,
                    logon, connection.getNegotiatedProtocol().getDialect(), session.isSigningRequired(),
                    session.shouldEncryptData());
            return new SrvsvcPipe(client, connection, session, pipeShare, pipe, transport, logon.isAnonymous());
        } catch (IOException | RuntimeException e) {
            closeQuietly(pipe, share, session, client);
            throw e;
        }
    }

    /** Sends one request on the pipe and reads its response. */
    <T extends RequestResponse> T call(RequestCall<T> request) throws IOException {
        return transport.call(request);
    }

    /** Whether the server let us in only as guest or anonymously: such callers are never allowed to list sessions. */
    boolean isGuestOrAnonymous() {
        // Samba does not flag a null session as such (SMB2_SESSION_FLAG_IS_NULL), so how we logged on counts too.
        return anonymousLogon || session.isGuest() || session.isAnonymous();
    }

    /** Closes pipe, tree and session politely when the connection still works, then the connection. */
    @Override
    public void close() {
        if (connection.isConnected()) {
            closeQuietly(pipe, share, session, client);
        } else {
            abandon();
        }
    }

    /**
     * Drops the TCP connection without a word to the server: for a connection that failed or timed out, where every
     * polite close would wait for answers that will not come.
     */
    void abandon() {
        try {
            connection.close(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Dropping the connection failed", e);
        }
        client.close();
    }

    /** Closes innermost first; a failing close is logged and never hides the error that led here. */
    private static void closeQuietly(NamedPipe pipe, Share share, Session session, SMBClient client) {
        try {
            if (pipe != null) {
                pipe.close();
            }
        } catch (RuntimeException e) {
            LOG.debug("Closing the srvsvc pipe failed", e);
        }
        try {
            if (share != null) {
                share.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Disconnecting IPC$ failed", e);
        }
        try {
            if (session != null) {
                session.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Logging off failed", e);
        }
        client.close();
    }
}
