package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code NetSessionEnum} question to one server.
 *
 * @param server              the server as configured ({@code FS01}, {@code fs01.corp.example}, {@code 10.1.2.3}
 *                            or {@code \\FS01})
 * @param level               the information level to ask for
 * @param clientFilter        the {@code UncClientName} filter (client name without {@code \\}), or {@code null}
 * @param userFilter          the {@code username} filter, or {@code null}; {@code DOMAIN\\alice} is reduced to
 *                            {@code alice}, because servers match the bare user name and answer a domain-qualified
 *                            one with "user not found"
 * @param preferredMaxLength  {@code prefmaxlen} in bytes, or {@link NetApiStatus#MAX_PREFERRED_LENGTH}
 */
public record EnumerationRequest(String server, InfoLevel level, String clientFilter, String userFilter,
                                 int preferredMaxLength) {

    public EnumerationRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(level, "level");
        clientFilter = blankToNull(clientFilter == null ? null : ClientNames.strip(clientFilter));
        userFilter = bareUser(blankToNull(userFilter));
    }

    /** All sessions at level 502, server-sized buffer. */
    public static EnumerationRequest of(String server) {
        return new EnumerationRequest(server, InfoLevel.LEVEL_502, null, null, NetApiStatus.MAX_PREFERRED_LENGTH);
    }

    public EnumerationRequest withLevel(InfoLevel newLevel) {
        return new EnumerationRequest(server, newLevel, clientFilter, userFilter, preferredMaxLength);
    }

    public Optional<String> client() {
        return Optional.ofNullable(clientFilter);
    }

    public Optional<String> user() {
        return Optional.ofNullable(userFilter);
    }

    private static String bareUser(String user) {
        if (user == null) {
            return null;
        }
        String bare = user.substring(user.lastIndexOf('\\') + 1).trim();
        return bare.isEmpty() ? user : bare; // "CORP\" stays a filter (that matches nothing), never "all users"
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
