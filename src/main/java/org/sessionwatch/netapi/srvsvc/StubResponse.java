package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.messages.RequestResponse;

/**
 * A srvsvc response as dcerpc's transport hands it over, decoded in one piece from the whole stub by a bounded
 * decoder rather than field by field.
 *
 * <p>dcerpc's own {@link RequestResponse#unmarshal} reads a subclass's fields, then the 4-byte return value, and
 * insists that nothing follows. The decoders read the status themselves as part of the stub, so this class
 * replaces {@code unmarshal}; subclasses report the decoded status through {@link #getReturnValue()}, so dcerpc's
 * {@code getReturnCode()} and {@code isSuccess()} agree with it. A malformed stub is a
 * {@link MalformedStubException} carrying the {@link NdrFormatException}.
 */
abstract class StubResponse extends RequestResponse {

    @Override
    public final void unmarshal(PacketInput in) throws IOException {
        unmarshalResponse(in);
    }

    @Override
    public final void unmarshalResponse(PacketInput in) throws IOException {
        try {
            unmarshalStub(NdrReader.drain(in));
        } catch (NdrFormatException e) {
            throw new MalformedStubException(e);
        }
    }

    /** Decodes a stub directly, without a transport. */
    public abstract void unmarshalStub(byte[] stub) throws NdrFormatException;
}
