package org.sessionwatch.netapi.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.NetApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Off Windows, this package must load, decode and report, and netapi32 must never be loaded by a mere reference:
 * jna-platform's structures would load it as a side effect and fail there. The Windows counterpart is
 * {@link WindowsSmokeTest}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "checks the behaviour without netapi32; WindowsSmokeTest runs there")
class NativeLoadingTest {

    @Test
    void everyClassOfThePackageInitialisesWithoutNetapi32() throws ClassNotFoundException {
        ClassLoader loader = getClass().getClassLoader();
        for (String name : new String[] {"LmShare", "LmShare$SESSION_INFO_0", "LmShare$SESSION_INFO_1",
                "LmShare$SESSION_INFO_2", "LmShare$SESSION_INFO_10", "LmShare$SESSION_INFO_502",
                "SessionInfoLayout", "SessionInfoDecoder", "WideStrings", "NetApiNative", "Netapi32Library",
                "Netapi32Native", "WindowsSessionEnumerator", "UncServerName", "OnceLoaded", "NativeLoadFailure"}) {
            Class<?> type = Class.forName("org.sessionwatch.netapi.windows." + name, true, loader);
            assertThat(type).isNotNull();
        }
        // building structures and layouts touches JNA's own dispatch library only
        assertThat(new LmShare.SESSION_INFO_502().size()).isPositive();
        assertThat(SessionInfoLayout.of(InfoLevel.LEVEL_502).entrySize()).isPositive();
    }

    @Test
    void isSupportedOnlyOnWindows() {
        assertThat(WindowsSessionEnumerator.isSupported()).isFalse();
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
        try (WindowsSessionEnumerator enumerator = new WindowsSessionEnumerator()) {
            EnumerationResult result = enumerator.enumerate(EnumerationRequest.of("FS01"));

            assertThat(result).isInstanceOfSatisfying(EnumerationResult.Failure.class, failure -> {
                assertThat(failure.server()).isEqualTo("FS01");
                assertThat(failure.error().kind()).isEqualTo(ErrorKind.OTHER);
                assertThat(failure.error().message()).contains("only Windows");
            });
        }
    }
}
