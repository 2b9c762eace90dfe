package org.sessionwatch.netapi;

import java.util.Optional;

/**
 * A server-side filter that matched no session. Windows answers such a filter with an error status rather than an
 * empty list ({@code NERR_UserNotFound} 2221, {@code NERR_ClientNameNotFound} 2312); it is an empty list to the
 * person, but one to be told about, because a typo in the filter reads the same as "nobody is connected".
 */
public enum FilterMiss {
    /** The user filter matched no session. */
    USER("user"),
    /** The client filter matched no session. */
    CLIENT("client");

    private final String filterName;

    FilterMiss(String filterName) {
        this.filterName = filterName;
    }

    /** The miss a status reports, or empty when the status is not a "filter matched nothing" answer. */
    public static Optional<FilterMiss> ofStatus(long status) {
        if (status == NetApiStatus.NERR_USER_NOT_FOUND) {
            return Optional.of(USER);
        }
        if (status == NetApiStatus.NERR_CLIENT_NAME_NOT_FOUND) {
            return Optional.of(CLIENT);
        }
        return Optional.empty();
    }

    /** {@code "user"} or {@code "client"}, as the CLI option and the JSON output name it. */
    public String filterName() {
        return filterName;
    }

    /** A sentence for the person, e.g. "The user filter 'alce' matched no session on FS01." */
    public String describe(String server, String filterValue) {
        return "The " + filterName + " filter" + (filterValue == null ? "" : " '" + filterValue + "'")
                + " matched no session on " + server + "; check its spelling"
                + (this == USER ? " (a bare user name, without the domain)." : " (a computer name or IP address).");
    }
}
