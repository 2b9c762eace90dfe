package org.sessionwatch.netapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileApiStatusTest {

    private static final String SERVER = "FS01";

    @Test
    void closingSucceedsOnZero() {
        assertThat(FileApiStatus.closeResult(0, SERVER, 7)).isEqualTo(new ActionResult.Done());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 2314})
    void aFileNoLongerOpenIsAlreadyGoneWithItsUnsignedId(int status) {
        ActionResult result = FileApiStatus.closeResult(status, SERVER, 2_622_423_041L);

        assertThat(result).isEqualTo(new ActionResult.AlreadyGone("File 2622423041 is no longer open on FS01."));
    }

    @Test
    void aDeniedCloseNamesTheGroupsForWindowsAndSamba() {
        ActionResult result = FileApiStatus.closeResult(5, SERVER, 7);

        assertThat(result).isInstanceOfSatisfying(ActionResult.Refused.class, refused -> {
            assertThat(refused.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
            assertThat(refused.error().code()).isEqualTo(5);
            assertThat(refused.error().message()).isEqualTo("Access denied: your account may not close files on FS01.");
            assertThat(refused.error().remedy()).contains("Administrators or Server Operators", "FS01",
                    "BUILTIN\\Administrators");
        });
    }

    @Test
    void anUnreachableServerKeepsTheSharedWordingAndAnUnknownStatusNamesTheAction() {
        ActionResult unreachable = FileApiStatus.closeResult(53, SERVER, 7);
        ActionResult odd = FileApiStatus.closeResult(1234, SERVER, 7);

        assertThat(((ActionResult.Refused) unreachable).error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(((ActionResult.Refused) odd).error().message())
                .isEqualTo("Closing file 7 on FS01 failed with status 1234.");
    }

    @Test
    void endingASessionSucceedsOnZero() {
        assertThat(FileApiStatus.endSessionResult(0, SERVER, "\\\\10.0.0.5", "bob")).isEqualTo(new ActionResult.Done());
    }

    @Test
    void noSuchClientOrUserIsAlreadyGone() {
        assertThat(FileApiStatus.endSessionResult(2312, SERVER, "\\\\10.0.0.5", null))
                .isEqualTo(new ActionResult.AlreadyGone("There is no session from client 10.0.0.5 on FS01 any more."));
        assertThat(FileApiStatus.endSessionResult(2221, SERVER, null, "bob"))
                .isEqualTo(new ActionResult.AlreadyGone("There is no session of user bob on FS01 any more."));
        assertThat(FileApiStatus.endSessionResult(2221, SERVER, "PC7", "bob"))
                .isEqualTo(new ActionResult.AlreadyGone("There is no session of user bob from client PC7 on FS01 any more."));
    }

    @Test
    void aDeniedSessionDeleteSaysSambaAlsoDeniesWhenNothingMatchedAndNamesDomainAdmins() {
        ActionResult result = FileApiStatus.endSessionResult(5, SERVER, "10.0.0.5", "bob");

        assertThat(result).isInstanceOfSatisfying(ActionResult.Refused.class, refused -> {
            assertThat(refused.error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
            assertThat(refused.error().message()).contains("may not end sessions on FS01",
                    "also answers this way when no session of user bob from client 10.0.0.5 exists");
            assertThat(refused.error().remedy()).contains("Administrators or Server Operators",
                    "Domain Admins (RID 512)", "root");
        });
    }

    @Test
    void aSessionToEndNeedsAClientOrAUser() {
        assertThatThrownBy(() -> FileApiStatus.endSessionResult(0, SERVER, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listingErrorsAreAboutOpenFiles() {
        NetApiError denied = FileApiStatus.listError(5, SERVER);
        NetApiError level = FileApiStatus.listError(124, SERVER);
        NetApiError logon = FileApiStatus.listError(1326, SERVER);
        NetApiError odd = FileApiStatus.listError(1234, SERVER);

        assertThat(denied.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(denied.message()).isEqualTo("Access denied: your account may not list the open files on FS01.");
        assertThat(denied.remedy()).contains("BUILTIN\\Administrators", "Server Operators");
        assertThat(level.kind()).isEqualTo(ErrorKind.INVALID_LEVEL);
        assertThat(level.code()).isEqualTo(124);
        assertThat(logon.kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(odd.message()).isEqualTo("Listing the open files on FS01 failed with status 1234.");
    }

    @Test
    void logonProblemsAreExplainedForTheAccountThatAsked() {
        NetApiError signIn = FileApiStatus.listError(1326, SERVER, CallerAccount.WINDOWS_SIGN_IN);
        ActionResult configured = FileApiStatus.closeResult(1326, SERVER, 7, CallerAccount.WINDOWS_CONFIGURED);
        ActionResult srvsvc = FileApiStatus.endSessionResult(1326, SERVER, "PC7", null);

        assertThat(signIn).isEqualTo(NetApiStatus.toError(1326, SERVER, CallerAccount.WINDOWS_SIGN_IN));
        assertThat(signIn.remedy()).doesNotContain("Check the user name");
        assertThat(((ActionResult.Refused) configured).error())
                .isEqualTo(NetApiStatus.toError(1326, SERVER, CallerAccount.WINDOWS_CONFIGURED));
        assertThat(((ActionResult.Refused) srvsvc).error())
                .isEqualTo(NetApiStatus.toError(1326, SERVER, CallerAccount.SRVSVC_CONFIGURED));
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 1219, 1311, 2114})
    void accountAndServiceProblemsKeepTheirExplanationForEveryCall(int status) {
        NetApiError expected = NetApiStatus.toError(status, SERVER, CallerAccount.WINDOWS_SIGN_IN);

        assertThat(FileApiStatus.listError(status, SERVER, CallerAccount.WINDOWS_SIGN_IN)).isEqualTo(expected);
        assertThat(FileApiStatus.closeResult(status, SERVER, 7, CallerAccount.WINDOWS_SIGN_IN))
                .isEqualTo(new ActionResult.Refused(expected));
        assertThat(FileApiStatus.endSessionResult(status, SERVER, null, "bob", CallerAccount.WINDOWS_SIGN_IN))
                .isEqualTo(new ActionResult.Refused(expected));
        assertThat(expected.remedyText()).isPresent();
    }
}
