package org.sessionwatch.netapi.windows;

import java.nio.charset.StandardCharsets;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WideStringsTest {

    private static Memory terminated(byte[] utf16) {
        Memory memory = new Memory(utf16.length + 2L + SessionBuffer.READ_AHEAD_SLACK);
        memory.write(0, utf16, 0, utf16.length);
        memory.setShort(utf16.length, (short) 0);
        return memory;
    }

    @Test
    void nullPointerIsNull() {
        assertThat(WideStrings.read(null)).isNull();
    }

    @Test
    void readsTwoBytesPerUnitRegardlessOfThePlatformWcharT() {
        // "Aé" in UTF-16LE: if wchar_t (4 bytes on Linux) were used, the second unit would be lost
        assertThat(WideStrings.read(terminated(new byte[] {'A', 0, (byte) 0xE9, 0}))).isEqualTo("Aé");
    }

    @Test
    void aZeroByteInsideACharacterIsNotATerminator() {
        // U+0100 is 00 01 in UTF-16LE: only an aligned pair of zero bytes ends the string
        assertThat(WideStrings.read(terminated("\u0100\u2000x".getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo("\u0100\u2000x");
    }

    @Test
    void longStringsSpanningChunksAndPagesAreReadWhole() {
        String text = "Jürgen-用户-😀-".repeat(1000); // ~26 KB, many chunks and 4 KiB pages
        assertThat(WideStrings.read(terminated(text.getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(text);
    }

    @Test
    void aStringAtAnOddAddressIsStillRead() {
        byte[] utf16 = "odd".getBytes(StandardCharsets.UTF_16LE);
        Memory memory = new Memory(utf16.length + 3L + SessionBuffer.READ_AHEAD_SLACK);
        memory.write(1, utf16, 0, utf16.length);
        memory.setShort(1 + utf16.length, (short) 0);
        Pointer odd = memory.share(1);

        assertThat(WideStrings.read(odd)).isEqualTo("odd");
    }

    @Test
    void stringOfExactlyTheLimitIsAccepted() {
        String text = "y".repeat(WideStrings.MAX_CHARS);
        assertThat(WideStrings.read(terminated(text.getBytes(StandardCharsets.UTF_16LE)))).hasSize(WideStrings.MAX_CHARS);
    }

    @Test
    void stringBeyondTheLimitIsRejectedNamingTheLimit() {
        String text = "y".repeat(WideStrings.MAX_CHARS + 1);
        assertThatThrownBy(() -> WideStrings.read(terminated(text.getBytes(StandardCharsets.UTF_16LE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32767");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharactersInsteadOfFailingTheEntry() {
        // a lone low surrogate (0xDC00) in the middle, and a lone high surrogate (0xD800) at the end
        byte[] utf16 = {'a', 0, 0x00, (byte) 0xDC, 'b', 0, 0x00, (byte) 0xD8};
        assertThat(WideStrings.read(terminated(utf16))).isEqualTo("a\uFFFDb\uFFFD");
    }
}
