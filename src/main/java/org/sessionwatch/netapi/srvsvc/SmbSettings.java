package org.sessionwatch.netapi.srvsvc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.protocol.commons.socket.ProxySocketFactory;
import com.hierynomus.smbj.SmbConfig;

/**
 * The smbj settings of one srvsvc connection.
 *
 * <ul>
 *   <li><b>Timeouts.</b> The TCP connect timeout and smbj's read, write and transact timeouts (how long a request may
 *       wait for its answer, including negotiate and session setup) all equal the server deadline. The socket read
 *       timeout ({@code soTimeout}) stays 0 on purpose: smbj's packet-reader thread treats a socket timeout as a dead
 *       connection, so any finite value would kill the connection we keep open between polls whenever the poll
 *       interval is longer than it.</li>
 *   <li><b>Signing</b> is required unless the server's configuration relaxes it: a listing of who is connected is
 *       worth protecting against tampering, and every Windows server and Samba since 4.x can sign.</li>
 *   <li><b>Encryption.</b> {@code withEncryptData(true)} in smbj 0.14 does not demand encryption: it advertises the
 *       SMB 3 encryption capability and encrypts when the server supports it too. Against an SMB 2.x-only server the
 *       capability is simply not negotiated and traffic goes signed but unencrypted; only a server that itself
 *       demands encryption forces it.</li>
 *   <li><b>Anonymous logons</b> cannot sign or encrypt (there is no session key), and smbj 0.14 fails with a
 *       NullPointerException deriving SMB 3 keys for a null session that Samba does not flag as such. An anonymous
 *       attempt therefore uses SMB 2.x without signing; it can only ever learn that the server refuses anonymous
 *       callers, so nothing worth protecting travels on it.</li>
 * </ul>
 */
final class SmbSettings {

    private SmbSettings() {
    }

    static SmbConfig build(Duration deadline, boolean requireSigning, boolean anonymous) {
        long millis = Math.max(1, Math.min(deadline.toMillis(), Integer.MAX_VALUE));
        SmbConfig.Builder builder = SmbConfig.builder()
                .withSocketFactory(new ProxySocketFactory((int) millis))
                .withTimeout(millis, TimeUnit.MILLISECONDS)
                .withSoTimeout(0)
                .withSigningEnabled(true)
                .withDfsEnabled(false);
        if (anonymous) {
            return builder.withDialects(SMB2Dialect.SMB_2_1, SMB2Dialect.SMB_2_0_2)
                    .withSigningRequired(false)
                    .withEncryptData(false)
                    .build();
        }
        return builder.withSigningRequired(requireSigning).withEncryptData(true).build();
    }
}
