package org.sessionwatch.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.audit.ActionRecord;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiError;

class AuditLogViewModelTest {
    @TempDir
    Path directory;

    @Test
    void showsTheNewestFirstAndReportsUnreadableLinesWithoutFailing() throws Exception {
        ActionLog log = new ActionLog(directory.resolve("actions.log"));
        log.append(ActionRecord.closeFile(Instant.parse("2026-11-30T09:00:00Z"), "anna", "FS01", 4026531841L,
                "D:\\budget.xlsx", "alice", new ActionResult.Done(), false));
        Files.writeString(log.file(), "{\"at\": \"2026-11-30T09:0\n", StandardOpenOption.APPEND);
        log.append(ActionRecord.endSession(Instant.parse("2026-11-30T10:00:00Z"), "anna", "FS02", null, "bob",
                new ActionResult.Refused(new NetApiError(ErrorKind.ACCESS_DENIED, 5, "Access denied.", null)), true));
        AuditLogViewModel viewModel = new AuditLogViewModel(log, Runnable::run, Runnable::run, ZoneOffset.UTC);

        viewModel.load();

        assertThat(viewModel.entries()).containsExactly(
                new AuditLogViewModel.Entry("2026-11-30 10:00:00", "anna", "End session (demo)", "FS02",
                        "bob (any client)", "Refused (Access denied)", "Access denied."),
                new AuditLogViewModel.Entry("2026-11-30 09:00:00", "anna", "Close file", "FS01",
                        "D:\\budget.xlsx (id 4026531841), alice", "Done", ""));
        assertThat(viewModel.statusProperty().get()).isEqualTo("2 actions in " + log.file() + ". Line 2 is not a"
                + " readable record (cut short or edited) and is left out.");
    }

    @Test
    void aMissingLogIsEmptyNotAnError() {
        ActionLog log = new ActionLog(directory.resolve("actions.log"));
        AuditLogViewModel viewModel = new AuditLogViewModel(log, Runnable::run, Runnable::run, ZoneOffset.UTC);

        viewModel.load();

        assertThat(viewModel.entries()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("No actions recorded yet in " + log.file() + ".");
    }
}
