package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;

import com.hierynomus.mssmb.SMB1NotSupportedException;
import com.hierynomus.mssmb2.SMB2MessageCommandCode;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.protocol.transport.TransportException;
import com.hierynomus.smbj.common.SMBRuntimeException;
import com.hierynomus.smbj.session.SMB2GuestSigningRequiredException;
import com.rapid7.client.dcerpc.transport.exceptions.RPCFaultException;

/** The error table of the srvsvc backend, exception by exception, without a server. */
class SrvsvcErrorsTest {

    private static final String SERVER = "fs01.corp.example";
    /** Not the SMB default, so a message that names 445 regardless is caught. */
    private static final int PORT = 4455;

    @ParameterizedTest(name = "NTSTATUS {0} -> {1}")
    @CsvSource({
            "C000006D, AUTHENTICATION_FAILED", // STATUS_LOGON_FAILURE
            "C000006A, AUTHENTICATION_FAILED", // STATUS_WRONG_PASSWORD
            "C0000064, AUTHENTICATION_FAILED", // STATUS_NO_SUCH_USER
            "C0000072, AUTHENTICATION_FAILED", // STATUS_ACCOUNT_DISABLED
            "C0000193, AUTHENTICATION_FAILED", // STATUS_ACCOUNT_EXPIRED
            "C0000234, AUTHENTICATION_FAILED", // STATUS_ACCOUNT_LOCKED_OUT
            "C000006E, AUTHENTICATION_FAILED", // STATUS_ACCOUNT_RESTRICTION
            "C0000071, AUTHENTICATION_FAILED", // STATUS_PASSWORD_EXPIRED
            "C0000224, AUTHENTICATION_FAILED", // STATUS_PASSWORD_MUST_CHANGE
            "C000018D, AUTHENTICATION_FAILED", // STATUS_TRUSTED_RELATIONSHIP_FAILURE
            "C0000022, ACCESS_DENIED",         // STATUS_ACCESS_DENIED
            "C00000CA, ACCESS_DENIED",         // STATUS_NETWORK_ACCESS_DENIED
            "C000005E, AUTHENTICATION_FAILED", // STATUS_NO_LOGON_SERVERS
            "C00000CC, UNREACHABLE",           // STATUS_BAD_NETWORK_NAME (no IPC$)
            "C0000236, UNREACHABLE",           // STATUS_CONNECTION_REFUSED
            "C000035C, UNREACHABLE",           // STATUS_NETWORK_SESSION_EXPIRED
            "C0000034, PROTOCOL_ERROR",        // STATUS_OBJECT_NAME_NOT_FOUND (no srvsvc pipe)
            "C00000B5, TIMEOUT",               // STATUS_IO_TIMEOUT
            "C00000BB, OTHER",                 // STATUS_NOT_SUPPORTED
            "C0000001, OTHER",                 // STATUS_UNSUCCESSFUL: not in the table
    })
    void mapsNtStatusCodesAndKeepsTheCode(String hex, ErrorKind kind) {
        long status = Long.parseLong(hex, 16);
        SMBApiException smb = new SMBApiException(status, SMB2MessageCommandCode.SMB2_SESSION_SETUP, null);

        NetApiError error = SrvsvcErrors.classify(smb, SERVER, PORT, false).error();

        assertThat(error.kind()).isEqualTo(kind);
        assertThat(error.code()).isEqualTo(status);
        assertThat(error.codeText()).isEqualTo("0x" + hex);
        assertThat(error.message()).contains(SERVER);
    }

    @Test
    void anNtStatusDeeplyWrappedIsStillFound() {
        IOException wrapped = new IOException(new ExecutionException(new SMBRuntimeException(
                new SMBApiException(0xC0000022L, SMB2MessageCommandCode.SMB2_CREATE, null))));

        assertThat(SrvsvcErrors.classify(wrapped, SERVER, PORT, false).error().kind())
                .isEqualTo(ErrorKind.ACCESS_DENIED);
    }

