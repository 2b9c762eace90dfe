package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;
import org.sessionwatch.netapi.SessionField;
import org.sessionwatch.ui.testing.Cycles;

class DetailsViewModelTest {
    private final TableHarness table = new TableHarness();
    private final ObjectProperty<SessionRow> selected = table.selected;
    private final DetailsViewModel details = new DetailsViewModel(selected, ZoneOffset.UTC);

    private Map<String, DetailLine> show(Session session) {
        selected.set(SessionRow.of(session, T0));
        return details.getLines().stream().collect(Collectors.toMap(DetailLine::label, l -> l));
    }

    private static Session full(InfoLevel level) {
        Session.Builder b = Session.builder("FS01", level).clientName("\\\\10.0.0.5");
        if (level.carries(SessionField.USER_NAME)) {
            b.userName("alice");
        }
        if (level.carries(SessionField.OPEN_COUNT)) {
            b.openCount(4);
        }
        if (level.carries(SessionField.ACTIVE_TIME)) {
            b.activeSeconds(7500).idleSeconds(190);
        }
        if (level.carries(SessionField.USER_FLAGS)) {
            b.userFlags(3);
        }
        if (level.carries(SessionField.CLIENT_TYPE)) {
            b.clientType("Windows 10 Enterprise 19045");
        }
        if (level.carries(SessionField.TRANSPORT)) {
            b.transport("\\Device\\NetbiosSmb");
        }
        return b.build();
    }

    @Test
    void level502ShowsEveryFieldWithUnitsAndComputedTimestamps() {
        Map<String, DetailLine> lines = show(full(InfoLevel.LEVEL_502));

        assertThat(lines.get("Server").value()).isEqualTo("FS01");
        assertThat(lines.get("Client").value()).isEqualTo("10.0.0.5");
        assertThat(lines.get("User").value()).isEqualTo("alice");
        assertThat(lines.get("Open files").value()).isEqualTo("4 files, devices and pipes");
        assertThat(lines.get("Connected").value()).isEqualTo("2 h 05 min (7500 s)");
        assertThat(lines.get("Connected since").value()).isEqualTo("2026-11-24 06:55:00");
        assertThat(lines.get("Idle").value()).isEqualTo("3 min 10 s (190 s)");
        assertThat(lines.get("Last activity").value()).isEqualTo("2026-11-24 08:56:50");
        assertThat(lines.get("Client type").value()).isEqualTo("Windows 10 Enterprise 19045");
        assertThat(lines.get("Transport").value()).isEqualTo("\\Device\\NetbiosSmb");
        assertThat(lines.get("Flags").value()).isEqualTo("guest, no encryption (raw 0x3)");
        assertThat(lines.get("Information level").value()).isEqualTo("level 502");
        assertThat(lines.values()).noneMatch(DetailLine::missing);
        assertThat(details.titleProperty().getValue()).isEqualTo("alice on FS01");
        assertThat(details.statusProperty().getValue()).isEqualTo("Active, as of 2026-11-24 09:00:00");
    }

    @Test
    void level0SaysWhatItDoesNotProvide() {
        Map<String, DetailLine> lines = show(full(InfoLevel.LEVEL_0));

        assertThat(lines.get("Client").value()).isEqualTo("10.0.0.5");
        for (String label : new String[] {"User", "Open files", "Connected", "Connected since", "Idle",
                "Last activity", "Client type", "Transport", "Flags"}) {
            assertThat(lines.get(label)).as(label).isEqualTo(new DetailLine(label, "not provided at level 0", true));
        }
        assertThat(details.titleProperty().getValue()).isEqualTo("(no user) on FS01");
    }

    @Test
    void level1HasNoClientTypeOrTransport() {
        Map<String, DetailLine> lines = show(full(InfoLevel.LEVEL_1));

        assertThat(lines.get("Open files").value()).isEqualTo("4 files, devices and pipes");
        assertThat(lines.get("Client type").value()).isEqualTo("not provided at level 1");
        assertThat(lines.get("Transport").value()).isEqualTo("not provided at level 1");
    }

