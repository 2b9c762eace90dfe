package org.sessionwatch.netapi.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.share.File;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.sessionwatch.app.PollSources;
import org.sessionwatch.audit.ActionLog;
import org.sessionwatch.cli.Cli;
import org.sessionwatch.cli.CliContext;

/**
 * The CLI's open files and actions against a real smbd, through the entry point and the same backends
 * {@code java -jar sessionwatch.jar} uses: {@code --files}, {@code --close-file}, {@code --end-session} with the
 * password in {@code SESSIONWATCH_PASSWORD}. The files are held by {@link SmbTestClient}s from 127.0.0.2 and
 * 127.0.0.3. Samba lists and closes files for BUILTIN\Administrators and ends sessions for Domain Admins.
 */
class CliFilesSambaTest {
    private static final SambaAccounts.TestAccount FILE_ADMIN =
            new SambaAccounts.TestAccount("swtest_clifadmin", "Cl1-FAdm1n!", true, false);
    private static final SambaAccounts.TestAccount DOMAIN_ADMIN =
            new SambaAccounts.TestAccount("swtest_clidadmin", "Cl1-DAdm1n!", true, true);
    private static final SambaAccounts.TestAccount USER =
            new SambaAccounts.TestAccount("swtest_clifuser", "Cl1-FUs3r!", false);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SambaServer SAMBA = new SambaServer(FILE_ADMIN, DOMAIN_ADMIN, USER);

    @TempDir
    Path home;

    private final List<SmbTestClient> holders = new ArrayList<>();

    private record Output(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @AfterEach
    void closeHolders() {
        holders.forEach(SmbTestClient::close);
    }

    @Test
    void filesListsWhatAClientHoldsWithUserPathAndPermissions() throws Exception {
        SmbTestClient holder = holder("127.0.0.2", 1);
        holder.hold("cli-read-only.txt", EnumSet.of(AccessMask.GENERIC_READ));

        Output listed = run(FILE_ADMIN, "--once", "--files", "--format", "json");

        assertThat(listed.exit()).as("stderr: %s", listed.err()).isZero();
        JsonNode server = listed.json().get("servers").get(0);
        assertThat(server.get("status").asText()).isEqualTo("OK");
        assertThat(server.get("level").asInt()).isEqualTo(3);
        JsonNode written = file(listed, "held-127.0.0.2-" + USER.name() + "-0.txt");
        assertThat(written.get("server").asText()).isEqualTo("127.0.0.1");
        assertThat(written.get("user").asText()).isEqualTo(USER.name());
        assertThat(written.get("path").asText()).isEqualTo(sambaPath("held-127.0.0.2-" + USER.name() + "-0.txt"));
        assertThat(written.get("permissionNames").toString()).isEqualTo("[\"READ\",\"WRITE\"]");
        assertThat(written.get("id").asLong()).isNotNegative();
        assertThat(file(listed, "cli-read-only.txt").get("permissionNames").toString()).isEqualTo("[\"READ\"]");
        Output filtered = run(FILE_ADMIN, "--once", "--files", "--format", "json", "--path-contains", "READ-ONLY");
        assertThat(filtered.json().get("files").findValuesAsText("path"))
                .containsExactly(sambaPath("cli-read-only.txt"));
    }

    @Test
    void closeFileClosesItTheHolderLosesItsHandleAndASecondCloseIsAlreadyGone() throws Exception {
        SmbTestClient holder = holder("127.0.0.2", 2);
        String name = "held-127.0.0.2-" + USER.name() + "-0.txt";
        String id = file(run(FILE_ADMIN, "--once", "--files", "--format", "json"), name).get("id").asText();

        Output closed = run(FILE_ADMIN, "--close-file", id, "--server", "127.0.0.1", "--yes", "--format", "json");

        assertThat(closed.exit()).as("stderr: %s", closed.err()).isZero();
        assertThat(closed.json().get("outcome").asText()).isEqualTo("DONE");
        // Samba answers once it has told the holder's smbd process to close the file, which does it a moment later.
        Output after = until(() -> run(FILE_ADMIN, "--once", "--files", "--format", "json"),
                listing -> !ids(listing).contains(id));
        assertThat(ids(after)).doesNotContain(id).isNotEmpty();
        File handle = holder.heldFiles().getFirst();
        assertThat(catchThrowableOfType(SMBApiException.class, () -> handle.read(new byte[1], 0)))
                .as("a read on the holder's closed handle").isNotNull();
        Output again = run(FILE_ADMIN, "--close-file", id, "--server", "127.0.0.1", "--yes", "--format", "json");
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("outcome").asText()).isEqualTo("ALREADY_GONE");
        assertThat(auditOutcomes()).containsExactly("CLOSE_FILE DONE", "CLOSE_FILE ALREADY_GONE");
    }

