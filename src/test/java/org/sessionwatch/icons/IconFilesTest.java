package org.sessionwatch.icons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rendered Windows and macOS icon files in icons/ hold every size the installers and shells ask for. */
class IconFilesTest {
    private static final Path ICONS = Path.of("icons");

    @Test
    void windowsIconHoldsSixteenTo256PixelsWith256StoredAsPng() throws IOException {
        byte[] ico = Files.readAllBytes(ICONS.resolve("sessionwatch.ico"));
        ByteBuffer buffer = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buffer.getShort(2)).as("ICO type (1 = icon)").isEqualTo((short) 1);

        Map<Integer, String> formatBySize = new LinkedHashMap<>();
        int count = Short.toUnsignedInt(buffer.getShort(4));
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(ico[entry]) == 0 ? 256 : Byte.toUnsignedInt(ico[entry]); // 0 means 256
            int offset = buffer.getInt(entry + 12);
            boolean png = offset + 8 <= ico.length
                    && java.util.Arrays.equals(ico, offset, offset + 8, PngHeader.SIGNATURE, 0, 8);
            formatBySize.put(width, png ? "png" : "bmp");
            if (png) {
                byte[] head = java.util.Arrays.copyOfRange(ico, offset, offset + 24);
                assertThat(PngHeader.parse(head, "ICO entry " + i)).isEqualTo(new PngHeader(width, width));
            }
        }
        assertThat(formatBySize).containsExactly(
                Map.entry(16, "bmp"), Map.entry(24, "bmp"), Map.entry(32, "bmp"), Map.entry(40, "bmp"),
                Map.entry(48, "bmp"), Map.entry(64, "bmp"), Map.entry(96, "bmp"), Map.entry(128, "bmp"),
                Map.entry(256, "png"));
    }

    @Test
    void macIconHoldsSixteenTo1024Pixels() throws IOException {
        byte[] icns = Files.readAllBytes(ICONS.resolve("sessionwatch.icns"));
        ByteBuffer buffer = ByteBuffer.wrap(icns); // big-endian
        assertThat(new String(icns, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(buffer.getInt(4)).as("declared file length").isEqualTo(icns.length);

        Map<String, Integer> elements = new LinkedHashMap<>();
        for (int at = 8; at + 8 <= icns.length; at += buffer.getInt(at + 4)) {
            elements.put(new String(icns, at, 4, StandardCharsets.US_ASCII), buffer.getInt(at + 4));
        }
        // is32/il32/ih32/it32: 16/32/48/128 px; ic08/ic09/ic10: 256/512/1024 px (ic10 is 512@2x on Retina).
        assertThat(elements).containsKeys("is32", "il32", "ih32", "it32", "ic08", "ic09", "ic10");
    }

    @Test
    void everyRenderedPngHasTheSizeInItsName() throws IOException {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            Path png = ICONS.resolve("png/sessionwatch-" + size + ".png");
            byte[] head = Files.readAllBytes(png);
            assertThat(PngHeader.read(new ByteArrayInputStream(head), png.toString()))
                    .isEqualTo(new PngHeader(size, size));
        }
    }
}
