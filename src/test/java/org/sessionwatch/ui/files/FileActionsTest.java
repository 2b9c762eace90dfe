package org.sessionwatch.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.ScriptedActions.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.audit.ActionRecord;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.ui.testing.ScriptedActions;

class FileActionsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T22:00:00Z");

    @TempDir
    Path directory;

    private final ScriptedActions servers = new ScriptedActions()
            .server("FS01", file("FS01", 4026531841L, "alice", "C:\\srv\\budget.xlsx"))
            .server("DEMO-1", file("DEMO-1", 5, "bob", "D:\\x.txt"));

    private FileActions actions(ActionLog log) {
        return new FileActions(() -> servers, () -> log, "CORP\\anna", server -> server.startsWith("DEMO"),
                Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyItemIsCarriedOutAndAudited() throws Exception {
        ActionLog log = new ActionLog(directory.resolve("actions.log"));
        ActionPlan plan = ActionPlan.closeFiles(List.of(
                new ActionTarget.CloseFile("FS01", 4026531841L, "C:\\srv\\budget.xlsx", "alice", null),
                new ActionTarget.CloseFile("FS01", 4026531841L, "C:\\srv\\budget.xlsx", "alice", null),
                new ActionTarget.CloseFile("DEMO-1", 5, "D:\\x.txt", "bob", "10.0.0.6")), true);

        List<ActionOutcome> outcomes = actions(log).run(plan).join();

        assertThat(outcomes).extracting(o -> o.text().lines().skip(1).findFirst().orElseThrow().trim())
                .containsExactly("Closed", "Already closed: File 4026531841 is no longer open on FS01.", "Closed");
        assertThat(log.read().records()).extracting(ActionRecord::actor, ActionRecord::server, ActionRecord::fileId,
                        ActionRecord::outcome, ActionRecord::demo, ActionRecord::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CORP\\anna", "FS01", 4026531841L,
                                ActionRecord.Outcome.DONE, false, NOW),
                        org.assertj.core.groups.Tuple.tuple("CORP\\anna", "FS01", 4026531841L,
                                ActionRecord.Outcome.ALREADY_GONE, false, NOW),
                        org.assertj.core.groups.Tuple.tuple("CORP\\anna", "DEMO-1", 5L, ActionRecord.Outcome.DONE,
                                true, NOW));
    }

    @Test
    void aRefusalIsAuditedWithItsKindAndCode() throws Exception {
        ActionLog log = new ActionLog(directory.resolve("actions.log"));
        servers.denying("FS01");

        List<ActionOutcome> outcomes = actions(log).run(ActionPlan.endSessions(List.of(
                new ActionTarget.EndSession("FS01", "10.0.0.5", "alice")), false)).join();

        assertThat(outcomes.getFirst().succeeded()).isFalse();
        assertThat(log.read().records()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(ActionRecord.Action.END_SESSION);
            assertThat(r.client()).isEqualTo("10.0.0.5");
            assertThat(r.user()).isEqualTo("alice");
            assertThat(r.outcome()).isEqualTo(ActionRecord.Outcome.REFUSED);
            assertThat(r.errorKind()).isEqualTo(ErrorKind.ACCESS_DENIED);
            assertThat(r.code()).isEqualTo(5L);
        });
    }

    @Test
    void nothingIsAttemptedWhenTheAuditLogCannotBeWritten() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        ActionLog log = new ActionLog(notADirectory.resolve("actions.log"));

        List<ActionOutcome> outcomes = actions(log).run(ActionPlan.closeFiles(List.of(
                new ActionTarget.CloseFile("DEMO-1", 5, "D:\\x.txt", "bob", null)), true)).join();

        assertThat(outcomes.getFirst().succeeded()).isFalse();
        assertThat(outcomes.getFirst().text()).contains("Not possible: Not attempted: the audit log " + log.file()
                + " cannot be written (a file of that name is in the way)").doesNotContain("Exception");
        assertThat(servers.calls).isEmpty();
        assertThat(servers.openOn("DEMO-1")).hasSize(1);
    }
}
