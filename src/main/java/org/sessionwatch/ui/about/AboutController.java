package org.sessionwatch.ui.about;

import java.util.List;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import org.sessionwatch.AppInfo;

/** Name, version, licence and the libraries SessionWatch is built with. */
public final class AboutController {
    /** The libraries shipped in the jar, with their licences. */
    static final List<String> LIBRARIES = List.of(
            "OpenJFX 21 (GPL v2 with Classpath Exception)",
            "AtlantaFX 2.1 (MIT)",
            "ControlsFX 11.2 (BSD 3-Clause)",
            "Ikonli 12.4 with Material Design 2 icons (Apache-2.0)",
            "JNA 5.19 (Apache-2.0 / LGPL-2.1)",
            "SMBJ 0.14 (Apache-2.0)",
            "dcerpc by Rapid7 0.12 (Apache-2.0)",
            "Bouncy Castle 1.87 (MIT)",
            "java-keyring 1.0 (BSD 3-Clause)",
            "Jackson 2.22 (Apache-2.0)",
            "picocli 4.7 (Apache-2.0)",
            "SLF4J 2.0 (MIT)");

    private final List<Image> icons;

    @FXML private ImageView logo;
    @FXML private Label name;
    @FXML private Label version;
    @FXML private Label licence;
    @FXML private TextArea libraries;
    @FXML private Label runtime;

    /** @param icons the application icons already loaded (largest is shown), possibly none */
    public AboutController(List<Image> icons) {
        this.icons = icons;
    }

    @FXML
    private void initialize() {
        name.setText(AppInfo.name());
        version.setText("Version " + AppInfo.version());
        licence.setText("Licensed under the Apache License, Version 2.0.");
        libraries.setText(String.join("\n", LIBRARIES));
        runtime.setText("Java " + System.getProperty("java.version") + " · JavaFX "
                + System.getProperty("javafx.runtime.version", "?") + " · " + System.getProperty("os.name"));
        icons.stream().max(java.util.Comparator.comparingDouble(Image::getWidth)).ifPresentOrElse(logo::setImage,
                () -> {
                    logo.setVisible(false);
                    logo.setManaged(false);
                });
    }
}
