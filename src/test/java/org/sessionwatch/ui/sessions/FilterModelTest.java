package org.sessionwatch.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionwatch.ui.testing.Cycles.T0;
import static org.sessionwatch.ui.testing.Cycles.session;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

class FilterModelTest {
    private final FilterModel filters = new FilterModel();
    private final RowValues aliceFs01 = row(session("FS01", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0));
    private final RowValues aliceFs02 = row(session("FS02", "alice", "10.0.0.5", T0.minusSeconds(60), T0, 0));
    private final RowValues bobFs01 = row(session("FS01", "bob", "10.0.0.6", T0.minusSeconds(60), T0, 0));
    private final RowValues carolFs02 = row(session("FS02", "Carol", "10.0.0.7", T0.minusSeconds(60), T0, 0));
    private final List<RowValues> all = List.of(aliceFs01, aliceFs02, bobFs01, carolFs02);

    private static RowValues row(Session session) {
        return SessionRow.of(session, T0).getValues();
    }

    private List<RowValues> visible() {
        return all.stream().filter(filters.getPredicate()).toList();
    }

    @Test
    void showOnlyUserKeepsThatUsersRows() {
        filters.showOnly(FilterChip.Kind.USER, "ALICE");

        assertThat(visible()).containsExactly(aliceFs01, aliceFs02);
        assertThat(filters.filters()).extracting(FilterChip::label).containsExactly("User: ALICE");
        assertThat(filters.activeProperty().get()).isTrue();
    }

    @Test
    void differentKindsCombineWithAnd() {
        filters.showOnly(FilterChip.Kind.USER, "alice");
        filters.showOnly(FilterChip.Kind.SERVER, "FS02");

        assertThat(visible()).containsExactly(aliceFs02);
    }

    @Test
    void sameKindShowOnlyCombinesWithOr() {
        filters.showOnly(FilterChip.Kind.USER, "alice");
        filters.showOnly(FilterChip.Kind.USER, "bob");

        assertThat(visible()).containsExactly(aliceFs01, aliceFs02, bobFs01);
    }

    @Test
    void hideRemovesMatchingRowsAndReplacesTheOppositeChip() {
        filters.showOnly(FilterChip.Kind.CLIENT, "10.0.0.5");
        filters.hide(FilterChip.Kind.CLIENT, "10.0.0.5");

        assertThat(filters.filters()).containsExactly(FilterChip.hide(FilterChip.Kind.CLIENT, "10.0.0.5"));
        assertThat(visible()).containsExactly(bobFs01, carolFs02);
        assertThat(filters.filters().get(0).label()).isEqualTo("Not client: 10.0.0.5");
    }

    @Test
    void removingAChipAndClearingRestoreEverything() {
        filters.showOnly(FilterChip.Kind.USER, "alice");
        filters.hide(FilterChip.Kind.SERVER, "FS02");
        assertThat(visible()).containsExactly(aliceFs01);

        filters.remove(filters.filters().get(1));
        assertThat(visible()).containsExactly(aliceFs01, aliceFs02);

        filters.quickSearchProperty().set("x");
        filters.clear();
        assertThat(visible()).isEqualTo(all);
        assertThat(filters.filters()).isEmpty();
        assertThat(filters.quickSearchProperty().get()).isEmpty();
        assertThat(filters.activeProperty().get()).isFalse();
    }

    @Test
    void quickSearchMatchesAnyTextColumnIgnoringCase() {
        filters.quickSearchProperty().set("carol");
        assertThat(visible()).containsExactly(carolFs02);

        filters.quickSearchProperty().set(" 10.0.0.6 ");
        assertThat(visible()).containsExactly(bobFs01);

        filters.quickSearchProperty().set("netbiossmb");
        assertThat(visible()).isEqualTo(all);

        RowValues bobNamed = bobFs01.withHostName("PC-BOB.corp.example");
        filters.quickSearchProperty().set("pc-bob");
        assertThat(filters.getPredicate().test(bobNamed)).isTrue();
        assertThat(visible()).as("the host name is part of the values the filter reads").isEmpty();
    }

    @Test
    void quickSearchCombinesWithChips() {
        filters.showOnly(FilterChip.Kind.SERVER, "FS01");
        filters.quickSearchProperty().set("10.0.0.5");

        assertThat(visible()).containsExactly(aliceFs01);
    }

    @Test
    void anonymousSessionsCanBeFilteredByTheirEmptyUser() {
        RowValues anonymous = row(Session.builder("FS01", InfoLevel.LEVEL_10).clientName("10.0.0.8").userName(null)
                .activeSeconds(5).idleSeconds(5).build());
        filters.hide(FilterChip.Kind.USER, "");

        assertThat(filters.getPredicate().test(anonymous)).isFalse();
        assertThat(filters.getPredicate().test(aliceFs01)).isTrue();
        assertThat(filters.filters().get(0).label()).isEqualTo("Not user: (none)");
    }
}
