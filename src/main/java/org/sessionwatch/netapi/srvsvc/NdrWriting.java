package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.io.ndr.Alignment;
import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.objects.WChar;

/**
 * The NDR20 pieces every srvsvc request here is made of, written with dcerpc's {@link PacketOutput}: referent ids
 * 0x00020000 + 4n in marshalling order, NULL pointers taking none, zero pads, which is byte for byte what Windows
 * and Samba clients send (the vectors in {@code ndr-vectors} prove it).
 */
final class NdrWriting {

    private NdrWriting() {
    }

    /** A unique {@code [string] wchar_t*}: referent id, then MaximumCount, Offset 0, ActualCount, UTF-16LE and NUL. */
    static void writeUniqueString(PacketOutput out, String value) throws IOException {
        out.align(Alignment.FOUR);
        if (out.writeReferentID(value)) {
            out.writeMarshallable(WChar.NullTerminated.of(value));
        }
    }

    /**
     * The part of {@code NetrSessionEnum} and {@code NetrFileEnum} after the filters: the {@code *_ENUM_STRUCT}
     * (Level, the union discriminant, a pointer to an empty container: EntriesRead 0 and a NULL Buffer, which the
     * server allocates), {@code PreferedMaximumLength} (-1 is {@code MAX_PREFERRED_LENGTH}) and the unique
     * {@code ResumeHandle} with its value, or a NULL pointer for {@code null}.
     */
    static void writeEnumStruct(PacketOutput out, int level, int preferredMaximumLength, Integer resumeHandle)
            throws IOException {
        out.align(Alignment.FOUR);
        out.writeInt(level);
        out.writeInt(level);
        out.writeReferentID();
        out.writeInt(0);
        out.writeNull();
        out.writeInt(preferredMaximumLength);
        if (out.writeReferentID(resumeHandle)) {
            out.writeInt(resumeHandle.intValue());
        }
    }

    /** A request's stub bytes: what goes after the request PDU header. */
    static byte[] stubBytes(RequestCall<?> request) {
        try {
            return request.getStub();
        } catch (IOException e) {
            throw new UncheckedIOException("Marshalling into memory failed", e);
        }
    }

    /** Refuses a string with a NUL inside: the server would read it cut short and act on another name. */
    static String requireNoNul(String parameter, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(parameter + " '" + value.replace('\0', '?')
                    + "' contains a NUL character, which would cut the string short on the server");
        }
        return value;
    }
}
