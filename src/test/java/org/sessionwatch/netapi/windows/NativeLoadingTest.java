package org.sessionwatch.netapi.windows;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Off Windows, this package must load, decode and report, and netapi32 must never be loaded by a mere reference:
 * jna-platform's structures would load it as a side effect and fail there. The Windows counterpart is
 * {@link WindowsSmokeTest}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "checks the behaviour without netapi32; WindowsSmokeTest runs there")
class NativeLoadingTest {

    @Test
    void everyClassOfThePackageInitialisesWithoutNetapi32() {
        ClassLoader loader = getClass().getClassLoader();
        // Every production class of the package, found on the class path rather than listed by hand, so a class
        // added later (say one holding a static Native.load("netapi32")) is initialised here too: on this OS its
        // initialiser would throw UnsatisfiedLinkError, wrapped in ExceptionInInitializerError.
        List<String> names = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sessionwatch.netapi.windows").stream()
                .filter(c -> c.getPackageName().equals("org.sessionwatch.netapi.windows"))
                .map(JavaClass::getName).sorted().toList();
        assertThat(names).contains("org.sessionwatch.netapi.windows.Netapi32Library",
                "org.sessionwatch.netapi.windows.Netapi32Native", "org.sessionwatch.netapi.windows.WindowsFileServer",
                "org.sessionwatch.netapi.windows.LmShare$SESSION_INFO_502");
        for (String name : names) {
            assertThatCode(() -> Class.forName(name, true, loader)).as("initialising %s", name)
                    .doesNotThrowAnyException();
        }
        // building structures and layouts touches JNA's own dispatch library only
        assertThat(new LmShare.SESSION_INFO_502().size()).isPositive();
        assertThat(SessionInfoLayout.of(InfoLevel.LEVEL_502).entrySize()).isPositive();
    }

    @Test
    void isSupportedOnlyOnWindows() {
        assertThat(WindowsFileServer.isSupported()).isFalse();
    }

    @Test
    void loadingTheRealNativeLayerFailsWithAClearError() {
        assertThatThrownBy(Netapi32Native::load)
                .isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.OTHER);
                    assertThat(e.error().message()).contains("netapi32.dll", "only Windows");
                    assertThat(e.error().remedyText()).hasValueSatisfying(r -> assertThat(r).contains("srvsvc"));
                });
    }

    @Test
    void aLibraryThatIsNotThereIsAnErrorNotAnUnsatisfiedLinkError() {
        // bypasses the OS check to exercise JNA's real load failure
        assertThatThrownBy(() -> Netapi32Native.load("netapi32",
                () -> com.sun.jna.Native.load("netapi32", Netapi32Library.class)))
                .isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.OTHER);
                    assertThat(e.error().message()).contains("could not be loaded")
                            .doesNotContain("UnsatisfiedLinkError");
                    assertThat(e.getCause()).isInstanceOf(UnsatisfiedLinkError.class);
                });
    }

    @Test
    void theRealEnumeratorReportsAFailurePerServerInsteadOfCrashing() {
        try (WindowsFileServer enumerator = new WindowsFileServer("FS01")) {
            EnumerationResult result = enumerator.listSessions(EnumerationRequest.of("FS01"));

            assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, failure -> {
                assertThat(failure.server()).isEqualTo("FS01");
                assertThat(failure.error().kind()).isEqualTo(ErrorKind.OTHER);
                assertThat(failure.error().message()).contains("only Windows");
            });
        }
    }

    @Test
    void theRealServersFilesAndActionsReportThatNetapi32IsMissingAndThenOfferNothing() {
        try (WindowsFileServer server = new WindowsFileServer("FS01")) {
            OpenFilesResult files = server.listOpenFiles(OpenFilesRequest.of("FS01"));
            ActionResult close = server.closeFile(4_026_531_841L);
            ActionResult end = server.endSession("pc1", "alice");

            assertThat(files).isInstanceOfSatisfying(OpenFilesResult.Failure.class,
                    failure -> assertThat(failure.error().message()).contains("netapi32.dll", "only Windows"));
            for (ActionResult action : List.of(close, end)) {
                assertThat(action).isInstanceOfSatisfying(ActionResult.Refused.class,
                        refused -> assertThat(refused.error().message()).contains("only Windows"));
            }
            assertThat(server.capabilities().supported()).isEmpty();
            assertThat(server.capabilities().reason(Capability.CLOSE_FILE))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("only Windows", "srvsvc"));
        }
    }
}
