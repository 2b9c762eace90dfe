package org.sessionwatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a plain-text list of servers, one per line, as people keep them: {@code FS01}, {@code fs02.corp.example:4455},
 * {@code 10.1.2.3}, {@code fe80::1}, {@code [fe80::1]:445} or {@code \\FS03}. Blank lines and {@code #} comments
 * (whole-line or after the name) are ignored. Every bad line is reported by number rather than stopping at the first,
 * so one pass fixes the whole file.
 */
public final class ServerListImport {

    /** @param lineNumber 1-based, as an editor shows it */
    public record BadLine(int lineNumber, String text, String reason) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + reason;
        }
    }

    /** The servers that could be read, in file order, and the lines that could not. */
    public record Result(List<ServerConfig> servers, List<BadLine> badLines) {
        public Result {
            servers = List.copyOf(servers);
            badLines = List.copyOf(badLines);
        }
    }

    private ServerListImport() {
    }

    public static Result read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), Backend.AUTO);
    }

    /** Parses the list; every server gets {@code backend}, is enabled and has no explicit credentials. */
    public static Result parse(String text, Backend backend) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(backend, "backend");
        List<ServerConfig> servers = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\\R", -1) : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String entry = stripComment(lines[i]).strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                ServerConfig server = parseEntry(entry, backend);
                Integer earlier = firstLineOf.putIfAbsent(server.name().toLowerCase(Locale.ROOT), number);
                if (earlier != null) {
                    bad.add(new BadLine(number, lines[i], "'" + server.name() + "' is already listed on line " + earlier));
                } else {
                    servers.add(server);
                }
            } catch (IllegalArgumentException e) {
                bad.add(new BadLine(number, lines[i], e.getMessage()));
            }
        }
        return new Result(servers, bad);
    }

    /**
     * One entry: {@code name}, {@code name:port}, a bare IPv6 address (two or more colons, so no port) or
     * {@code [IPv6]:port}.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static ServerConfig parseEntry(String entry, Backend backend) {
        String name = entry.strip();
        int port = ServerConfig.DEFAULT_SMB_PORT;
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + entry + "': '[' without a closing ']'");
            }
            String rest = name.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("'" + entry + "': expected ':port' after ']'");
                }
                port = parsePort(rest.substring(1), entry);
            }
            name = name.substring(1, close);
            if (!name.contains(":")) {
                throw new IllegalArgumentException("'" + entry + "': brackets are only for IPv6 addresses");
            }
        } else if (name.indexOf(':') >= 0 && name.indexOf(':') == name.lastIndexOf(':')) {
            int colon = name.indexOf(':');
            port = parsePort(name.substring(colon + 1), entry);
            name = name.substring(0, colon);
        }
        return ServerConfig.builder(ServerNames.requireValid(name)).backend(backend).port(port).build();
    }

    private static int parsePort(String text, String entry) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9') || text.length() > 9) {
            throw new IllegalArgumentException("'" + entry + "': port '" + text + "' is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + entry + "': " + port + " is not a port (1–65535)");
        }
        return port;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
