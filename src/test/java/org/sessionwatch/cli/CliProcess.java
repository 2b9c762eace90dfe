package org.sessionwatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sessionwatch.Launcher;

/** The real launcher in a child JVM, with a scratch home so it reads and writes nothing of this machine's user. */
final class CliProcess {
    private CliProcess() {
    }

    static ProcessBuilder builder(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        return builder;
    }
}
