package org.sessionwatch.ui.servers;

import org.sessionwatch.netapi.ErrorKind;

/** What the server list shows for one server, with the icon and colour the view gives it. */
public enum ServerState {
    OK("OK", "mdal-check_circle", Severity.SUCCESS),
    WAITING("Polling…", "mdal-hourglass_empty", Severity.NEUTRAL),
    DISABLED("Disabled", "mdmz-pause_circle_outline", Severity.NEUTRAL),
    ACCESS_DENIED(ErrorKind.ACCESS_DENIED.title(), "mdal-lock", Severity.DANGER),
    AUTHENTICATION_FAILED(ErrorKind.AUTHENTICATION_FAILED.title(), "mdmz-vpn_key", Severity.DANGER),
    UNREACHABLE(ErrorKind.UNREACHABLE.title(), "mdal-cloud_off", Severity.DANGER),
    TIMEOUT(ErrorKind.TIMEOUT.title(), "mdal-av_timer", Severity.WARNING),
    INVALID_LEVEL(ErrorKind.INVALID_LEVEL.title(), "mdal-block", Severity.WARNING),
    INVALID_NAME(ErrorKind.INVALID_NAME.title(), "mdal-error_outline", Severity.DANGER),
    PROTOCOL_ERROR(ErrorKind.PROTOCOL_ERROR.title(), "mdal-error_outline", Severity.DANGER),
    ERROR(ErrorKind.OTHER.title(), "mdal-error", Severity.DANGER);

    /** Drives the colour: success green, warning amber, danger red, neutral grey. */
    public enum Severity { SUCCESS, WARNING, DANGER, NEUTRAL }

    private final String title;
    private final String iconLiteral;
    private final Severity severity;

    ServerState(String title, String iconLiteral, Severity severity) {
        this.title = title;
        this.iconLiteral = iconLiteral;
        this.severity = severity;
    }

    public static ServerState of(ErrorKind kind) {
        return switch (kind) {
            case ACCESS_DENIED -> ACCESS_DENIED;
            case AUTHENTICATION_FAILED -> AUTHENTICATION_FAILED;
            case UNREACHABLE -> UNREACHABLE;
            case TIMEOUT -> TIMEOUT;
            case INVALID_LEVEL -> INVALID_LEVEL;
            case INVALID_NAME -> INVALID_NAME;
            case PROTOCOL_ERROR -> PROTOCOL_ERROR;
            case OTHER -> ERROR;
        };
    }

    public String title() {
        return title;
    }

    /** An Ikonli material2 literal. */
    public String iconLiteral() {
        return iconLiteral;
    }

    public Severity severity() {
        return severity;
    }

    public boolean isFailure() {
        return severity == Severity.DANGER || severity == Severity.WARNING;
    }
}
