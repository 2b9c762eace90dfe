package org.sessionwatch.ui.sessions;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The filter chips and the quick search, combined into one row predicate over any {@link FilterableRow} (the session
 * table's and the open-files table's rows each have a model of their own).
 *
 * <p>Chips of different kinds combine with AND; several "show only" chips of the same kind combine with OR (show
 * only user A or user B), and every "hide" chip must hold. A new chip replaces one for the same kind and value
 * (hiding a user that was "show only" flips it). The quick search matches a substring of any text column,
 * ignoring case.
 */
public final class FilterModel {
    private final ObservableList<FilterChip> filters = FXCollections.observableArrayList();
    private final ObservableList<FilterChip> readOnlyFilters = FXCollections.unmodifiableObservableList(filters);
    private final StringProperty quickSearch = new SimpleStringProperty(this, "quickSearch", "");
    /** No filter: the table then knows it need not test a single row. */
    public static final Predicate<FilterableRow> ALL = row -> true;

    private final ReadOnlyObjectWrapper<Predicate<FilterableRow>> predicate =
            new ReadOnlyObjectWrapper<>(this, "predicate", ALL);
    private final BooleanBinding active;

    public FilterModel() {
        filters.addListener((javafx.collections.ListChangeListener<FilterChip>) c -> rebuild());
        quickSearch.addListener((obs, old, now) -> rebuild());
        active = Bindings.createBooleanBinding(() -> !filters.isEmpty() || !searchText().isEmpty(), filters,
                quickSearch);
    }

    public ObservableList<FilterChip> filters() {
        return readOnlyFilters;
    }

    public StringProperty quickSearchProperty() {
        return quickSearch;
    }

    /**
     * The predicate over immutable row values, replaced (never mutated) whenever a chip or the search changes; it
     * captures copies of the chips and the search text, so the tracker thread may evaluate it while the user types.
     */
    public ReadOnlyObjectProperty<Predicate<FilterableRow>> predicateProperty() {
        return predicate.getReadOnlyProperty();
    }

    public Predicate<FilterableRow> getPredicate() {
        return predicate.get();
    }

    /** Whether any chip or search text narrows the table. */
    public BooleanBinding activeProperty() {
        return active;
    }

    public void add(FilterChip filter) {
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).sameTarget(filter)) {
                filters.set(i, filter);
                return;
            }
        }
        filters.add(filter);
    }

    public void showOnly(FilterChip.Kind kind, String value) {
        add(FilterChip.only(kind, value));
    }

    public void hide(FilterChip.Kind kind, String value) {
        add(FilterChip.hide(kind, value));
    }

    public void remove(FilterChip filter) {
        filters.remove(filter);
    }

    /** Removes every chip and the search text. */
    public void clear() {
        filters.clear();
        quickSearch.set("");
    }

    private String searchText() {
        String text = quickSearch.get();
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    private void rebuild() {
        Map<FilterChip.Kind, List<FilterChip>> only = new EnumMap<>(FilterChip.Kind.class);
        List<FilterChip> hidden = filters.stream().filter(f -> f.mode() == FilterChip.Mode.HIDE).toList();
        if (filters.isEmpty() && searchText().isEmpty()) {
            predicate.set(ALL);
            return;
        }
        for (FilterChip filter : filters) {
            if (filter.mode() == FilterChip.Mode.ONLY) {
                only.computeIfAbsent(filter.kind(), k -> new java.util.ArrayList<>()).add(filter);
            }
        }
        String needle = searchText();
        predicate.set(row -> {
            for (List<FilterChip> alternatives : only.values()) {
                if (alternatives.stream().noneMatch(f -> f.matchesValue(row))) {
                    return false;
                }
            }
            for (FilterChip filter : hidden) {
                if (filter.matchesValue(row)) {
                    return false;
                }
            }
            return needle.isEmpty() || row.matchesSearch(needle);
        });
    }

    /** Whether {@code haystack} contains {@code lowerNeedle}, ignoring case; a null haystack contains nothing. */
    public static boolean contains(String haystack, String lowerNeedle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }
}
