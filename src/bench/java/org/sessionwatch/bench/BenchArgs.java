package org.sessionwatch.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code name=value} arguments of a benchmark main, with defaults, so a run can be shortened from the command line. */
public final class BenchArgs {
    private final Map<String, String> values = new HashMap<>();

    public BenchArgs(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Invalid benchmark argument '" + arg + "': use name=value");
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
    }

    public int intValue(String name, int defaultValue) {
        String value = values.get(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid benchmark argument " + name + "=" + value
                    + ": it must be a whole number", e);
        }
    }

    public double doubleValue(String name, double defaultValue) {
        String value = values.get(name);
        try {
            return value == null ? defaultValue : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid benchmark argument " + name + "=" + value
                    + ": it must be a number", e);
        }
    }

    public String stringValue(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }
}
