package org.sessionwatch.netapi.srvsvc;

import java.util.Objects;

import org.sessionwatch.netapi.FileInfoLevel;

/**
 * The {@code NetrFileEnum} response as dcerpc's transport hands it over: {@link #unmarshal} takes the whole stub and
 * leaves the decoding to the bounded {@link FileInfoDecoder} (see {@link StubResponse}).
 */
public final class NetrFileEnumResponse extends StubResponse {

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

    @Override
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
