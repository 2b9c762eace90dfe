package org.sessionwatch.netapi;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code NetFileEnum} question to one server.
 *
 * @param server             the server as configured
 * @param level              the information level to ask for
 * @param basePathFilter     only files under this path ({@code basepath}), or {@code null} for all
 * @param userFilter         only files this user opened ({@code username}), or {@code null} for all
 * @param preferredMaxLength {@code prefmaxlen} in bytes, or {@link NetApiStatus#MAX_PREFERRED_LENGTH}
 */
public record OpenFilesRequest(String server, FileInfoLevel level, String basePathFilter, String userFilter,
                               int preferredMaxLength) {

    public OpenFilesRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(level, "level");
        basePathFilter = blankToNull(basePathFilter);
        userFilter = blankToNull(userFilter);
    }

    /** All open files at level 3, server-sized buffer. */
    public static OpenFilesRequest of(String server) {
        return new OpenFilesRequest(server, FileInfoLevel.LEVEL_3, null, null, NetApiStatus.MAX_PREFERRED_LENGTH);
    }

    public OpenFilesRequest withLevel(FileInfoLevel newLevel) {
        return new OpenFilesRequest(server, newLevel, basePathFilter, userFilter, preferredMaxLength);
    }

    public Optional<String> basePath() {
        return Optional.ofNullable(basePathFilter);
    }

    public Optional<String> user() {
        return Optional.ofNullable(userFilter);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
