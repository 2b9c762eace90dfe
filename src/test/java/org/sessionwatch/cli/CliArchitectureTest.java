package org.sessionwatch.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The CLI must start on a machine without a display; the configuration, the backend wiring ({@code app}), the
 * session CSV/JSON ({@code export}), the human formats ({@code format}) and the atomic file writes ({@code files}) are
 * shared by CLI and GUI.
 */
@AnalyzeClasses(packages = "org.sessionwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule cliAndConfigurationNeverTouchJavaFx = noClasses()
            .that().resideInAnyPackage("org.sessionwatch.cli..", "org.sessionwatch.config..",
                    "org.sessionwatch.app..", "org.sessionwatch.export..", "org.sessionwatch.format..",
                    "org.sessionwatch.files..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.sessionwatch.ui..")
            .because("--once and --watch run headless, and the Launcher picks the CLI before JavaFX loads");
}
