package org.sessionwatch.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the monitoring window. */
public final class SessionWatchApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(SessionWatchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("SessionWatch");
        stage.setScene(new Scene(new Label("SessionWatch — the monitoring window is being built."), 640, 400));
        stage.show();
    }
}
