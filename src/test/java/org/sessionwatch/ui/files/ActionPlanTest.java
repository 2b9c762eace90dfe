package org.sessionwatch.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;

class ActionPlanTest {

    @Test
    void closingFilesNamesEachFileAndWhatTheUserMayLose() {
        ActionPlan plan = ActionPlan.closeFiles(List.of(
                new ActionTarget.CloseFile("FS01", 4026531841L, "D:\\Shares\\budget.xlsx", "alice", "10.0.0.5"),
                new ActionTarget.CloseFile("FS02", 7, "", "", null)), false);

        assertThat(plan.title()).isEqualTo("Close 2 files?");
        assertThat(plan.confirm()).isEqualTo("Close 2 files");
        assertThat(plan.items()).containsExactly(
                "FS01: D:\\Shares\\budget.xlsx (id 4026531841), opened by alice from 10.0.0.5",
                "FS02: file id 7, opened by unknown user");
        assertThat(plan.warnings()).singleElement().asString().contains("may lose unsaved changes");
        assertThat(plan.demo()).isNull();
    }

    @Test
    void endingSessionsAsksOnceEachAndSaysTheFilesClose() {
        ActionTarget.EndSession bob = new ActionTarget.EndSession("FS01", "10.0.0.6", "bob");
        ActionPlan plan = ActionPlan.endSessions(List.of(bob, bob, new ActionTarget.EndSession("FS01", null, "eve")),
                true);

        assertThat(plan.items()).containsExactly("FS01: bob from 10.0.0.6",
                "FS01: every session of eve (from any client)");
        assertThat(plan.targets()).hasSize(2);
        assertThat(plan.warnings()).contains("Ending a session closes all its files; the user may lose unsaved changes.",
                "Where the client is not known, every session of that user on that server ends.");
        assertThat(plan.demo()).startsWith("Demo data:");
    }

    @Test
    void eachOutcomeReadsAsWhatHappenedAndWhatToDo() {
        ActionTarget.CloseFile file = new ActionTarget.CloseFile("FS01", 3, "D:\\a.txt", "bob", null);

        assertThat(new ActionOutcome(file, new ActionResult.Done(), null).text())
                .isEqualTo("FS01: D:\\a.txt (id 3), opened by bob\n    Closed");
        assertThat(new ActionOutcome(file, new ActionResult.AlreadyGone("File 3 is no longer open on FS01."), null)
                .text()).endsWith("Already closed: File 3 is no longer open on FS01.");
        ActionOutcome refused = new ActionOutcome(file, new ActionResult.Refused(new NetApiError(
                ErrorKind.ACCESS_DENIED, 5, "Access denied.", "Join Administrators.")), "disk full");
        assertThat(refused.text()).endsWith("Refused: Access denied. (code 5)\n    What to do: Join Administrators."
                + "\n    Not written to the audit log: disk full");
        assertThat(refused.succeeded()).isFalse();
    }
}
