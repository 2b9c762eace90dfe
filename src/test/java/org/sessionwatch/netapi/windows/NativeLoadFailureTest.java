package org.sessionwatch.netapi.windows;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.NetApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What JNA and Windows throw when a DLL cannot be loaded, through the binding seam, with the texts they really use:
 * each cause is named with its own remedy, a plain {@link Error} is caught, and a failure is not retried.
 */
class NativeLoadFailureTest {

    private static final String TEMP_COPY = "C:\\Users\\agent\\AppData\\Local\\Temp\\jna--1791\\jna4711.dll";

    @Test
    void appLockerBlockingTheUnpackedDispatchLibraryIsNamedWithItsRemedy() {
        NetApiException e = bindFailing(new UnsatisfiedLinkError(TEMP_COPY
                + ": This program is blocked by group policy. For more information, contact your system administrator"));

        assertThat(e.error().message()).contains("Windows blocked jnidispatch.dll", "AppLocker", "netapi32.dll");
        assertThat(e.error().remedy()).contains("administrator", "installation folder", "srvsvc");
        assertThat(e.error().message() + e.error().remedy()).doesNotContain("repair Windows", "Repair Windows");
    }

    @Test
    void wdacAndCodeIntegrityAreBlockedByPolicyToo() {
        assertThat(NativeLoadFailure.classify(new UnsatisfiedLinkError(TEMP_COPY
                + ": An Application Control policy has blocked this file"), "netapi32"))
                .isEqualTo(NativeLoadFailure.BLOCKED_BY_POLICY);
        assertThat(NativeLoadFailure.classify(new UnsatisfiedLinkError(TEMP_COPY
                + ": Your organization used Device Guard to block this app."), "netapi32"))
                .isEqualTo(NativeLoadFailure.BLOCKED_BY_POLICY);
        assertThat(NativeLoadFailure.classify(new UnsatisfiedLinkError(TEMP_COPY + ": Access is denied"), "netapi32"))
                .isEqualTo(NativeLoadFailure.BLOCKED_BY_POLICY);
    }

    @Test
    void aLaterUseAfterJnaFailedToStartStillNamesTheFirstCause() {
        // after Native's static initialiser failed, every use throws NoClassDefFoundError with the original as cause
        Throwable later = new NoClassDefFoundError("Could not initialize class com.sun.jna.Native");
        later.initCause(new ExceptionInInitializerError("Exception java.lang.UnsatisfiedLinkError: " + TEMP_COPY
                + ": This program is blocked by group policy. [in thread \"poll-3\"]"));

        assertThat(NativeLoadFailure.classify(later, "advapi32")).isEqualTo(NativeLoadFailure.BLOCKED_BY_POLICY);
    }

    @Test
    void anIncompatibleDispatchLibraryIsAPlainErrorThatIsCaughtAndNamed() {
        NetApiException e = bindFailing(new Error("There is an incompatible JNA native library installed on this"
                + " system\nExpected: 7.0.2\nFound:    6.1.0\nC:\\Tools\\other\\jnidispatch.dll."));

        assertThat(NativeLoadFailure.classify(e.getCause(), "netapi32"))
                .isEqualTo(NativeLoadFailure.DISPATCH_INCOMPATIBLE);
        assertThat(e.error().message()).contains("another program", "different version");
        assertThat(e.error().remedy()).contains("PATH", "jna.boot.library.path");
    }

    @Test
    void aMissingDispatchLibraryUnderNoUnpackAsksForAReinstall() {
        NetApiException e = bindFailing(new UnsatisfiedLinkError(
                "Native library (win32-x86-64/jnidispatch.dll) not found in resource path (C:\\app\\sessionwatch.jar)"));

        assertThat(NativeLoadFailure.classify(e.getCause(), "netapi32")).isEqualTo(NativeLoadFailure.DISPATCH_MISSING);
        assertThat(e.error().remedy()).contains("Reinstall SessionWatch");
    }

    @Test
    void aMissingNetapi32IsTheOnlyCaseThatPointsAtWindowsItself() {
        NetApiException e = bindFailing(new UnsatisfiedLinkError(
                "Unable to load library 'netapi32':\nThe specified module could not be found.\n"));

        assertThat(NativeLoadFailure.classify(e.getCause(), "netapi32"))
                .isEqualTo(NativeLoadFailure.SYSTEM_LIBRARY_MISSING);
        assertThat(e.error().message()).contains("netapi32.dll");
        assertThat(e.error().remedy()).contains("sfc /scannow", "srvsvc");
    }

    @Test
    void theJvmsOwnErrorsAreNotSwallowed() {
        assertThatThrownBy(() -> Netapi32Native.load("netapi32", () -> {
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aLoadFailureIsRememberedAndNotRetriedOnEveryPoll() {
        AtomicInteger attempts = new AtomicInteger();
        OnceLoaded<NetApiNative> shared = new OnceLoaded<>(() -> Netapi32Native.load("netapi32", () -> {
            attempts.incrementAndGet();
            throw new Error("There is an incompatible JNA native library installed on this system");
        }));
        WindowsFileServer first = new WindowsFileServer("FS", shared::get);
        WindowsFileServer second = new WindowsFileServer("FS", shared::get);

        for (int poll = 0; poll < 5; poll++) {
            for (WindowsFileServer server : new WindowsFileServer[] {first, second}) {
                assertThat(server.listSessions(EnumerationRequest.of("FS0" + poll)))
                        .isInstanceOfSatisfying(EnumerationResult.Failure.class,
                                f -> assertThat(f.error().message()).contains("different version"));
            }
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aSuccessfulBindingIsMadeOnce() throws NetApiException {
        AtomicInteger attempts = new AtomicInteger();
        ScriptedNetApi netapi = new ScriptedNetApi();
        OnceLoaded<NetApiNative> shared = new OnceLoaded<>(() -> {
            attempts.incrementAndGet();
            return netapi;
        });

        assertThat(shared.get()).isSameAs(netapi);
        assertThat(shared.get()).isSameAs(netapi);
        assertThat(attempts).hasValue(1);
    }

    private static NetApiException bindFailing(Throwable thrown) {
        try {
            Netapi32Native.load("netapi32", () -> {
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            });
        } catch (NetApiException e) {
            assertThat(e.getCause()).isSameAs(thrown);
            return e;
        }
        throw new AssertionError("binding did not fail");
    }
}
