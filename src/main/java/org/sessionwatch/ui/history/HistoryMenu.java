package org.sessionwatch.ui.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javafx.scene.control.MenuItem;

import org.kordamp.ikonli.javafx.FontIcon;
import org.sessionwatch.history.HistoryRepository.Party;

/** The "History of user U" and "History of client C" menu items, for the live table and the History tab alike. */
public final class HistoryMenu {

    private HistoryMenu() {
    }

    /** Items opening the timeline of the user and of the client; none for an absent name. */
    public static List<MenuItem> items(String user, String client, BiConsumer<Party, String> open) {
        List<MenuItem> items = new ArrayList<>(2);
        if (user != null && !user.isEmpty()) {
            items.add(item("History of user " + user, "mdal-history", () -> open.accept(Party.USER, user)));
        }
        if (client != null && !client.isEmpty()) {
            items.add(item("History of client " + client, "mdal-history", () -> open.accept(Party.CLIENT, client)));
        }
        return items;
    }

    static MenuItem item(String text, String icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setMnemonicParsing(false);
        item.setOnAction(e -> action.run());
        return item;
    }

    static String shown(String value) {
        return value == null || value.isEmpty() ? "(none)" : value;
    }
}
