package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;

/**
 * Offering SMB 3 encryption must not break a server that cannot encrypt: a Samba limited to SMB 2.1 with encryption
 * switched off still answers, over a signed but unencrypted connection.
 */
class SrvsvcSmb2OnlySambaTest {

    private static final SambaAccounts.TestAccount ADMIN =
            new SambaAccounts.TestAccount("swtest_admin", "Adm1n-pw!", true);

    @RegisterExtension
    static final SambaServer SAMBA = new SambaServer(
            List.of("server max protocol = SMB2_10", "server smb encrypt = off"), ADMIN);

    @Test
    void listsSessionsFromAServerWithoutSmb3OrEncryption() {
        ServerConfig server = new ServerConfig("127.0.0.1", Backend.SRVSVC, true, SAMBA.port(), ADMIN.name(), null,
                true);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store(server.credentialKey().orElseThrow(), ADMIN.password().toCharArray());

        try (LevelNegotiator negotiator = new LevelNegotiator(
                new SrvsvcFileServer(server, store, Duration.ofSeconds(5)))) {
            EnumerationResult result = negotiator.listSessions(EnumerationRequest.of("127.0.0.1"));

            assertThat(result).as(() -> result + "\n" + SAMBA.log()).isInstanceOf(EnumerationResult.Success.class);
            assertThat(result.level()).isEqualTo(InfoLevel.LEVEL_1);
            assertThat(((EnumerationResult.Success) result).sessions())
                    .anySatisfy(s -> assertThat(s.userName()).hasValue(ADMIN.name()));
        }
    }
}
