package org.sessionwatch.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;
import static org.sessionwatch.ui.testing.ScriptedActions.file;

import java.util.List;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.tracking.TrackerUpdate;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.testing.ScriptedActions;

class SessionFilesViewModelTest {
    private final ScriptedActions actions = new ScriptedActions()
            .server("FS01", file("FS01", 1, "alice", "D:\\Shares\\budget.xlsx"),
                    file("FS01", 2, "bob", "D:\\Shares\\pricing.xlsx"))
            .unsupported("TEAM", "Open files are not in the team database yet.");
    private final SessionDirectory directory = new SessionDirectory();
    private final SimpleObjectProperty<SessionRow> selected = new SimpleObjectProperty<>();
    private final SessionFilesViewModel viewModel = new SessionFilesViewModel(selected, () -> actions, directory,
            Runnable::run);

    private static SessionRow row(String server, String user, String client) {
        return SessionRow.of(session(server, user, client, T0.minusSeconds(60), T0, 0), T0);
    }

    @Test
    void selectingASessionListsItsUsersFiles() {
        assertThat(viewModel.stateProperty().get()).isEqualTo(SessionFilesViewModel.State.NO_SESSION);

        selected.set(row("FS01", "alice", "10.0.0.5"));

        assertThat(viewModel.stateProperty().get()).isEqualTo(SessionFilesViewModel.State.FILES);
        assertThat(viewModel.files()).extracting(FileRow::path).containsExactly("D:\\Shares\\budget.xlsx");
        assertThat(viewModel.messageProperty().get()).isEqualTo("1 file open on FS01.");
        assertThat(actions.calls).containsExactly("list FS01 alice");
    }

    @Test
    void aUserWithSeveralSessionsIsToldTheListIsTheirsTogether() {
        directory.accept(new TrackerUpdate(T0, List.of(ok("FS01", T0,
                session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0),
                session("FS01", "alice", "10.0.0.7", T0.minusSeconds(60), T0, 0))), List.of(), true));

        selected.set(row("FS01", "alice", "10.0.0.5"));

        assertThat(viewModel.messageProperty().get()).isEqualTo("1 file open on FS01. alice has 2 sessions on FS01"
                + " (10.0.0.5, 10.0.0.7); the server lists files by user, so these are the files of all of them.");
    }

    @Test
    void noFilesUnsupportedFailingAndAnonymousEachSaySo() {
        selected.set(row("FS01", "carol", "10.0.0.8"));
        assertThat(viewModel.stateProperty().get()).isEqualTo(SessionFilesViewModel.State.NONE);
        assertThat(viewModel.messageProperty().get()).isEqualTo("carol has no files open on FS01.");

        selected.set(row("TEAM", "alice", "10.0.0.5"));
        assertThat(viewModel.stateProperty().get()).isEqualTo(SessionFilesViewModel.State.UNSUPPORTED);
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("This server cannot list open files: Open files are not in the team database yet.");

        actions.denying("FS01");
        selected.set(row("FS01", "alice", "10.0.0.5"));
        assertThat(viewModel.stateProperty().get()).isEqualTo(SessionFilesViewModel.State.FAILED);
        assertThat(viewModel.messageProperty().get()).startsWith("Cannot list the open files: Access denied")
                .contains("What to do: Ask for membership of Administrators on FS01.");

        selected.set(SessionRow.of(Session.builder("FS01", InfoLevel.LEVEL_502).clientName("10.0.0.9").build(), T0));
        assertThat(viewModel.stateProperty().get()).isEqualTo(SessionFilesViewModel.State.NO_USER);
    }

    @Test
    void aRefreshListsAgainWithoutBlankingTheList() {
        selected.set(row("FS01", "bob", "10.0.0.6"));
        actions.closeFile("FS01", 2).join();

        viewModel.refresh();

        assertThat(viewModel.stateProperty().get()).isEqualTo(SessionFilesViewModel.State.NONE);
        assertThat(actions.calls).containsExactly("list FS01 bob", "close FS01 2", "list FS01 bob");
    }
}
