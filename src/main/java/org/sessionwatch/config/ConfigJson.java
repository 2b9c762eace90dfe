package org.sessionwatch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The configuration file format (version 1), read strictly: every problem is reported with the place it is at, and
 * nothing unknown is silently kept, so a typo such as {@code "pollIntervalSecond"} is pointed out instead of ignored.
 * A {@code password} key anywhere is refused: secrets belong in the OS credential store, never in this file.
 */
final class ConfigJson {
    static final int VERSION = 1;

    private static final int MAX_POLL_INTERVAL_SECONDS = 86_400;
    private static final int MAX_DEADLINE_SECONDS = 3_600;

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "pollIntervalSeconds",
            "serverDeadlineSeconds", "hideOwnSession", "hideComputerAccounts", "hideAnonymous", "reachabilityCheck",
            "servers");
    private static final Set<String> SERVER_KEYS = Set.of("name", "backend", "enabled", "port", "username", "domain",
            "requireSigning");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Keep file content out of error messages: a stray secret must not travel into a dialog or a log.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final Pattern UNRECOGNIZED_TOKEN =
            Pattern.compile("Unrecognized token '[^']*'");

    private ConfigJson() {
    }

    /** Thrown with a reason that names the place of the problem; never carries file content beyond that. */
    static final class ConfigFormatException extends Exception {
        ConfigFormatException(String reason) {
            super(reason);
        }
    }

    static AppConfig parse(byte[] content) throws ConfigFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ConfigFormatException(where + "invalid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Reading JSON from memory failed", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigFormatException("the file is empty");
        }
        if (!root.isObject()) {
            throw new ConfigFormatException("the file must hold one JSON object {...}, not " + describe(root));
        }
        refusePasswords(root, "");
        checkKeys(root, TOP_LEVEL_KEYS, "");

        JsonNode version = root.get("version");
        if (version != null && !(version.isIntegralNumber() && version.asLong() == VERSION)) {
            throw new ConfigFormatException("version: " + version + " is not supported (this SessionWatch reads version "
                    + VERSION + "; the file may come from a newer release)");
        }
        int interval = intField(root, "pollIntervalSeconds", "",
                (int) AppConfig.DEFAULT_POLL_INTERVAL.toSeconds(), 1, MAX_POLL_INTERVAL_SECONDS, "a number of seconds");
        int deadline = intField(root, "serverDeadlineSeconds", "",
                (int) AppConfig.DEFAULT_SERVER_DEADLINE.toSeconds(), 1, MAX_DEADLINE_SECONDS, "a number of seconds");
        boolean hideOwn = boolField(root, "hideOwnSession", "", false);
        boolean hideComputers = boolField(root, "hideComputerAccounts", "", false);
        boolean hideAnonymous = boolField(root, "hideAnonymous", "", false);
        boolean reachability = boolField(root, "reachabilityCheck", "", false);
        List<ServerConfig> servers = servers(root.get("servers"));
        return new AppConfig(servers, Duration.ofSeconds(interval), Duration.ofSeconds(deadline), hideOwn,
                hideComputers, hideAnonymous, reachability);
    }

    static byte[] write(AppConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("pollIntervalSeconds", config.pollInterval().toSeconds());
        root.put("serverDeadlineSeconds", config.serverDeadline().toSeconds());
        root.put("hideOwnSession", config.hideOwnSession());
        root.put("hideComputerAccounts", config.hideComputerAccounts());
        root.put("hideAnonymous", config.hideAnonymous());
        root.put("reachabilityCheck", config.reachabilityCheck());
        ArrayNode servers = root.putArray("servers");
        for (ServerConfig server : config.servers()) {
            ObjectNode node = servers.addObject();
            node.put("name", server.name());
            node.put("backend", server.backend().toString());
            node.put("enabled", server.enabled());
            node.put("port", server.port());
            node.put("username", server.username());
            node.put("domain", server.domain());
            node.put("requireSigning", server.requireSigning());
        }
        try {
            return (MAPPER.writeValueAsString(root) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("Serialising the configuration failed", e);
        }
    }

    private static List<ServerConfig> servers(JsonNode array) throws ConfigFormatException {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ConfigFormatException("servers: must be a list [...] of servers, not " + describe(array));
        }
        List<ServerConfig> servers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "servers[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                throw new ConfigFormatException(path + ": must be an object {\"name\": ...}, not " + describe(node));
            }
            checkKeys(node, SERVER_KEYS, path + ".");
            JsonNode nameNode = node.get("name");
            if (nameNode == null || !nameNode.isTextual()) {
                throw new ConfigFormatException(path + ".name: missing; every server needs a \"name\"");
            }
            String name;
            try {
                name = ServerNames.requireValid(nameNode.asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigFormatException(path + ".name: " + e.getMessage());
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new ConfigFormatException(path + ".name: '" + name + "' is already listed as servers["
                        + earlier + "]");
            }
            Backend backend = Backend.AUTO;
            JsonNode backendNode = node.get("backend");
            if (backendNode != null && !backendNode.isNull()) {
                if (!backendNode.isTextual()) {
                    throw new ConfigFormatException(path + ".backend: must be a string, not " + describe(backendNode));
                }
                try {
                    backend = Backend.parse(backendNode.asText());
                } catch (IllegalArgumentException e) {
                    throw new ConfigFormatException(path + ".backend: " + e.getMessage());
                }
            }
            boolean enabled = boolField(node, "enabled", path + ".", true);
            int port = intField(node, "port", path + ".", ServerConfig.DEFAULT_SMB_PORT, 1, 65535, "a port");
            String username = stringField(node, "username", path + ".");
            String domain = stringField(node, "domain", path + ".");
            boolean requireSigning = boolField(node, "requireSigning", path + ".", true);
            servers.add(new ServerConfig(name, backend, enabled, port, username, domain, requireSigning));
        }
        return servers;
    }

    /** Refuses any key that looks like it holds a password, at any depth, without echoing its value. */
    private static void refusePasswords(JsonNode node, String path) throws ConfigFormatException {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey().toLowerCase(Locale.ROOT);
                if (key.contains("password") || key.equals("passwd") || key.equals("secret")) {
                    throw new ConfigFormatException(path + field.getKey() + ": passwords are never kept in the"
                            + " configuration file; they belong in the OS credential store (enter it in the settings"
                            + " dialog, or set SESSIONWATCH_PASSWORD for the command line). Remove this field");
                }
                refusePasswords(field.getValue(), path + field.getKey() + ".");
            }
        } else if (node.isArray()) {
            String base = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
            for (int i = 0; i < node.size(); i++) {
                refusePasswords(node.get(i), base + "[" + i + "].");
            }
        }
    }

    private static void checkKeys(JsonNode object, Set<String> known, String path) throws ConfigFormatException {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigFormatException(path + name + ": unknown field (known fields: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static int intField(JsonNode object, String key, String path, int fallback, int min, int max,
                                String what) throws ConfigFormatException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            throw new ConfigFormatException(path + key + ": " + node + " is not a whole number");
        }
        if (!node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw new ConfigFormatException(path + key + ": " + node + " is not " + what + " (" + min + "–" + max + ")");
        }
        return node.asInt();
    }

    private static boolean boolField(JsonNode object, String key, String path, boolean fallback)
            throws ConfigFormatException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new ConfigFormatException(path + key + ": " + node + " is not true or false");
        }
        return node.asBoolean();
    }

    private static String stringField(JsonNode object, String key, String path) throws ConfigFormatException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ConfigFormatException(path + key + ": must be a string or null, not " + describe(node));
        }
        return node.asText();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "the string " + node;
            case NUMBER -> "the number " + node;
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The first line of a parser message, without the offending token's text: an unquoted value such as
     * {@code "password": hunter2} would otherwise be repeated in a dialog or on stderr.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return UNRECOGNIZED_TOKEN.matcher(line).replaceAll("Unrecognized token");
    }
}
