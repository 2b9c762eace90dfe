package org.sessionwatch.ui.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.polling.ServerPollResult;

/**
 * The Test connection button's state: one poll of the server being edited, run on {@code background}, its outcome
 * shown on the FX thread ({@code fx}) as a sentence — the level obtained and the session count, or the error with its
 * remedy. Editing the server again clears the outcome; a result that arrives after that is dropped.
 */
public final class ConnectionCheck {
    /** How the last test ended, for the outcome's style. */
    public enum Outcome { NONE, RUNNING, OK, FAILED }

    private final ConnectionTester tester;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private long generation;

    public ConnectionCheck(ConnectionTester tester, Executor background, Executor fx) {
        this.tester = Objects.requireNonNull(tester, "tester");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Tests {@code draft} as it stands; an invalid draft is answered with its first error, without polling. */
    public void start(ServerDraft draft) {
        long mine = ++generation;
        Optional<String> error = draft.firstError();
        if (error.isPresent()) {
            show(Outcome.FAILED, "Not tested: " + error.get());
            return;
        }
        ServerConfig server = draft.toConfig();
        if (server.backend() == Backend.DEMO) {
            show(Outcome.FAILED, "Not tested: a demo server is simulated; there is nothing to connect to.");
            return;
        }
        String typed = draft.passwordProperty().get();
        Optional<String> password = typed == null || typed.isEmpty() ? Optional.empty() : Optional.of(typed);
        running.set(true);
        show(Outcome.RUNNING, "Testing " + server.name() + "…");
        background.execute(() -> {
            ServerPollResult result;
            try {
                result = tester.test(server, password);
            } catch (RuntimeException e) {
                fx.execute(() -> finish(mine, Outcome.FAILED, "The test could not run: " + e.getMessage()));
                throw e;
            }
            ServerPollResult outcomeOfPoll = result;
            fx.execute(() -> finish(mine, outcomeOfPoll instanceof ServerPollResult.Ok ? Outcome.OK : Outcome.FAILED,
                    describe(outcomeOfPoll)));
        });
    }

    /** Forgets the shown outcome (the server was edited); a test still running is ignored when it ends. */
    public void clear() {
        generation++;
        running.set(false);
        show(Outcome.NONE, "");
    }

    static String describe(ServerPollResult result) {
        return switch (result) {
            case ServerPollResult.Ok ok -> String.format(Locale.ROOT,
                    "Connected to %s: level %s obtained%s, %d session%s, in %.1f s.", ok.server(), ok.level(),
                    ok.level() == ok.requestedLevel() ? "" : " (asked for " + ok.requestedLevel() + ")",
                    ok.sessions().size(), ok.sessions().size() == 1 ? "" : "s", ok.duration().toMillis() / 1000.0);
            case ServerPollResult.Failed failed -> failed.server() + ": " + failed.error().describe();
        };
    }

    private void finish(long mine, Outcome how, String text) {
        if (mine != generation) {
            return;
        }
        running.set(false);
        show(how, text);
    }

    private void show(Outcome how, String text) {
        outcome.set(how);
        message.set(text);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
