package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.messages.RequestResponse;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/**
 * The {@code NetrSessionEnum} response as dcerpc's transport hands it over: {@link #unmarshal} takes the whole stub
 * and leaves the decoding to the bounded {@link SessionInfoDecoder}.
 *
 * <p>dcerpc's own {@link RequestResponse#unmarshal} reads a subclass's fields, then the 4-byte return value, and
 * insists that nothing follows. The decoder reads the status itself as part of the stub, so this class replaces
 * {@code unmarshal} and reports the decoded status through {@link #getReturnValue()} as well as {@link #status()}:
 * dcerpc's {@code getReturnCode()} and {@code isSuccess()} agree with it.
 */
public final class NetrSessionEnumResponse extends RequestResponse {

    private final InfoLevel requestedLevel;
    private final String server;
    private DecodedSessionEnum decoded;

    /**
     * @param requestedLevel the level the request asked for; an answer at another level is malformed
     * @param server         the server name to put into the decoded sessions
     */
    public NetrSessionEnumResponse(InfoLevel requestedLevel, String server) {
        this.requestedLevel = Objects.requireNonNull(requestedLevel, "requestedLevel");
        this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * Reads every remaining stub byte and decodes it.
     *
     * @throws MalformedStubException when the stub is not a valid NetrSessionEnum answer at the requested level
     */
    @Override
    public void unmarshal(PacketInput in) throws IOException {
        unmarshalResponse(in);
    }

    @Override
    public void unmarshalResponse(PacketInput in) throws IOException {
        byte[] stub = NdrReader.drain(in);
        try {
            decoded = SessionInfoDecoder.decode(stub, requestedLevel, server);
        } catch (NdrFormatException e) {
            throw new MalformedStubException(e);
        }
    }

    /** Decodes a stub directly, without a transport. */
    public void unmarshalStub(byte[] stub) throws NdrFormatException {
        decoded = SessionInfoDecoder.decode(stub, requestedLevel, server);
    }

    /** Everything decoded; throws {@link IllegalStateException} before {@link #unmarshal}. */
    public DecodedSessionEnum decoded() {
        if (decoded == null) {
            throw new IllegalStateException("NetrSessionEnum response not unmarshalled yet");
        }
        return decoded;
    }

    /** The {@code NET_API_STATUS} from the stub, unsigned: 0, 234 (more data), 5 (access denied), ... */
    public long status() {
        return decoded().status();
    }

    /** The sessions on this page; empty unless the status is 0 or 234. */
    public List<Session> entries() {
        return decoded().entries();
    }

    /** {@code TotalEntries}, unsigned. */
    public long totalEntries() {
        return decoded().totalEntries();
    }

    /** The opaque handle to send back for the next page, or {@code null} for a NULL pointer. */
    public Integer resumeHandle() {
        return decoded().resumeHandle();
    }

    public InfoLevel level() {
        return requestedLevel;
    }

    /** The status as dcerpc's signed return value, so {@code getReturnCode()} and {@code isSuccess()} work. */
    @Override
    public int getReturnValue() {
        return (int) status();
    }
}
