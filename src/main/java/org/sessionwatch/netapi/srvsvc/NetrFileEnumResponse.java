package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.util.Objects;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.messages.RequestResponse;

import org.sessionwatch.netapi.FileInfoLevel;

/**
 * The {@code NetrFileEnum} response as dcerpc's transport hands it over: {@link #unmarshal} takes the whole stub and
 * leaves the decoding to the bounded {@link FileInfoDecoder} (see {@link NetrSessionEnumResponse} for why
 * {@code unmarshal} is replaced).
 */
public final class NetrFileEnumResponse extends RequestResponse {

    private final FileInfoLevel requestedLevel;
    private final String server;
    private DecodedFileEnum decoded;

    /**
     * @param requestedLevel the level the request asked for; an answer at another level is malformed
     * @param server         the server name to put into the decoded files
     */
    public NetrFileEnumResponse(FileInfoLevel requestedLevel, String server) {
        this.requestedLevel = Objects.requireNonNull(requestedLevel, "requestedLevel");
        this.server = Objects.requireNonNull(server, "server");
    }

    /** @throws MalformedStubException when the stub is not a valid NetrFileEnum answer at the requested level */
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
        decoded = FileInfoDecoder.decode(stub, requestedLevel, server);
    }

    /** Everything decoded; throws {@link IllegalStateException} before {@link #unmarshal}. */
    public DecodedFileEnum decoded() {
        if (decoded == null) {
            throw new IllegalStateException("NetrFileEnum response not unmarshalled yet");
        }
        return decoded;
    }

    /** The status as dcerpc's signed return value, so {@code getReturnCode()} and {@code isSuccess()} agree. */
    @Override
    public int getReturnValue() {
        return (int) decoded().status();
    }
}
