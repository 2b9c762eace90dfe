package org.sessionwatch.netapi.srvsvc;

import java.util.List;
import java.util.Objects;

import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

/**
 * The {@code NetrSessionEnum} response as dcerpc's transport hands it over: {@link #unmarshal} takes the whole stub
 * and leaves the decoding to the bounded {@link SessionInfoDecoder} (see {@link StubResponse}); the decoded status
 * is both {@link #status()} and dcerpc's {@link #getReturnValue()}.
 */
public final class NetrSessionEnumResponse extends StubResponse {

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

    @Override
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
