package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.messages.RequestResponse;

/**
 * The answer to {@code NetrFileClose} (opnum 11) and {@code NetrSessionDel} (opnum 13): nothing but the 4-byte
 * {@code NET_API_STATUS}. Anything shorter or longer is a {@link MalformedStubException}, as for the enum answers.
 */
public final class NetApiStatusResponse extends RequestResponse {

    private Long status;

    @Override
    public void unmarshal(PacketInput in) throws IOException {
        unmarshalResponse(in);
    }

    @Override
    public void unmarshalResponse(PacketInput in) throws IOException {
        try {
            unmarshalStub(NdrReader.drain(in));
        } catch (NdrFormatException e) {
            throw new MalformedStubException(e);
        }
    }

    /** Decodes a stub directly, without a transport. */
    public void unmarshalStub(byte[] stub) throws NdrFormatException {
        status = new NdrReader(stub).readStatus();
    }

    /** The {@code NET_API_STATUS}, unsigned: 0, 2, 5, 2221, 2312, 2314, ... */
    public long status() {
        if (status == null) {
            throw new IllegalStateException("Response not unmarshalled yet");
        }
        return status;
    }

    /** The status as dcerpc's signed return value, so {@code getReturnCode()} and {@code isSuccess()} agree. */
    @Override
    public int getReturnValue() {
        return (int) status();
    }
}
