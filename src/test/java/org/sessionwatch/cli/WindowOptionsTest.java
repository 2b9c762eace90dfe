package org.sessionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which command lines open the window (its history options only) and which are the CLI's. */
class WindowOptionsTest {

    @Test
    void noArgumentOpensTheWindowWithTheDefaults() {
        assertThat(Cli.windowOptions(List.of())).contains(Cli.WindowOptions.NONE);
    }

    @Test
    void historyOptionsAloneOpenTheWindow() {
        assertThat(Cli.windowOptions(List.of("--history-db", "/srv/sw/history.db")))
                .contains(new Cli.WindowOptions(Optional.of(Path.of("/srv/sw/history.db")), false));
        assertThat(Cli.windowOptions(List.of("--no-history")))
                .contains(new Cli.WindowOptions(Optional.empty(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--watch --history-db h.db", "--history-db h.db --demo", "--no-history --history-db h.db",
            "--history-db", "--bogus", "--format json", "--help", "--version", "FS01"})
    void everythingElseIsTheClis(String args) {
        assertThat(Cli.windowOptions(List.of(args.split(" ")))).isEmpty();
    }
}