    @Test
    void accessDeniedToAnAnonymousOrGuestCallerAsksForAUser() {
        NetApiError error = SrvsvcErrors.classify(
                new SMBApiException(0xC0000022L, SMB2MessageCommandCode.SMB2_TREE_CONNECT, null), SERVER, PORT, true).error();

        assertThat(error.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(error.message()).isEqualTo(SERVER + " " + SrvsvcErrors.ANONYMOUS_REFUSED + ".");
        assertThat(error.remedyText()).hasValueSatisfying(r -> assertThat(r).contains("user name"));
    }

    @Test
    void rpcFaultsAreProtocolErrorsExceptAccessDenied() {
        assertThat(SrvsvcErrors.classify(new RPCFaultException(5), SERVER, PORT, false).error())
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS_DENIED))
                .satisfies(e -> assertThat(e.code()).isEqualTo(5));
        assertThat(SrvsvcErrors.classify(new RPCFaultException(0x1C010002), SERVER, PORT, false).error())
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR))
                .satisfies(e -> assertThat(e.code()).isEqualTo(0x1C010002L))
                .satisfies(e -> assertThat(e.message()).contains("does not implement NetrSessionEnum"));
        assertThat(SrvsvcErrors.classify(new RPCFaultException(0x6F7), SERVER, PORT, false).error().kind())
                .isEqualTo(ErrorKind.PROTOCOL_ERROR);
    }

    @Test
    void aMalformedAnswerIsAProtocolErrorNamingTheProblem() {
        IOException malformed = new IOException("stub",
                new NdrFormatException("EntriesRead 5 exceeds the 2 entries present", 24));

        NetApiError error = SrvsvcErrors.classify(malformed, SERVER, PORT, false).error();

        assertThat(error.kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
        assertThat(error.message()).contains(SERVER).contains("EntriesRead 5 exceeds");
    }

    @Test
    void aRejectedBindIsAProtocolError() {
        assertThat(SrvsvcErrors.classify(new SrvsvcPipe.BindRejectedException("BIND srvsvc failed."), SERVER, PORT,
                false).error().kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR);
    }

    @Test
    void socketProblemsMapToUnreachableOrTimeout() {
        assertThat(kind(new TransportException(new ConnectException("Connection refused")))).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(kind(new NoRouteToHostException("No route"))).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(kind(new UnknownHostException("fs01.corp.example"))).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(kind(new SocketTimeoutException("connect timed out"))).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(kind(new IOException(new InterruptedByTimeoutException()))).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(kind(new TransportException(new java.util.concurrent.TimeoutException()))).isEqualTo(ErrorKind.TIMEOUT);
    }

    @Test
    void aRefusedConnectionNamesThePortTheServerIsConfiguredWith() {
        NetApiError error = SrvsvcErrors.classify(new TransportException(new ConnectException("Connection refused")),
                SERVER, PORT, false).error();

        assertThat(error.kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(error.message()).isEqualTo(SERVER + " could not be reached.");
        assertThat(error.remedyText()).hasValue(
                "Check the name, that the server is running and that TCP port 4455 is open to you.");
    }

    @Test
    void aLostConnectionIsUnreachableAndMarkedBrokenSoTheEnumeratorReconnects() {
        SrvsvcErrors.Classified reset = SrvsvcErrors.classify(
                new IOException(new ExecutionException(new TransportException(new SocketException("Connection reset")))),
                SERVER, PORT, false);
        SrvsvcErrors.Classified eof = SrvsvcErrors.classify(new EOFException(), SERVER, PORT, false);
        SrvsvcErrors.Classified expired = SrvsvcErrors.classify(
                new SMBApiException(0xC000035CL, SMB2MessageCommandCode.SMB2_IOCTL, null), SERVER, PORT, false);

        assertThat(reset.connectionBroken()).isTrue();
        assertThat(reset.error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(eof.connectionBroken()).isTrue();
        assertThat(expired.connectionBroken()).isTrue();
    }

    @Test
    void answersFromTheServerDoNotMarkTheConnectionBroken() {
        assertThat(SrvsvcErrors.classify(new RPCFaultException(5), SERVER, PORT, false).connectionBroken()).isFalse();
        assertThat(SrvsvcErrors.classify(new SMBApiException(0xC000006DL, SMB2MessageCommandCode.SMB2_SESSION_SETUP,
                null), SERVER, PORT, false).connectionBroken()).isFalse();
    }

    @Test
    void guestLogonWithSigningAndSmb1OnlyServersHaveTheirOwnMessages() {
        assertThat(SrvsvcErrors.classify(new SMB2GuestSigningRequiredException(), SERVER, PORT, false).error())
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED))
                .satisfies(e -> assertThat(e.message()).contains("only as guest"));
        assertThat(SrvsvcErrors.classify(new SMB1NotSupportedException(), SERVER, PORT, false).error())
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.PROTOCOL_ERROR))
                .satisfies(e -> assertThat(e.message()).contains("SMB 1"));
    }

    @Test
    void anythingElseIsOtherAndStillNamesTheServer() {
        NetApiError error = SrvsvcErrors.classify(new IllegalStateException("odd"), SERVER, PORT, false).error();

        assertThat(error.kind()).isEqualTo(ErrorKind.OTHER);
        assertThat(error.message()).contains(SERVER).contains("odd");
    }

    private static ErrorKind kind(Throwable failure) {
        return SrvsvcErrors.classify(failure, SERVER, PORT, false).error().kind();
    }
}
