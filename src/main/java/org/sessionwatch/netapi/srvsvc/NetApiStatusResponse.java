package org.sessionwatch.netapi.srvsvc;

/**
 * The answer to {@code NetrFileClose} (opnum 11) and {@code NetrSessionDel} (opnum 13): nothing but the 4-byte
 * {@code NET_API_STATUS}. Anything shorter or longer is a {@link MalformedStubException}, as for the enum answers.
 */
public final class NetApiStatusResponse extends StubResponse {

    private Long status;

    @Override
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
