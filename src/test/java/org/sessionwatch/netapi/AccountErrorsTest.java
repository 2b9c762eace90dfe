package org.sessionwatch.netapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Logon problems are explained for the account that actually asked, with their own remedy for each status. */
class AccountErrorsTest {

    private static final int[] ACCOUNT_STATUSES = {1326, 1327, 1330, 1331, 1789, 1219, 65, 1311};

    @ParameterizedTest
    @EnumSource(CallerAccount.class)
    void everyAccountStatusNamesTheServerKeepsItsCodeAndHasARemedy(CallerAccount caller) {
        for (int status : ACCOUNT_STATUSES) {
            NetApiError error = NetApiStatus.toError(status, "FS01", caller);

            assertThat(error.code()).as("code of %d", status).isEqualTo(status);
            assertThat(error.message()).as("message of %d", status).contains("FS01").doesNotContain("status " + status);
            assertThat(error.remedy()).as("remedy of %d", status).isNotBlank();
        }
    }

    @Test
    void aWindowsUserPollingWithTheirSignInIsNeverToldToCheckAConfiguredPassword() {
        for (int status : ACCOUNT_STATUSES) {
            NetApiError error = NetApiStatus.toError(status, "FS01", CallerAccount.WINDOWS_SIGN_IN);

            assertThat(error.message()).as("%d", status).doesNotContain("configured");
            assertThat(error.remedy()).as("%d", status).doesNotContain("password configured", "Check the user name");
        }
        NetApiError logon = NetApiStatus.toError(1326, "FS01", CallerAccount.WINDOWS_SIGN_IN);
        assertThat(logon.message()).contains("your Windows sign-in");
        assertThat(logon.remedy()).contains("enter an account for FS01", "runas /netonly");
    }

    @ParameterizedTest
    @EnumSource(value = CallerAccount.class, names = {"WINDOWS_CONFIGURED", "SRVSVC_CONFIGURED"})
    void aConfiguredAccountIsTheOneToCheck(CallerAccount caller) {
        NetApiError logon = NetApiStatus.toError(1326, "FS01", caller);

        assertThat(logon.kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
        assertThat(logon.message()).contains("configured for FS01");
        assertThat(logon.remedy()).contains("Check the user name, domain and password configured for FS01");
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '|', value = {
            "1219 | WINDOWS_SIGN_IN    | net use \\\\FS01\\IPC$ /delete",
            "1219 | WINDOWS_CONFIGURED | Close the other connection to FS01",
            "1219 | SRVSVC_CONFIGURED  | check the account configured for FS01",
            "65   | WINDOWS_SIGN_IN    | Access this computer from the network",
            "65   | SRVSVC_CONFIGURED  | Access this computer from the network",
            "1311 | WINDOWS_SIGN_IN    | VPN connection to your domain",
            "1311 | SRVSVC_CONFIGURED  | domain configured for FS01",
            "2114 | WINDOWS_SIGN_IN    | Start the Server service (LanmanServer) on FS01",
            "2114 | SRVSVC_CONFIGURED  | Start the Server service (LanmanServer) on FS01",
    })
    void eachStatusHasItsOwnRemedy(int status, CallerAccount caller, String remedy) {
        NetApiError error = NetApiStatus.toError(status, "FS01", caller);

        assertThat(error.remedy()).contains(remedy);
        assertThat(error.message()).doesNotContain("failed with status");
    }

    @Test
    void srvsvcIsNotToldAboutWindowsOwnConnectionRules() {
        // only Windows' SMB client keeps one account per server; srvsvc runs its own SMB client, on any OS
        NetApiError conflict = NetApiStatus.toError(1219, "FS01", CallerAccount.SRVSVC_CONFIGURED);

        assertThat(conflict.message()).doesNotContain("Windows");
        assertThat(conflict.remedy()).doesNotContain("net use");
    }

    @Test
    void theServerServiceNotRunningIsExplained() {
        NetApiError error = NetApiStatus.toError(2114, "FS01", CallerAccount.WINDOWS_SIGN_IN);

        assertThat(error.message()).contains("Server service is not running on FS01");
    }

    @Test
    void theTwoArgumentFormIsTheSrvsvcOne() {
        assertThat(NetApiStatus.toError(1326, "FS01"))
                .isEqualTo(NetApiStatus.toError(1326, "FS01", CallerAccount.SRVSVC_CONFIGURED));
    }
}
