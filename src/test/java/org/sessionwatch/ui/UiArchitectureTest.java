package org.sessionwatch.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The view-model rule of the GUI, checked on the compiled classes. */
class UiArchitectureTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sessionwatch.ui");

    @Test
    void viewModelsNeverTouchControlsOrTheToolkit() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Model")
                .or().haveSimpleNameEndingWith("Row").or().haveSimpleNameEndingWith("Filter")
                .or().haveSimpleName("FilterChip")
                .or().haveSimpleNameEndingWith("Draft").or().haveSimpleName("ServerHealth")
                .or().haveSimpleName("SessionExport")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.fxml..")
                .because("view models are tested with plain JUnit, without a JavaFX toolkit")
                .check(UI);
    }

    @Test
    void noGuiClassKnowsTheConcreteBackends() {
        noClasses().that().resideInAPackage("org.sessionwatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sessionwatch.netapi.windows..",
                        "org.sessionwatch.netapi.srvsvc..", "com.sun.jna..", "com.hierynomus..", "com.rapid7..")
                .because("the backends are wired once, for CLI and GUI, in org.sessionwatch.app.PollSources")
                .check(UI);
    }

    @Test
    void noGuiClassKnowsTheDemoFleet() {
        noClasses().that().resideInAPackage("org.sessionwatch.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.sessionwatch.netapi.demo..")
                .because("the demo fleet is wired once, for CLI and GUI, in org.sessionwatch.app.PollSources")
                .check(UI);
    }
}
