package org.sessionwatch.alerts;

import java.util.Locale;
import java.util.regex.Pattern;

/** A case-insensitive glob: {@code *} any run of characters, {@code ?} one character, everything else literal. */
final class Glob {
    private final Pattern pattern;

    private Glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** The glob, or null (matches anything) when {@code glob} is null. */
    static Glob of(String glob) {
        return glob == null ? null : new Glob(glob.trim());
    }

    /** Whether {@code value} matches; an absent value ({@code null}) matches no glob. */
    boolean matches(String value) {
        return value != null && pattern.matcher(value.toLowerCase(Locale.ROOT)).matches();
    }
}
