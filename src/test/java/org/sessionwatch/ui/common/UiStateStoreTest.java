package org.sessionwatch.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTrips() throws IOException {
        UiStateStore store = new UiStateStore(dir.resolve("sub").resolve("ui-state.json"));
        UiState state = new UiState(new UiState.WindowBounds(10, 20, 1200, 800, false),
                Map.of("main", List.of(0.7)), List.of(new UiState.Column("user", 130, false)),
                List.of(new UiState.SortKey("idle", false)), true, true);

        store.save(state);

        assertThat(store.load()).isEqualTo(state);
    }

    @Test
    void missingOrBrokenFileGivesTheDefaults() throws IOException {
        UiStateStore store = new UiStateStore(dir.resolve("ui-state.json"));
        assertThat(store.load()).isEqualTo(UiState.empty());

        Files.writeString(store.file(), "{ not json");
        assertThat(store.load()).isEqualTo(UiState.empty());

        Files.writeString(store.file(), "{\"dark\": true, \"future\": 1}");
        assertThat(store.load().dark()).isTrue();
    }
}
