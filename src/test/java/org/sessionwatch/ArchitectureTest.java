package org.sessionwatch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependency rules for our own production classes. Libraries may use what they like (java-keyring uses JNA
 * internally); these rules are about which of our packages may touch which technology.
 */
@AnalyzeClasses(packages = "org.sessionwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** JNA stays in the Windows backend, so no other code can load a native library by accident. */
    @ArchTest
    static final ArchRule onlyTheWindowsBackendUsesJna = noClasses()
            .that().resideOutsideOfPackage("org.sessionwatch.netapi.windows..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("native code lives behind the seam in org.sessionwatch.netapi.windows");

    /** The shared session model is plain Java that every backend and the UI build on. */
    @ArchTest
    static final ArchRule theCoreModelDependsOnNoBackendOrUiTechnology = noClasses()
            .that().resideInAPackage("org.sessionwatch.netapi")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..", "javafx..", "com.hierynomus..",
                    "com.rapid7..")
            .because("org.sessionwatch.netapi is the contract shared by every backend and the UI");

    /**
     * The CLI and the GUI get their poll sources from one composition class ({@code org.sessionwatch.app.PollSources}),
     * so a new backend, or a change in how one is built, is made in one place for both.
     */
    @ArchTest
    static final ArchRule onlyTheCompositionPackageKnowsTheConcreteBackends = noClasses()
            .that().resideOutsideOfPackages("org.sessionwatch.app..", "org.sessionwatch.netapi.windows..",
                    "org.sessionwatch.netapi.srvsvc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sessionwatch.netapi.windows..",
                    "org.sessionwatch.netapi.srvsvc..")
            .because("org.sessionwatch.app.PollSources wires the real backends for the CLI and the GUI alike");

    /**
     * The session tracker is the one flow every consumer reads: plain Java that knows nothing of its consumers (the
     * window, the CLI, later history and alerts), so any of them can be added without touching it.
     */
    @ArchTest
    static final ArchRule theTrackerKnowsNoConsumer = noClasses()
            .that().resideInAPackage("org.sessionwatch.tracking..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.sessionwatch.ui..",
                    "org.sessionwatch.cli..", "org.sessionwatch.app..")
            .because("consumers subscribe to the tracker's events; the tracker never reaches back to them");

    /** Polling hands results to the tracker's callers; it never calls a consumer itself. */
    @ArchTest
    static final ArchRule pollingKnowsNoConsumer = noClasses()
            .that().resideInAPackage("org.sessionwatch.polling..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.sessionwatch.ui..",
                    "org.sessionwatch.cli..", "org.sessionwatch.tracking..")
            .because("a poll result flows one way: server, poller, tracker, consumers");

    /** The configuration is data: it knows no poller, backend or view. */
    @ArchTest
    static final ArchRule theConfigurationIsPlainData = noClasses()
            .that().resideInAPackage("org.sessionwatch.config..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.sessionwatch.ui..",
                    "org.sessionwatch.cli..", "org.sessionwatch.polling..", "org.sessionwatch.tracking..",
                    "org.sessionwatch.netapi..")
            .because("every layer reads the configuration; it must not depend on any of them");

    /** The demo fleet is wired once too: no second demo wiring in the CLI, the window or the poller. */
    @ArchTest
    static final ArchRule onlyTheCompositionPackageKnowsTheDemoFleet = noClasses()
            .that().resideOutsideOfPackages("org.sessionwatch.app..", "org.sessionwatch.netapi.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.sessionwatch.netapi.demo..")
            .because("org.sessionwatch.app.PollSources decides when the demo fleet answers, for CLI and GUI alike");

    /** The server contract and every backend are plain Java: the CLI and the poller load them without a display. */
    @ArchTest
    static final ArchRule theServersAndThePollerNeverTouchJavaFx = noClasses()
            .that().resideInAnyPackage("org.sessionwatch.netapi..", "org.sessionwatch.polling..",
                    "org.sessionwatch.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.sessionwatch.ui..",
                    "org.sessionwatch.cli..")
            .because("servers, polling and their wiring sit below both front ends");

    /** Backends are independent of each other and of who polls them. */
    @ArchTest
    static final ArchRule backendsDependOnlyOnTheContract = noClasses()
            .that().resideInAnyPackage("org.sessionwatch.netapi..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sessionwatch.polling..",
                    "org.sessionwatch.app..")
            .because("a FileServer answers one server's calls; polling, deadlines and wiring are above it");

    /** Every server object is reached through the one seam: nothing polls outside org.sessionwatch.polling.PollSource. */
    @ArchTest
    static final ArchRule onlyTheCompositionAndPollingCreatePollers = noClasses()
            .that().resideOutsideOfPackages("org.sessionwatch.app..", "org.sessionwatch.polling..")
            .should().callConstructor(org.sessionwatch.polling.Poller.class,
                    org.sessionwatch.polling.FileServerFactory.class, org.sessionwatch.polling.PollerOptions.class)
            .orShould().callConstructor(org.sessionwatch.polling.Poller.class,
                    org.sessionwatch.polling.FileServerFactory.class, org.sessionwatch.polling.PollerOptions.class,
                    org.sessionwatch.polling.PollerRuntime.class)
            .because("the CLI and the window poll through a PollSource built by org.sessionwatch.app.PollSources");

    /**
     * The window's features are separate view-model packages: the frame (status bar, menu) and the session table do
     * not know each other; the composition root in org.sessionwatch.ui connects them through narrow inputs.
     */
    @ArchTest
    static final ArchRule theWindowFrameAndTheSessionTableDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("org.sessionwatch.ui.main..")
            .should().dependOnClassesThat().resideInAPackage("org.sessionwatch.ui.sessions..")
            .because("each feature's view model has narrow inputs; AppContext wires them");

    @ArchTest
    static final ArchRule theSessionTableDoesNotKnowTheWindowFrame = noClasses()
            .that().resideInAPackage("org.sessionwatch.ui.sessions..")
            .should().dependOnClassesThat().resideInAPackage("org.sessionwatch.ui.main..")
            .because("the session table is one feature of the window, not part of its frame");

    @ArchTest
    static final ArchRule onlyTheCompositionRootKnowsTheOpenFilesFeature = noClasses()
            .that().resideInAnyPackage("org.sessionwatch.ui.main..", "org.sessionwatch.ui.sessions..",
                    "org.sessionwatch.ui.servers..", "org.sessionwatch.ui.settings..")
            .should().dependOnClassesThat().resideInAPackage("org.sessionwatch.ui.files..")
            .because("open files and the actions on them reach the frame and the session table through narrow"
                    + " inputs (ActionCommands, menu-item functions) that AppContext wires");

    /**
     * The start-up cache starts JVMs of its own (the training): only the window's start (SessionWatchApp, in the
     * composition root) asks it to, never a feature of the window or the command line.
     */
    @ArchTest
    static final ArchRule onlyTheWindowsStartTrainsTheStartupCache = noClasses()
            .that().resideOutsideOfPackages("org.sessionwatch.ui", "org.sessionwatch.ui.startup")
            .should().dependOnClassesThat().resideInAPackage("org.sessionwatch.ui.startup..")
            .because("the cache is trained once the window is on screen (SessionWatchApp.start); the CLI only uses"
                    + " what the launcher maps");

    /** View models hold state and commands; only controllers and cells touch controls. */
    @ArchTest
    static final ArchRule viewModelsUseNoControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Model")
            .and().resideInAPackage("org.sessionwatch.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..")
            .because("view models are tested with plain JUnit and never touch controls");

    /**
     * History is a consumer of the tracker that both front ends read: it knows neither of them, nor the poller, and
     * only its JDBC classes (not its callers) name SQL or the SQLite driver.
     */
    @ArchTest
    static final ArchRule historyKnowsNoFrontEnd = noClasses()
            .that().resideInAPackage("org.sessionwatch.history..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.sessionwatch.ui..",
                    "org.sessionwatch.cli..", "org.sessionwatch.app..")
            .because("the window's history view and --history are built on its repository, not the other way round");

    @ArchTest
    static final ArchRule onlyHistoryTalksToTheDatabase = noClasses()
            .that().resideOutsideOfPackages("org.sessionwatch.history..", "org.sessionwatch.team..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
            .because("history queries go through HistoryRepository (SQLite and PostgreSQL alike) and the team"
                    + " database through org.sessionwatch.team; no other code writes SQL");
}
