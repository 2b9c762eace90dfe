package org.sessionwatch.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InMemoryCredentialStoreTest {

    @Test
    void storesACopyAndHandsOutCopies() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        char[] typed = "pa55word".toCharArray();

        store.store("CORP\\helpdesk@fs01", typed);
        java.util.Arrays.fill(typed, 'x');
        char[] first = store.password("CORP\\helpdesk@fs01").orElseThrow();
        java.util.Arrays.fill(first, '\0');

        assertThat(store.password("CORP\\helpdesk@fs01")).hasValueSatisfying(
                p -> assertThat(p).containsExactly("pa55word".toCharArray()));
        assertThat(store.password("other@fs01")).isEmpty();
    }

    @Test
    void deletingOrReplacingWipesTheStoredArray() throws Exception {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store("a@fs01", "first".toCharArray());
        char[] storedFirst = internal(store).get("a@fs01");
        store.store("a@fs01", "second".toCharArray());
        char[] storedSecond = internal(store).get("a@fs01");

        store.delete("a@fs01");
        store.delete("never-stored@fs01");

        assertThat(storedFirst).containsOnly('\0');
        assertThat(storedSecond).containsOnly('\0');
        assertThat(store.password("a@fs01")).isEmpty();
    }

    @Test
    void clearWipesEverything() throws Exception {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store("a@fs01", "one".toCharArray());
        char[] stored = internal(store).get("a@fs01");

        store.clear();

        assertThat(stored).containsOnly('\0');
        assertThat(store.password("a@fs01")).isEmpty();
        assertThat(store.description()).isEqualTo("memory (this run only)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, char[]> internal(InMemoryCredentialStore store) throws ReflectiveOperationException {
        Field field = InMemoryCredentialStore.class.getDeclaredField("passwords");
        field.setAccessible(true);
        return (Map<String, char[]>) field.get(store);
    }
}
