package org.sessionwatch.ui.firstrun;

import java.util.Objects;

import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.layout.HBox;

/**
 * The bar under the toolbar that says the window shows demo data and opens the server editor ("Add your servers…").
 * Shown exactly while the demo fleet is shown; gone as soon as a server is configured.
 */
public final class DemoCallController {
    private final ObservableBooleanValue demo;
    private final Runnable addServers;

    @FXML private HBox demoCall;

    /**
     * @param demo       whether the window shows the demo fleet
     * @param addServers opens the settings dialog with a new, empty server
     */
    public DemoCallController(ObservableBooleanValue demo, Runnable addServers) {
        this.demo = Objects.requireNonNull(demo, "demo");
        this.addServers = Objects.requireNonNull(addServers, "addServers");
    }

    @FXML
    private void initialize() {
        demoCall.visibleProperty().bind(demo);
        demoCall.managedProperty().bind(demoCall.visibleProperty());
    }

    @FXML
    private void addServers() {
        addServers.run();
    }
}
