package org.sessionwatch.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sessionwatch.files.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link UiState} as a small JSON file. Losing it only costs the user their column layout, so a
 * missing or broken file gives the defaults (logged once) rather than an error dialog. Call off the FX thread.
 */
public final class UiStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(UiStateStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public UiStateStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    public UiState load() {
        try {
            UiState state = JSON.readValue(Files.readAllBytes(file), UiState.class);
            return state == null ? UiState.empty() : state;
        } catch (NoSuchFileException e) {
            return UiState.empty();
        } catch (JacksonException e) {
            LOG.warn("Ignoring the window layout in {}: it is not valid ({})", file, e.getOriginalMessage());
            return UiState.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the window layout in {}: {}", file, e.toString());
            return UiState.empty();
        }
    }

    /** Writes the state atomically ({@link AtomicFiles}), so a crash never leaves half a file. */
    public void save(UiState state) throws IOException {
        byte[] content = JSON.writeValueAsBytes(state);
        AtomicFiles.write(file, out -> out.write(content));
    }
}
