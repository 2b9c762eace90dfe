package org.sessionwatch.icons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window icons the GUI puts into {@code Stage.getIcons()} reach the class path: the build copies them from
 * icons/png (rendered by icons/render.sh) to org/sessionwatch/icons in the jar.
 */
class WindowIconResourcesTest {

    @ParameterizedTest(name = "sessionwatch-{0}.png")
    @ValueSource(ints = {16, 24, 32, 48, 64, 128, 256, 512})
    void windowIconIsOnTheClassPathWithItsNominalSize(int size) throws IOException {
        String resource = "/org/sessionwatch/icons/sessionwatch-" + size + ".png";
        try (InputStream in = WindowIconResourcesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("class path resource %s", resource).isNotNull();
            assertThat(PngHeader.read(in, resource)).isEqualTo(new PngHeader(size, size));
        }
    }

    @Test
    void theMasterSizeStaysOutOfTheJar() {
        // 1024 px exists for the macOS .icns only; a window never asks for it, so it is not worth its bytes.
        assertThat(WindowIconResourcesTest.class.getResource("/org/sessionwatch/icons/sessionwatch-1024.png")).isNull();
    }

    @Test
    void headerReaderRejectsWhatIsNotAPng() {
        byte[] gif = "GIF89a-not-a-png-at-all!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> PngHeader.parse(gif, "fake.png"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fake.png is not a PNG");
    }
}
