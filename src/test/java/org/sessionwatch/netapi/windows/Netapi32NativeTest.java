package org.sessionwatch.netapi.windows;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.NetApiException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marshalling {@link Netapi32Native} does around the exports, against a Java implementation of
 * {@link Netapi32Library} instead of the DLL: which arguments arrive, in which types and widths, and how the outputs
 * come back. In particular {@code NetFileEnum}'s resume handle is a pointer-sized cell, {@code NetSessionEnum}'s a
 * DWORD read unsigned.
 */
class Netapi32NativeTest {

    /** Records what each export received and answers from fields the test sets. */
    private static final class FakeLibrary implements Netapi32Library {
        final List<String> calls = new ArrayList<>();
        long fileResumeSeen;
        long resumeCellBytes;
        long fileResumeToReturn;
        int sessionResumeToReturn;
        final Memory buffer = new Memory(64);

        @Override
        public int NetSessionEnum(WString servername, WString UncClientName, WString username, int level,
                                  PointerByReference bufptr, int prefmaxlen, IntByReference entriesread,
                                  IntByReference totalentries, IntByReference resume_handle) {
            calls.add("NetSessionEnum " + servername + " " + UncClientName + " " + username + " " + level + " "
                    + prefmaxlen + " " + resume_handle.getValue());
            resume_handle.setValue(sessionResumeToReturn);
            return 0;
        }

        @Override
        public int NetFileEnum(WString servername, WString basepath, WString username, int level,
                               PointerByReference bufptr, int prefmaxlen, IntByReference entriesread,
                               IntByReference totalentries, DwordPtrByReference resume_handle) {
            calls.add("NetFileEnum " + servername + " " + basepath + " " + username + " " + level + " " + prefmaxlen);
            fileResumeSeen = resume_handle.getValue();
            resumeCellBytes = ((Memory) resume_handle.getPointer()).size();
            resume_handle.setValue(fileResumeToReturn);
            bufptr.setValue(buffer);
            entriesread.setValue(3);
            totalentries.setValue(7);
            return 234;
        }

        @Override
        public int NetFileClose(WString servername, int fileid) {
            calls.add("NetFileClose " + servername + " " + Integer.toUnsignedString(fileid));
            return 2314;
        }

        @Override
        public int NetSessionDel(WString servername, WString UncClientName, WString username) {
            calls.add("NetSessionDel " + servername + " " + UncClientName + " " + username);
            return 2312;
        }

        @Override
        public int NetApiBufferFree(Pointer buffer) {
            calls.add("NetApiBufferFree");
            return 0;
        }

        @Override
        public int NetApiBufferSize(Pointer buffer, IntByReference ByteCount) {
            ByteCount.setValue(64);
            return 0;
        }
    }

    private final FakeLibrary library = new FakeLibrary();

    private NetApiNative bound() throws NetApiException {
        return Netapi32Native.load("netapi32", () -> library);
    }

    @Test
    void netFileEnumPassesThePointerSizedResumeHandleBothWays() throws NetApiException {
        long in = Native.POINTER_SIZE == 8 ? 0x1_0000_0001L : 0xFFFF_FFF1L;
        long out = Native.POINTER_SIZE == 8 ? 0xFFFF_FFFF_0000_0002L : 0x8000_0002L;
        library.fileResumeToReturn = out;

        NetApiNative.EnumCall call = bound().netFileEnum("\\\\FS01", "D:\\Shares", "alice", 3, 4096, in);

        assertThat(library.resumeCellBytes).isEqualTo(Native.POINTER_SIZE);
        assertThat(library.fileResumeSeen).isEqualTo(in);
        assertThat(call).isEqualTo(new NetApiNative.EnumCall(234, library.buffer, 3, 7, out));
        assertThat(library.calls).containsExactly("NetFileEnum \\\\FS01 D:\\Shares alice 3 4096");
    }

    @Test
    void netFileEnumPassesAbsentFiltersAsNull() throws NetApiException {
        bound().netFileEnum(null, null, null, 2, -1, 0);

        assertThat(library.calls).containsExactly("NetFileEnum null null null 2 -1");
    }

    @Test
    void netSessionEnumsDwordResumeHandleComesBackUnsigned() throws NetApiException {
        library.sessionResumeToReturn = -2;

        NetApiNative.EnumCall call = bound().netSessionEnum("\\\\FS01", null, null, 502, -1, -7);

        assertThat(call.resumeHandle()).isEqualTo(0xFFFF_FFFEL);
        assertThat(library.calls).containsExactly("NetSessionEnum \\\\FS01 null null 502 -1 -7");
    }

    @Test
    void theActionsPassTheirArgumentsAndReturnTheStatusUnchanged() throws NetApiException {
        NetApiNative api = bound();

        assertThat(api.netFileClose("\\\\FS01", 0xF000_0001)).isEqualTo(2314);
        assertThat(api.netSessionDel("\\\\FS01", "\\\\PC7", null)).isEqualTo(2312);
        assertThat(library.calls).containsExactly("NetFileClose \\\\FS01 4026531841",
                "NetSessionDel \\\\FS01 \\\\PC7 null");
    }

    /** The C library's memset, to pass a {@link DwordPtrByReference} through a real JNA call on any OS. */
    interface CLibrary extends Library {
        Pointer memset(DwordPtrByReference destination, int value, long count);
    }

    @Test
    void aDwordPtrCellGoesThroughARealNativeCallAsAPointerToPointerSizedMemory() {
        // JNA instantiates the argument type reflectively before the first call; netapi32 cannot be called here, the
        // C library can, with the same marshalling
        CLibrary c = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);
        DwordPtrByReference cell = new DwordPtrByReference(5);

        c.memset(cell, 0x7F, Native.POINTER_SIZE);

        assertThat(cell.getValue()).isEqualTo(Native.POINTER_SIZE == 8 ? 0x7F7F_7F7F_7F7F_7F7FL : 0x7F7F_7F7FL);
    }

    @Test
    void aDwordPtrCellIsPointerSizedAndHoldsEveryValueOfItsWidth() {
        DwordPtrByReference cell = new DwordPtrByReference();
        assertThat(((Memory) cell.getPointer()).size()).isEqualTo(Native.POINTER_SIZE);
        assertThat(cell.getValue()).isZero();

        long widest = Native.POINTER_SIZE == 8 ? -1L : 0xFFFF_FFFFL;
        cell.setValue(widest);

        assertThat(cell.getValue()).isEqualTo(widest);
    }
}
