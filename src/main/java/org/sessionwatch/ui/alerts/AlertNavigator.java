package org.sessionwatch.ui.alerts;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.sessionwatch.alerts.Alert;
import org.sessionwatch.ui.sessions.FilterChip;
import org.sessionwatch.ui.sessions.SessionRow;
import org.sessionwatch.ui.sessions.SessionsViewModel;

/**
 * Opens what an alert is about: brings the window forward, switches to the Sessions tab and selects the session (the
 * shared selection, so the details pane shows it) or, for a server alert, shows only that server's sessions.
 */
public final class AlertNavigator implements Consumer<Alert> {
    private final SessionsViewModel sessions;
    private final TabPane views;
    private final Stage stage;
    private final Consumer<String> notice;

    /** @param notice tells the user in the status bar why nothing could be selected */
    public AlertNavigator(SessionsViewModel sessions, TabPane views, Stage stage, Consumer<String> notice) {
        this.sessions = sessions;
        this.views = views;
        this.stage = stage;
        this.notice = notice;
    }

    @Override
    public void accept(Alert alert) {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.toFront();
        views.getSelectionModel().select(0);
        if (alert.sessionId().isPresent()) {
            Optional<SessionRow> row = sessions.visibleRows().stream()
                    .filter(r -> r.id() == alert.sessionId().getAsLong()).findFirst();
            if (row.isPresent()) {
                sessions.selectedProperty().set(row.get());
            } else {
                notice.accept("The session of alert '" + alert.rule() + "' is not in the table: it has ended, or a"
                        + " filter hides it");
            }
        } else if (alert.server() != null) {
            sessions.filters().showOnly(FilterChip.Kind.SERVER, alert.server());
        }
    }
}
