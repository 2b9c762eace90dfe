package org.sessionwatch.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the FXML views under {@code /org/sessionwatch/ui/} with the one controller factory. */
public final class FxmlViews {
    private final ControllerFactory factory;
    private final ResourceBundle bundle;

    public FxmlViews(ControllerFactory factory, ResourceBundle bundle) {
        this.factory = factory;
        this.bundle = bundle;
    }

    /** A loaded view and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    /** Loads {@code name} (e.g. "main/main.fxml") relative to the ui resource folder. */
    public <C> View<C> load(String name) {
        URL url = FxmlViews.class.getResource("/org/sessionwatch/ui/" + name);
        if (url == null) {
            throw new IllegalStateException("FXML view /org/sessionwatch/ui/" + name + " is missing from the build");
        }
        FXMLLoader loader = new FXMLLoader(url, bundle, null, factory);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + name + ": " + e.getMessage(), e);
        }
    }
}
