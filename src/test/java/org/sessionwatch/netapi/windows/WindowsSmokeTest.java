package org.sessionwatch.netapi.windows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The real netapi32.dll against the local computer. Without admin rights Windows answers ACCESS_DENIED at 502 (and
 * at 10 since Windows 10 1607); that is a correct result here, an exception is not.
 */
@EnabledOnOs(value = OS.WINDOWS, disabledReason = "needs netapi32.dll; NativeLoadingTest covers other systems")
class WindowsSmokeTest {

    @Test
    void isSupportedAndTheLibraryLoads() {
        assertThat(WindowsFileServer.isSupported()).isTrue();
        assertThatCode(Netapi32Native::load).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = InfoLevel.class, names = {"LEVEL_10", "LEVEL_502"})
    void theLocalComputerAnswersWithSessionsOrAccessDenied(InfoLevel level) {
        try (WindowsFileServer enumerator = new WindowsFileServer("FS01")) {
            EnumerationResult result = enumerator.listSessions(EnumerationRequest.of("localhost").withLevel(level));

            assertThat(result.server()).isEqualTo("localhost");
            assertThat(result.level()).isEqualTo(level);
            if (result instanceof EnumerationResult.Failure failure) {
                assertThat(failure.error().kind()).as(failure.error().describe()).isEqualTo(ErrorKind.ACCESS_DENIED);
            } else {
                for (Session session : ((EnumerationResult.Success) result).sessions()) {
                    assertThat(session.level()).isEqualTo(level);
                    assertThat(session.clientName()).hasValueSatisfying(c -> assertThat(c).doesNotStartWith("\\"));
                }
            }
        }
    }
}
