package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionwatch.credentials.CredentialStore;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.NetApiException;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;


class SmbLogonTest {

    private static ServerConfig server(String user, String domain) {
        return new ServerConfig("fs01", Backend.SRVSVC, true, 445, user, domain, true);
    }

    @Test
    void noUserMeansAnAnonymousAttempt() throws NetApiException {
        SmbLogon logon = SmbLogon.forServer(server(null, null), new InMemoryCredentialStore());

        assertThat(logon.method()).isEqualTo(SmbLogon.Method.ANONYMOUS);
        assertThat(logon.isAnonymous()).isTrue();
        assertThat(logon.context().isAnonymous()).isTrue();
    }

    @Test
    void aStoredPasswordMeansNtlmAndTheCopyReadFromTheStoreIsWiped() throws NetApiException {
        ServerConfig server = server("helpdesk", "CORP");
        Map<String, char[]> handedOut = new HashMap<>();
        CredentialStore store = new CredentialStore() {
            @Override
            public Optional<char[]> password(String key) {
                char[] copy = "s3cret".toCharArray();
                handedOut.put(key, copy);
                return Optional.of(copy);
            }

            @Override
            public void store(String key, char[] password) {
            }

            @Override
            public void delete(String key) {
            }

            @Override
            public String description() {
                return "test";
            }
        };

        SmbLogon logon = SmbLogon.forServer(server, store);

        assertThat(logon.method()).isEqualTo(SmbLogon.Method.PASSWORD);
        assertThat(logon.context().getUsername()).isEqualTo("helpdesk");
        assertThat(logon.context().getDomain()).isEqualTo("CORP");
        assertThat(logon.context().getPassword()).containsExactly("s3cret".toCharArray());
        assertThat(handedOut.get("CORP\\helpdesk@fs01")).containsOnly('\0');
        assertThat(logon.toString()).doesNotContain("s3cret");
    }

    @Test
    void aUserWithoutPasswordTriesKerberosAndSaysWhatToDoWhenThereIsNoTicket(@TempDir Path dir) {
        // The ticket cache is a file that does not exist, so no ticket can be found whatever the build machine
        // holds: the outcome is known, and only the Kerberos path names Kerberos and kinit.
        Path noCache = dir.resolve("krb5cc_none");

        assertThatThrownBy(() -> SmbLogon.forServer(server("helpdesk", "corp.example"), new InMemoryCredentialStore(),
                noCache)).isInstanceOfSatisfying(NetApiException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(ErrorKind.AUTHENTICATION_FAILED);
                    assertThat(e.error().message()).contains("helpdesk", "fs01", "Kerberos");
                    assertThat(e.error().remedyText()).hasValueSatisfying(r -> assertThat(r)
                            .contains("password", "kinit helpdesk@CORP.EXAMPLE"));
                });
    }
}
