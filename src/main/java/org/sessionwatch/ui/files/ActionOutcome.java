package org.sessionwatch.ui.files;

import java.util.Objects;

import org.sessionwatch.netapi.ActionResult;

/**
 * How one item of an action ended, as the outcome dialog lists it.
 *
 * @param target      what was attempted
 * @param result      the server's answer
 * @param auditFailure why the audit line could not be written, or null when it was
 */
public record ActionOutcome(ActionTarget target, ActionResult result, String auditFailure) {

    public ActionOutcome {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(result, "result");
    }

    /** Done or nothing left to do. */
    public boolean succeeded() {
        return result instanceof ActionResult.Done || result instanceof ActionResult.AlreadyGone;
    }

    /** "Closed", "Already closed: …", "Refused: … Remedy: …", with the item it is about on the first line. */
    public String text() {
        boolean file = target instanceof ActionTarget.CloseFile;
        String outcome = switch (result) {
            case ActionResult.Done done -> file ? "Closed" : "Ended";
            case ActionResult.AlreadyGone gone -> (file ? "Already closed: " : "Already ended: ") + gone.detail();
            case ActionResult.Refused refused -> "Refused: " + refused.error().message()
                    + (refused.error().code() == 0 ? "" : " (code " + refused.error().codeText() + ")")
                    + refused.error().remedyText().map(r -> "\n    What to do: " + r).orElse("");
            case ActionResult.Unsupported unsupported -> "Not possible: " + unsupported.reason();
        };
        String audit = auditFailure == null ? "" : "\n    Not written to the audit log: " + auditFailure;
        return target.describe() + "\n    " + outcome + audit;
    }
}
