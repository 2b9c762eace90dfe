package org.sessionwatch.netapi.windows;

import com.sun.jna.Native;
import com.sun.jna.ptr.ByReference;

/**
 * A {@code PDWORD_PTR}: a pointer to an unsigned integer as wide as a pointer, 8 bytes in a 64-bit process and 4 in a
 * 32-bit one. {@code NetFileEnum}'s resume handle is one. An {@code IntByReference} there would let netapi32 write 8
 * bytes into 4 on x64; a {@code LongByReference} would hand it 8 bytes where it reads 4 on x86. Java holds the value
 * in a {@code long}, unsigned on x86.
 *
 * <p>Public with a public no-argument constructor because JNA instantiates every {@code NativeMapped} argument type
 * once, reflectively, to learn its native type; a package-private one fails the call on Windows with "requires a public
 * no-arg constructor" ({@code Netapi32NativeTest} passes one through a real native call to prove it).
 */
public final class DwordPtrByReference extends ByReference {

    public DwordPtrByReference() {
        this(0);
    }

    DwordPtrByReference(long value) {
        super(Native.POINTER_SIZE);
        setValue(value);
    }

    /**
     * @throws IllegalArgumentException in a 32-bit process, for a value that does not fit in 32 bits (a handle is
     *                                  only ever one a page returned, so this means a bug, not a server problem)
     */
    void setValue(long value) {
        if (Native.POINTER_SIZE == 8) {
            getPointer().setLong(0, value);
        } else {
            if (value >>> 32 != 0) {
                throw new IllegalArgumentException("A DWORD_PTR of a 32-bit process cannot hold " + value);
            }
            getPointer().setInt(0, (int) value);
        }
    }

    long getValue() {
        return Native.POINTER_SIZE == 8 ? getPointer().getLong(0) : Integer.toUnsignedLong(getPointer().getInt(0));
    }
}
