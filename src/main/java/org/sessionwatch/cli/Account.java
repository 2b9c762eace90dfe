package org.sessionwatch.cli;

import java.util.Objects;

/**
 * The {@code --username} value: {@code user}, {@code user@DOMAIN} or {@code DOMAIN\\user}.
 *
 * @param user   the account name
 * @param domain its domain, or null for a local account / the server's default
 */
record Account(String user, String domain) {

    Account {
        Objects.requireNonNull(user, "user");
    }

    static Account parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the user name is empty");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + text + "' contains control characters");
        }
        int backslash = value.indexOf('\\');
        int at = value.lastIndexOf('@');
        if (backslash >= 0 && at >= 0) {
            throw new IllegalArgumentException("'" + text + "': use either DOMAIN\\USER or USER@DOMAIN, not both");
        }
        if (backslash >= 0) {
            return parts(text, value.substring(backslash + 1), value.substring(0, backslash));
        }
        if (at >= 0) {
            return parts(text, value.substring(0, at), value.substring(at + 1));
        }
        return new Account(value, null);
    }

    private static Account parts(String text, String user, String domain) {
        if (user.isBlank() || domain.isBlank()) {
            throw new IllegalArgumentException("'" + text + "': both the user and the domain must be given");
        }
        if (user.contains("\\") || domain.contains("\\")) {
            throw new IllegalArgumentException("'" + text + "': more than one '\\'");
        }
        return new Account(user, domain);
    }

    @Override
    public String toString() {
        return domain == null ? user : domain + "\\" + user;
    }
}
