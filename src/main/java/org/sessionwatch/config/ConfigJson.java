package org.sessionwatch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
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

    private static final int MAX_HISTORY_RETENTION_DAYS = 3_650;

    /** Reads one field of a JSON object into a builder; the field may be missing or null (default kept). */
    @FunctionalInterface
    private interface FieldReader<B> {
        void read(JsonNode object, String path, B builder) throws ConfigFormatException;
    }

    /**
     * One setting of the file: its key, how it is read (checked, default when absent) and how it is written. The
     * lists below are the only place a key is spelt: reading, writing and the "known fields" of error messages all
     * come from them.
     */
    private record Setting<T, B>(String key, FieldReader<B> reader, BiConsumer<ObjectNode, T> writer) {

        static <T, B> Setting<T, B> integer(String key, int min, int max, String what, ToLongFunction<T> get,
                                            ObjIntConsumer<B> set) {
            return new Setting<>(key, (object, path, builder) -> {
                Integer value = intField(object, key, path, min, max, what);
                if (value != null) {
                    set.accept(builder, value);
                }
            }, (node, item) -> node.put(key, get.applyAsLong(item)));
        }

        /**
         * A whole number written only when it differs from {@code byDefault}: a setting added after version 1, so
         * files of earlier releases save byte for byte as they were, and an older release can still read a file
         * that keeps the default.
         */
        static <T, B> Setting<T, B> laterInteger(String key, int min, int max, String what, long byDefault,
                                                 ToLongFunction<T> get, ObjIntConsumer<B> set) {
            Setting<T, B> plain = integer(key, min, max, what, get, set);
            return new Setting<>(key, plain.reader(), (node, item) -> {
                if (get.applyAsLong(item) != byDefault) {
                    plain.writer().accept(node, item);
                }
            });
        }

        /**
         * A flag written only when true: a setting added after version 1 whose default is false, so files of earlier
         * releases save byte for byte as they were.
         */
        static <T, B> Setting<T, B> laterFlag(String key, Predicate<T> get, BiConsumer<B, Boolean> set) {
            Setting<T, B> plain = bool(key, get, set);
            return new Setting<>(key, plain.reader(), (node, item) -> {
                if (get.test(item)) {
                    plain.writer().accept(node, item);
                }
            });
        }

        static <T, B> Setting<T, B> bool(String key, Predicate<T> get, BiConsumer<B, Boolean> set) {
            return new Setting<>(key, (object, path, builder) -> {
                Boolean value = boolField(object, key, path);
                if (value != null) {
                    set.accept(builder, value);
                }
            }, (node, item) -> node.put(key, get.test(item)));
        }

        static <T, B> Setting<T, B> string(String key, Function<T, String> get, BiConsumer<B, String> set) {
            return new Setting<>(key, (object, path, builder) -> set.accept(builder, stringField(object, key, path)),
                    (node, item) -> node.put(key, get.apply(item)));
        }

        /** A field that is written only when it has a value (alert rules list only what they set). */
        static <T, B, V> Setting<T, B> optional(Setting<T, B> plain, Function<T, V> get, V unset) {
            return new Setting<>(plain.key(), plain.reader(), (node, item) -> {
                V value = get.apply(item);
                if (value != null && !value.equals(unset)) {
                    plain.writer().accept(node, item);
                }
            });
        }

        static <T, B> Setting<T, B> optionalString(String key, Function<T, String> get, BiConsumer<B, String> set) {
            return optional(string(key, get, set), get, null);
        }

        static <T, B> Setting<T, B> optionalBool(String key, Function<T, Boolean> get, BiConsumer<B, Boolean> set) {
            return optional(bool(key, item -> get.apply(item), set), get, null);
        }

        /** A whole number whose range the built object checks (so the message names the exact range). */
        static <T, B> Setting<T, B> optionalInteger(String key, Function<T, Integer> get,
                                                    BiConsumer<B, Integer> set) {
            return optional(integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE, "a whole number",
                    item -> get.apply(item), set::accept), get, null);
        }
    }

    /** The top-level settings, in file order, between {@code version} and {@code servers}. */
    private static final List<Setting<AppConfig, AppConfig.Builder>> SETTINGS = List.of(
            Setting.integer("pollIntervalSeconds", 1, AppConfig.MAX_POLL_INTERVAL_SECONDS, "a number of seconds",
                    c -> c.pollInterval().toSeconds(), (b, v) -> b.pollInterval(Duration.ofSeconds(v))),
            Setting.integer("serverDeadlineSeconds", 1, AppConfig.MAX_SERVER_DEADLINE_SECONDS, "a number of seconds",
                    c -> c.serverDeadline().toSeconds(), (b, v) -> b.serverDeadline(Duration.ofSeconds(v))),
            Setting.bool("hideOwnSession", AppConfig::hideOwnSession, AppConfig.Builder::hideOwnSession),
            Setting.bool("hideComputerAccounts", AppConfig::hideComputerAccounts,
                    AppConfig.Builder::hideComputerAccounts),
            Setting.bool("hideAnonymous", AppConfig::hideAnonymous, AppConfig.Builder::hideAnonymous),
            Setting.bool("reachabilityCheck", AppConfig::reachabilityCheck, AppConfig.Builder::reachabilityCheck),
            Setting.laterInteger("historyRetentionDays", 1, MAX_HISTORY_RETENTION_DAYS, "a number of days",
                    AppConfig.DEFAULT_HISTORY_RETENTION.toDays(), c -> c.historyRetention().toDays(),
                    (b, v) -> b.historyRetention(Duration.ofDays(v))),
            // Written only when on, as the later integer above: older files and releases are unaffected.
            Setting.laterFlag("alertSound", AppConfig::alertSound, AppConfig.Builder::alertSound),
            // Written only in team mode: files of "this computer polls" stay as they were.
            Setting.optionalString("teamSource", AppConfig::teamSource, AppConfig.Builder::teamSource),
            Setting.laterFlag("readOnly", AppConfig::readOnly, AppConfig.Builder::readOnly),
            // Written only when off, like the other settings added after version 1.
            Setting.optional(Setting.bool("recordHistory", AppConfig::recordHistory,
                    AppConfig.Builder::recordHistory), AppConfig::recordHistory, true));

    /** A server's settings after its {@code name}, in file order. */
    private static final List<Setting<ServerConfig, ServerConfig.Builder>> SERVER_SETTINGS = List.of(
            new Setting<>("backend", ConfigJson::readBackend,
                    (node, server) -> node.put("backend", server.backend().toString())),
            Setting.bool("enabled", ServerConfig::enabled, ServerConfig.Builder::enabled),
            Setting.integer("port", 1, 65535, "a port", ServerConfig::port, ServerConfig.Builder::port),
            Setting.string("username", ServerConfig::username, ServerConfig.Builder::username),
            Setting.string("domain", ServerConfig::domain, ServerConfig.Builder::domain),
            Setting.bool("requireSigning", ServerConfig::requireSigning, ServerConfig.Builder::requireSigning));

    /** An alert rule's fields after its {@code name} and {@code event}, in file order. */
    private static final List<Setting<AlertRule, AlertRule.Builder>> ALERT_SETTINGS = List.of(
            Setting.optionalString("server", AlertRule::server, AlertRule.Builder::server),
            Setting.optionalString("user", AlertRule::user, AlertRule.Builder::user),
            Setting.optionalString("client", AlertRule::client, AlertRule.Builder::client),
            Setting.optionalBool("guest", AlertRule::guest, AlertRule.Builder::guest),
            Setting.optionalBool("unencrypted", AlertRule::unencrypted, AlertRule.Builder::unencrypted),
            Setting.optionalInteger("forMinutes", AlertRule::forMinutes, AlertRule.Builder::forMinutes),
            Setting.optionalInteger("count", AlertRule::count, AlertRule.Builder::count),
            Setting.optionalInteger("idleMinutes", AlertRule::idleMinutes, AlertRule.Builder::idleMinutes),
            Setting.optionalInteger("minOpens", AlertRule::minOpens, AlertRule.Builder::minOpens),
            Setting.optionalString("pathGlob", AlertRule::pathGlob, AlertRule.Builder::pathGlob),
            Setting.optional(Setting.integer("cooldownMinutes", Integer.MIN_VALUE, Integer.MAX_VALUE,
                            "a whole number", AlertRule::cooldownMinutes, AlertRule.Builder::cooldownMinutes),
                    AlertRule::cooldownMinutes, AlertRule.DEFAULT_COOLDOWN_MINUTES),
            Setting.optional(Setting.bool("enabled", AlertRule::enabled, AlertRule.Builder::enabled),
                    AlertRule::enabled, true));

    private static final String VERSION_KEY = "version";
    private static final String ALERTS_KEY = "alerts";
    private static final String EVENT_KEY = "event";
    private static final String SERVERS_KEY = "servers";
    private static final String NAME_KEY = "name";
    private static final Set<String> TOP_LEVEL_KEYS = keys(SETTINGS, VERSION_KEY, SERVERS_KEY, ALERTS_KEY);
    private static final Set<String> SERVER_KEYS = keys(SERVER_SETTINGS, NAME_KEY);
    private static final Set<String> ALERT_KEYS = keys(ALERT_SETTINGS, NAME_KEY, EVENT_KEY);

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

        JsonNode version = root.get(VERSION_KEY);
        if (version != null && !(version.isIntegralNumber() && version.asLong() == VERSION)) {
            throw new ConfigFormatException("version: " + version + " is not supported (this SessionWatch reads version "
                    + VERSION + "; the file may come from a newer release)");
        }
        AppConfig.Builder config = AppConfig.builder();
        for (Setting<AppConfig, AppConfig.Builder> setting : SETTINGS) {
            setting.reader().read(root, "", config);
        }
        config.servers(servers(root.get(SERVERS_KEY))).alerts(alerts(root.get(ALERTS_KEY)));
        try {
            return config.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigFormatException(e.getMessage());
        }
    }

    static byte[] write(AppConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(VERSION_KEY, VERSION);
        SETTINGS.forEach(setting -> setting.writer().accept(root, config));
        ArrayNode servers = root.putArray(SERVERS_KEY);
        for (ServerConfig server : config.servers()) {
            ObjectNode node = servers.addObject();
            node.put(NAME_KEY, server.name());
            SERVER_SETTINGS.forEach(setting -> setting.writer().accept(node, server));
        }
        if (!config.alerts().isEmpty()) {
            // Written only when there are rules, so a file from before alerts existed is saved unchanged.
            ArrayNode alerts = root.putArray(ALERTS_KEY);
            for (AlertRule rule : config.alerts()) {
                ObjectNode node = alerts.addObject();
                node.put(NAME_KEY, rule.name());
                node.put(EVENT_KEY, rule.event().name());
                ALERT_SETTINGS.forEach(setting -> setting.writer().accept(node, rule));
            }
        }
        try {
            return (MAPPER.writeValueAsString(root) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("Serialising the configuration failed", e);
        }
    }

    /** Reads one element of a list of named objects, whose keys and name were checked already. */
    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonNode node, String path, String name) throws ConfigFormatException;
    }

    /**
     * A list of objects with a unique {@code name} (servers, alert rules): absent or null is empty; each element must
     * be an object with known keys and a name that {@code validName} accepts, unique ignoring case.
     */
    private static <T> List<T> namedList(JsonNode array, String key, String what, Set<String> keys,
                                         UnaryOperator<String> validName, ElementReader<T> reader)
            throws ConfigFormatException {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ConfigFormatException(key + ": must be a list [...] of " + what + "s, not " + describe(array));
        }
        List<T> items = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = key + "[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                throw new ConfigFormatException(path + ": must be an object {\"name\": ...}, not " + describe(node));
            }
            checkKeys(node, keys, path + ".");
            JsonNode nameNode = node.get(NAME_KEY);
            if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
                throw new ConfigFormatException(path + ".name: missing; every " + what + " needs a \"name\"");
            }
            String name;
            try {
                name = validName.apply(nameNode.asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigFormatException(path + ".name: " + e.getMessage());
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new ConfigFormatException(path + ".name: '" + name + "' is already listed as " + key + "["
                        + earlier + "]");
            }
            items.add(reader.read(node, path, name));
        }
        return items;
    }

    private static List<ServerConfig> servers(JsonNode array) throws ConfigFormatException {
        return namedList(array, SERVERS_KEY, "server", SERVER_KEYS, ServerNames::requireValid, (node, path, name) -> {
            ServerConfig.Builder server = ServerConfig.builder(name);
            for (Setting<ServerConfig, ServerConfig.Builder> setting : SERVER_SETTINGS) {
                setting.reader().read(node, path + ".", server);
            }
            try {
                return server.build();
            } catch (IllegalArgumentException e) {
                throw new ConfigFormatException(path + ": " + e.getMessage());
            }
        });
    }

    /** The {@code alerts} list's rules, checked exactly as in a file (also for the settings dialog's rule editor). */
    static List<AlertRule> alerts(JsonNode array) throws ConfigFormatException {
        return namedList(array, ALERTS_KEY, "alert rule", ALERT_KEYS, String::trim, (node, path, name) -> {
            String eventText = stringField(node, EVENT_KEY, path + ".");
            if (eventText == null) {
                throw new ConfigFormatException(path + ".event: missing; say what the rule watches for, e.g."
                        + " \"SESSION_CONNECTED\"");
            }
            AlertRule.Builder rule;
            try {
                rule = AlertRule.builder(name, AlertEvent.parse(eventText));
            } catch (IllegalArgumentException e) {
                throw new ConfigFormatException(path + ".event: " + e.getMessage());
            }
            for (Setting<AlertRule, AlertRule.Builder> setting : ALERT_SETTINGS) {
                setting.reader().read(node, path + ".", rule);
            }
            try {
                return rule.build();
            } catch (IllegalArgumentException e) {
                throw new ConfigFormatException(path + "." + e.getMessage());
            }
        });
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

    private static void readBackend(JsonNode object, String path, ServerConfig.Builder server)
            throws ConfigFormatException {
        JsonNode node = object.get("backend");
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isTextual()) {
            throw new ConfigFormatException(path + "backend: must be a string, not " + describe(node));
        }
        try {
            server.backend(Backend.parse(node.asText()));
        } catch (IllegalArgumentException e) {
            throw new ConfigFormatException(path + "backend: " + e.getMessage());
        }
    }

    /** The value of a whole-number field within {@code min..max}, or null when it is missing or null. */
    private static Integer intField(JsonNode object, String key, String path, int min, int max, String what)
            throws ConfigFormatException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw new ConfigFormatException(path + key + ": " + node + " is not a whole number");
        }
        if (!node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw new ConfigFormatException(path + key + ": " + node + " is not " + what + " (" + min + "–" + max + ")");
        }
        return node.asInt();
    }

    /** The value of a boolean field, or null when it is missing or null. */
    private static Boolean boolField(JsonNode object, String key, String path) throws ConfigFormatException {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            return null;
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

    private static Set<String> keys(List<? extends Setting<?, ?>> settings, String... more) {
        Set<String> keys = new LinkedHashSet<>(List.of(more));
        settings.forEach(setting -> keys.add(setting.key()));
        return Set.copyOf(keys);
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
