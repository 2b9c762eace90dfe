package org.sessionwatch.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test fixture does when the machine lacks what it needs (a server program, root): the class is skipped with
 * the reason, except when the environment says {@code CI=true}, where a missing tool is a broken build machine and the
 * tests fail instead of silently not running.
 */
public final class SkipOrFail {
    private SkipOrFail() {
    }

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or on CI fails) the calling test class: "{@code what} cannot run: {@code reason}". */
    public static void unavailable(String what, String reason) {
        unavailable(what, reason, onCi());
    }

    static void unavailable(String what, String reason, boolean onCi) {
        if (onCi) {
            Assertions.fail("CI=true, so the " + what + " may not be skipped: " + reason);
        }
        Assumptions.abort(what + " skipped: " + reason);
    }
}
