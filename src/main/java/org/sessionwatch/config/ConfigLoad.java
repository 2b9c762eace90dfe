package org.sessionwatch.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading the configuration file, as data: the caller always gets a usable {@link #config()} and
 * decides how loudly to report a {@link #problem()}.
 */
public sealed interface ConfigLoad {

    /** The file that was read (or would have been). */
    Path path();

    /** The configuration to run with: the file's content, or the defaults when it was missing or unusable. */
    AppConfig config();

    /** Why the file could not be used, naming the file and the place in it; empty when there is nothing to report. */
    Optional<String> problem();

    /** The file was read and is valid. */
    record Loaded(Path path, AppConfig config) implements ConfigLoad {
        public Loaded {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(config, "config");
        }

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    /** There is no file yet: a first start. Not a problem. */
    record Missing(Path path) implements ConfigLoad {
        public Missing {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public AppConfig config() {
            return AppConfig.defaults();
        }

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    /**
     * The file exists but cannot be used. It has been left exactly as it was so the user can repair it; the defaults
     * stand in for it.
     *
     * @param reason what is wrong and where: "line 4, column 9: ..." for a syntax error, or a field path such as
     *               "servers[2].port: 70000 is not a port (1–65535)"
     */
    record Invalid(Path path, String reason) implements ConfigLoad {
        public Invalid {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public AppConfig config() {
            return AppConfig.defaults();
        }

        @Override
        public Optional<String> problem() {
            return Optional.of("Cannot use the configuration file " + path + ": " + reason
                    + ". The file was left unchanged; running with the default settings.");
        }
    }
}