    @Test
    void endSessionEndsTheClientsSessionAndASecondOneIsAlreadyGone() throws Exception {
        holder("127.0.0.3", 1);
        assertThat(clients(run(DOMAIN_ADMIN, "--once", "--format", "json"))).contains("127.0.0.3");

        Output ended = run(DOMAIN_ADMIN, "--end-session", "--server", "127.0.0.1", "--client", "127.0.0.3", "--yes",
                "--format", "json");

        assertThat(ended.exit()).as("stderr: %s", ended.err()).isZero();
        assertThat(ended.json().get("outcome").asText()).isEqualTo("DONE");
        Output sessions = until(() -> run(DOMAIN_ADMIN, "--once", "--format", "json"),
                listing -> !clients(listing).contains("127.0.0.3"));
        assertThat(clients(sessions)).doesNotContain("127.0.0.3");
        // Samba answers "access denied" when nothing matched too; the sessions listed show there is none.
        Output again = run(DOMAIN_ADMIN, "--end-session", "--server", "127.0.0.1", "--client", "127.0.0.3", "--yes",
                "--format", "json");
        assertThat(again.exit()).as("stderr: %s", again.err()).isZero();
        assertThat(again.json().get("outcome").asText()).isEqualTo("ALREADY_GONE");
        assertThat(auditOutcomes()).containsExactly("END_SESSION DONE", "END_SESSION ALREADY_GONE");
    }

    @Test
    void aNonAdministratorIsRefusedAllThreeWithTheRemedyAndExitCodeFour() throws Exception {
        holder("127.0.0.2", 1);
        String id = ids(run(FILE_ADMIN, "--once", "--files", "--format", "json")).getFirst();

        Output files = run(USER, "--once", "--files", "--format", "json");
        Output close = run(USER, "--close-file", id, "--server", "127.0.0.1", "--yes", "--format", "json");
        Output end = run(USER, "--end-session", "--server", "127.0.0.1", "--client", "127.0.0.2", "--yes",
                "--format", "json");

        assertThat(List.of(files, close, end)).allSatisfy(output -> {
            assertThat(output.exit()).isEqualTo(4);
            assertThat(output.err()).contains("127.0.0.1", "Access denied");
            assertThat(output.out() + output.err()).doesNotContain(USER.password());
        });
        JsonNode server = files.json().get("servers").get(0);
        assertThat(server.get("status").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(server.get("error").get("remedy").asText()).contains("BUILTIN\\Administrators");
        for (Output action : List.of(close, end)) {
            JsonNode result = action.json();
            assertThat(result.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(result.get("error").get("kind").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(result.get("error").get("remedy").asText()).isNotBlank();
        }
        assertThat(close.json().get("error").get("remedy").asText()).contains("BUILTIN\\Administrators");
        assertThat(end.json().get("error").get("remedy").asText()).contains("Domain Admins (RID 512)");
        assertThat(ids(run(FILE_ADMIN, "--once", "--files", "--format", "json"))).contains(id);
        assertThat(auditOutcomes()).containsExactly("CLOSE_FILE REFUSED", "END_SESSION REFUSED");
        assertThat(Files.readString(home.resolve(ActionLog.FILE_NAME))).doesNotContain(USER.password());
    }

    private Output run(SambaAccounts.TestAccount account, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = Map.of("SESSIONWATCH_PASSWORD", account.password());
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, prompt -> Optional.empty(),
                Clock.systemUTC(), duration -> { }, () -> home.resolve("config.json"),
                credentials -> PollSources.standard(credentials, Clock.systemUTC()));
        String[] connection = {"--port", Integer.toString(SAMBA.port()), "--backend", "srvsvc", "--username",
                account.name(), "--deadline", "10"};
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--server")) {
            all.addAll(List.of("--server", "127.0.0.1"));
        }
        all.addAll(List.of(connection));
        int exit = new Cli(context).execute(all.toArray(String[]::new));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code ask} until its output satisfies {@code done}, at most 5 s; returns the last output. */
    private static Output until(java.util.function.Supplier<Output> ask, Predicate<Output> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Output last = ask.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = ask.get();
        }
        return last;
    }

    private List<String> auditOutcomes() throws IOException {
        return new ActionLog(home.resolve(ActionLog.FILE_NAME)).read().records().stream()
                .map(r -> r.action() + " " + r.outcome()).toList();
    }

    private SmbTestClient holder(String source, int files) throws IOException {
        SmbTestClient client = SmbTestClient.connect(source, "127.0.0.1", SAMBA.port(), USER.name(),
                USER.password(), files);
        holders.add(client);
        return client;
    }

    private static JsonNode file(Output listing, String name) throws IOException {
        for (JsonNode file : listing.json().get("files")) {
            if (file.get("path").asText().endsWith("\\" + name)) {
                return file;
            }
        }
        throw new AssertionError("No open file " + name + " in " + listing.out() + "\n" + listing.err());
    }

    private static List<String> ids(Output listing) {
        try {
            return listing.json().get("files").findValuesAsText("id");
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + listing.out() + "\n" + listing.err(), e);
        }
    }

    private static List<String> clients(Output sessions) {
        try {
            return Stream.of(sessions.json().get("sessions")).flatMap(s -> s.findValuesAsText("client").stream())
                    .toList();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + sessions.out() + "\n" + sessions.err(), e);
        }
    }

    /** Samba's form of a path: {@code C:} and the file's Unix path with backslashes. */
    private static String sambaPath(String name) {
        return "C:" + SAMBA.shareDirectory().resolve(name).toString().replace('/', '\\');
    }
}