    @Test
    void level2HasClientTypeButNoTransport() {
        Map<String, DetailLine> lines = show(full(InfoLevel.LEVEL_2));

        assertThat(lines.get("Client type").value()).isEqualTo("Windows 10 Enterprise 19045");
        assertThat(lines.get("Transport").value()).isEqualTo("not provided at level 2");
    }

    @Test
    void level10HasTimesButNoOpensOrFlags() {
        Map<String, DetailLine> lines = show(full(InfoLevel.LEVEL_10));

        assertThat(lines.get("Idle").value()).isEqualTo("3 min 10 s (190 s)");
        assertThat(lines.get("Open files")).isEqualTo(new DetailLine("Open files", "not provided at level 10", true));
        assertThat(lines.get("Flags").value()).isEqualTo("not provided at level 10");
        assertThat(lines.get("Client type").value()).isEqualTo("not provided at level 10");
    }

    @Test
    void nullStringFromTheServerIsNotConfusedWithALevelGap() {
        Map<String, DetailLine> lines = show(Session.builder("FS01", InfoLevel.LEVEL_502).clientName("10.0.0.5")
                .userName(null).openCount(0).activeSeconds(1).idleSeconds(1).userFlags(0).clientType(null)
                .transport(null).build());

        assertThat(lines.get("User")).isEqualTo(new DetailLine("User", "none reported by the server", true));
        assertThat(lines.get("Flags").value()).isEqualTo("none (raw 0x0)");
        assertThat(lines.get("Open files").value()).isEqualTo("0 files, devices and pipes");
    }

    @Test
    void requestedLevelIsShownWhenTheServerRefusedIt() {
        Session level10 = full(InfoLevel.LEVEL_10);
        table.poll(Cycles.cycle(T0, new org.sessionwatch.polling.ServerPollResult.Ok("FS01", InfoLevel.LEVEL_502,
                InfoLevel.LEVEL_10, java.util.List.of(level10), java.time.Duration.ZERO, T0)));
        selected.set(table.rows().get(0));

        assertThat(details.getLines()).contains(DetailLine.of("Information level", "level 10 (level 502 was requested)"));
    }

    @Test
    void endedAndStaleRowsSaySo() {
        table.poll(Cycles.cycle(T0, Cycles.ok("FS01", T0, full(InfoLevel.LEVEL_502))));
        SessionRow row = table.rows().get(0);
        selected.set(row);
        List<String> statuses = new ArrayList<>();
        details.statusProperty().subscribe((String status) -> statuses.add(status));

        table.poll(Cycles.cycle(T0.plusSeconds(15),
                Cycles.failed("FS01", T0.plusSeconds(15), org.sessionwatch.netapi.ErrorKind.TIMEOUT)));
        assertThat(details.statusProperty().getValue()).as("derived from the row, without a refresh call")
                .isEqualTo("Stale: FS01 did not answer the last poll; values as of 2026-11-24 09:00:00");
        assertThat(details.staleProperty().getValue()).isTrue();

        table.poll(Cycles.cycle(T0.plusSeconds(30), Cycles.ok("FS01", T0.plusSeconds(30))));
        assertThat(details.statusProperty().getValue()).isEqualTo("Ended: not reported since 2026-11-24 09:00:00");
        assertThat(details.endedProperty().getValue()).isTrue();
        assertThat(details.getRow()).isSameAs(row);
        assertThat(table.rows()).doesNotContain(row);
        assertThat(statuses).hasSize(3);
    }

    @Test
    void clientShowsTheHostNameWhenKnown() {
        table.dns.put("10.0.0.5", "PC-ALICE.corp.example");
        table.poll(Cycles.cycle(T0, Cycles.ok("FS01", T0, full(InfoLevel.LEVEL_502))));
        selected.set(table.rows().get(0));
        table.sessions.resolveHostNamesProperty().set(true);
        table.lookups.forEach(Runnable::run);

        assertThat(details.getLines()).contains(DetailLine.of("Client", "10.0.0.5 (PC-ALICE.corp.example)"));
    }

    @Test
    void nothingSelectedShowsNothing() {
        show(full(InfoLevel.LEVEL_502));
        selected.set(null);

        assertThat(details.getLines()).isEmpty();
        assertThat(details.titleProperty().getValue()).isEmpty();
        assertThat(details.statusProperty().getValue()).isEmpty();
    }
}
