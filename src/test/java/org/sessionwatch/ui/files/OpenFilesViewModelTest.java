package org.sessionwatch.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.ok;
import static org.sessionwatch.ui.testing.Cycles.session;
import static org.sessionwatch.ui.testing.ScriptedActions.file;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.tracking.TrackerUpdate;
import org.sessionwatch.ui.common.TaskExecutor;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.testing.ScriptedActions;

class OpenFilesViewModelTest {
    private final ScriptedActions actions = new ScriptedActions()
            .server("FS01", file("FS01", 0xF000_0001L, "alice", "C:\\srv\\samba\\Finance\\budget.xlsx"),
                    file("FS01", 2, "bob", "C:\\srv\\samba\\Sales\\pricing.xlsx"))
            .server("FS02", file("FS02", 10, "carol", "D:\\Shares\\HR\\Budget 2027.xlsx"))
            .unsupported("FS03", "Listing open files is not supported by the team database.");
    private final SessionDirectory directory = new SessionDirectory();
    private final OpenFilesViewModel viewModel = new OpenFilesViewModel(() -> actions, directory,
            TaskExecutor.currentThread(), Runnable::run);

    @Test
    void listsEveryServerAndSaysWhichCouldNotBeListed() {
        directory.accept(new TrackerUpdate(T0, List.of(ok("FS01", T0,
                session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0),
                session("FS01", "bob", "10.0.0.6", T0.minusSeconds(60), T0, 0),
                session("FS01", "bob", "10.0.0.9", T0.minusSeconds(60), T0, 0))), List.of(), true));

        viewModel.refresh();

        assertThat(viewModel.rows()).extracting(FileRow::server, FileRow::user, FileRow::client, FileRow::fileName)
                .containsExactly(tuple("FS01", "alice", "10.0.0.5", "budget.xlsx"),
                        tuple("FS01", "bob", null, "pricing.xlsx"), // two sessions of bob: client unknown
                        tuple("FS02", "carol", null, "Budget 2027.xlsx"));
        assertThat(viewModel.rows().getFirst().id()).isEqualTo(4026531841L);
        assertThat(viewModel.servers()).extracting(ServerFiles::server, ServerFiles::state)
                .containsExactly(tuple("FS01", ServerFiles.State.OK), tuple("FS02", ServerFiles.State.OK),
                        tuple("FS03", ServerFiles.State.UNSUPPORTED));
        assertThat(viewModel.servers().get(2).problemText()).isEqualTo(
                "FS03 cannot list open files: Listing open files is not supported by the team database.");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("3 open files on 2 servers · 1 not listed (see below)");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void aFailingServerKeepsItsLastFilesMarkedStaleWithTheErrorAndRemedy() {
        viewModel.refresh();
        actions.denying("FS01");

        viewModel.refresh();

        assertThat(viewModel.rows()).filteredOn(r -> r.server().equals("FS01")).hasSize(2).allMatch(FileRow::stale);
        assertThat(viewModel.rows()).filteredOn(r -> r.server().equals("FS02")).noneMatch(FileRow::stale);
        assertThat(viewModel.servers().getFirst().problemText()).isEqualTo("Access denied: your account may"
                + " not list the open files on FS01. (code 5) What to do: Ask for membership of Administrators on"
                + " FS01. (showing the 2 files it listed last, greyed out)");
    }

    @Test
    void thePathSearchAndTheChipsNarrowTheRows() {
        viewModel.refresh();

        viewModel.filters().quickSearchProperty().set("BUDGET");
        assertThat(viewModel.rows()).extracting(FileRow::user).containsExactly("alice", "carol");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("Showing 2 of 3 open files on 2 servers · 1 not listed (see below)");

        viewModel.filters().hide(FilterChip.Kind.SERVER, "fs02");
        assertThat(viewModel.rows()).extracting(FileRow::user).containsExactly("alice");

        viewModel.filters().clear();
        viewModel.filters().showOnly(FilterChip.Kind.USER, "BOB");
        assertThat(viewModel.rows()).extracting(FileRow::path).containsExactly("C:\\srv\\samba\\Sales\\pricing.xlsx");
    }

    @Test
    void aClosedFileLeavesTheNextListing() {
        viewModel.refresh();
        actions.closeFile("FS01", 2).join();

        viewModel.refresh();

        assertThat(viewModel.rows()).extracting(FileRow::id).containsExactly(4026531841L, 10L);
        assertThat(viewModel.listingsProperty().get()).isEqualTo(2);
    }
}
