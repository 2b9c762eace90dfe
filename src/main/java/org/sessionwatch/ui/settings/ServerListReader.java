package org.sessionwatch.ui.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.sessionwatch.config.ServerConfig;

/** Reads a text file of server names for the settings dialog's Import; called off the FX thread. */
@FunctionalInterface
public interface ServerListReader {

    /** @param badLines one message per unusable line, naming its number and why */
    record Outcome(List<ServerConfig> servers, List<String> badLines) {
    }

    Outcome read(Path file) throws IOException;
}
