package org.sessionwatch.netapi.srvsvc;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.smbj.share.File;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ServerConfig;
import org.sessionwatch.credentials.InMemoryCredentialStore;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.FilePermission;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.LevelNegotiator;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Open files, closing a file and ending a session through the srvsvc backend against a real Samba (see
 * {@link SambaServer}). The files are held by {@link SmbTestClient}s connected from 127.0.0.2 and 127.0.0.3, so their
 * sessions are told apart from the backend's own (from 127.0.0.1). Samba lists and closes files for members of
 * BUILTIN\Administrators and ends sessions for Domain Admins (RID 512) or root.
 */
class SrvsvcFilesSambaTest {

    private static final SambaAccounts.TestAccount DOMAIN_ADMIN =
            new SambaAccounts.TestAccount("swtest_admin", "Adm1n-pw!", true, true);
    private static final SambaAccounts.TestAccount FILE_ADMIN =
            new SambaAccounts.TestAccount("swtest_fadmin", "FAdm1n-pw!", true, false);
    private static final SambaAccounts.TestAccount USER = new SambaAccounts.TestAccount("swtest_user", "Us3r-pw!", false);
    private static final String SERVER = "127.0.0.1";

    @RegisterExtension
    static final SambaServer SAMBA = new SambaServer(DOMAIN_ADMIN, FILE_ADMIN, USER);

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    @Test
    void listsTheFilesAClientHoldsWithUserPathAsSambaReportsItAndPermissions() throws IOException {
        SmbTestClient holder = holder("127.0.0.2", 2);
        holder.hold("read-only.txt", EnumSet.of(AccessMask.GENERIC_READ));
        SrvsvcFileServer server = server(FILE_ADMIN);

        List<OpenFile> files = files(new LevelNegotiator(server).listOpenFiles(OpenFilesRequest.of(SERVER)));

        assertThat(server.capabilities().supported()).containsExactlyInAnyOrder(Capability.values());
        OpenFile written = file(files, "held-127.0.0.2-swtest_user-0.txt");
        assertThat(written.level()).isEqualTo(FileInfoLevel.LEVEL_3);
        assertThat(written.server()).isEqualTo(SERVER);
        assertThat(written.userName()).hasValue(USER.name());
        assertThat(written.pathName()).hasValue(sambaPath("held-127.0.0.2-swtest_user-0.txt"));
        assertThat(written.permissionSet()).containsExactly(FilePermission.READ, FilePermission.WRITE);
        assertThat(written.lockCount()).hasValue(0);
        assertThat(file(files, "read-only.txt").permissionSet()).containsExactly(FilePermission.READ);
        assertThat(files).filteredOn(f -> f.path().contains("held-127.0.0.2-swtest_user-1.txt")).hasSize(1);
        assertThat(files).extracting(OpenFile::id).doesNotHaveDuplicates().allMatch(id -> id >= 0);
    }

    @Test
    void answersLevel3OnlyAndHonoursTheUserFilter() throws IOException {
        holder("127.0.0.2", 1);
        SrvsvcFileServer server = server(FILE_ADMIN);

        OpenFilesResult level2 = server.listOpenFiles(OpenFilesRequest.of(SERVER).withLevel(FileInfoLevel.LEVEL_2));
        OpenFilesResult nobody = server.listOpenFiles(new OpenFilesRequest(SERVER, FileInfoLevel.LEVEL_3, null,
                FILE_ADMIN.name(), -1));

        assertThat(error(level2).kind()).isEqualTo(ErrorKind.INVALID_LEVEL);
        assertThat(error(level2).code()).isEqualTo(124);
        assertThat(files(nobody)).isEmpty();
    }

    @Test
    void closingAFileRemovesItFromTheListingAndInvalidatesTheHoldersHandleAndASecondCloseFindsItGone()
            throws IOException {
        SmbTestClient holder = holder("127.0.0.2", 2);
        SrvsvcFileServer server = server(FILE_ADMIN);
        OpenFile target = file(files(server.listOpenFiles(OpenFilesRequest.of(SERVER))),
                "held-127.0.0.2-swtest_user-0.txt");

        ActionResult closed = server.closeFile(target.id());

        assertThat(closed).isEqualTo(new ActionResult.Done());
        // Samba answers once it has told the holder's smbd process to close the file; that process does it a moment
        // later, so the listing is watched until the file is gone.
        assertThat(await(() -> files(server.listOpenFiles(OpenFilesRequest.of(SERVER))),
                files -> files.stream().noneMatch(f -> f.id() == target.id())))
                .extracting(OpenFile::id)
                .doesNotContain(target.id())
                .contains(file(files(server.listOpenFiles(OpenFilesRequest.of(SERVER))),
                        "held-127.0.0.2-swtest_user-1.txt").id());
        SMBApiException refused = catchThrowableOfType(SMBApiException.class,
                () -> held(holder, "held-127.0.0.2-swtest_user-0.txt").write(new byte[]{1}, 0));
        assertThat(refused).as("the holder's handle after the close").isNotNull();
        assertThat(refused.getStatus()).isEqualTo(NtStatus.STATUS_FILE_CLOSED);
        held(holder, "held-127.0.0.2-swtest_user-1.txt").write(new byte[]{1}, 0); // the other one still works
        ActionResult again = server.closeFile(target.id());
        assertThat(again).isEqualTo(new ActionResult.AlreadyGone(
                "File " + target.id() + " is no longer open on " + SERVER + "."));
    }

    @Test
    void endingASessionRemovesItAndItsFiles() throws IOException {
        holder("127.0.0.3", 2);
        SrvsvcFileServer server = server(DOMAIN_ADMIN);
        assertThat(clients(server)).contains("127.0.0.3");

        ActionResult ended = server.endSession("\\\\127.0.0.3", USER.name());

        assertThat(ended).isEqualTo(new ActionResult.Done());
        // As for a close, the session's own smbd process ends it a moment after the answer.
        assertThat(await(() -> clients(server), clients -> !clients.contains("127.0.0.3"))).doesNotContain("127.0.0.3");
        assertThat(await(() -> files(server.listOpenFiles(OpenFilesRequest.of(SERVER))),
                files -> files.stream().noneMatch(f -> f.path().contains("held-127.0.0.3-"))))
                .noneMatch(f -> f.path().contains("held-127.0.0.3-"));
        // Samba answers 5 when nothing matched as well; the refusal says so.
        ActionResult again = server.endSession("127.0.0.3", null);
        assertThat(again).isInstanceOfSatisfying(ActionResult.Refused.class,
                r -> assertThat(r.error().message()).contains("also answers this way when no session"));
    }

    @Test
    void anAccountWithoutAdminRightsIsDeniedAllThreeWithTheRemedy() throws IOException {
        holder("127.0.0.2", 1);
        SrvsvcFileServer admin = server(FILE_ADMIN);
        long id = files(admin.listOpenFiles(OpenFilesRequest.of(SERVER))).getFirst().id();
        SrvsvcFileServer user = server(USER);

        NetApiError list = error(user.listOpenFiles(OpenFilesRequest.of(SERVER)));
        NetApiError close = refused(user.closeFile(id));
        NetApiError end = refused(user.endSession("127.0.0.2", null));

        assertThat(List.of(list, close, end)).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
            assertThat(e.code()).isEqualTo(5);
            assertThat(e.message()).contains(SERVER);
        });
        assertThat(list.remedy()).contains("BUILTIN\\Administrators");
        assertThat(close.remedy()).contains("BUILTIN\\Administrators");
        assertThat(end.remedy()).contains("Domain Admins (RID 512)");
        assertThat(files(admin.listOpenFiles(OpenFilesRequest.of(SERVER)))).extracting(OpenFile::id).contains(id);
    }

    @Test
    void listingAndClosingFilesIsNotEnoughToEndASession() throws IOException {
        holder("127.0.0.2", 1);
        SrvsvcFileServer fileAdmin = server(FILE_ADMIN);

        NetApiError end = refused(fileAdmin.endSession("127.0.0.2", USER.name()));

        assertThat(end.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(clients(fileAdmin)).contains("127.0.0.2");
    }

    /** Asks until the answer satisfies {@code done}, at most 5 s; returns the last answer for the assertion. */
    private static <T> T await(java.util.function.Supplier<T> ask, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        T answer = ask.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            answer = ask.get();
        }
        return answer;
    }

    /** Samba's form of a path: {@code C:} and the file's Unix path with backslashes. */
    private static String sambaPath(String name) {
        return "C:" + SAMBA.shareDirectory().resolve(name).toString().replace('/', '\\');
    }

    private SmbTestClient holder(String source, int files) throws IOException {
        SmbTestClient client = SmbTestClient.connect(source, SERVER, SAMBA.port(), USER.name(), USER.password(), files);
        cleanup.add(client);
        return client;
    }

    private SrvsvcFileServer server(SambaAccounts.TestAccount account) {
        ServerConfig config = new ServerConfig(SERVER, Backend.SRVSVC, true, SAMBA.port(), account.name(), null, true);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.store(config.credentialKey().orElseThrow(), account.password().toCharArray());
        SrvsvcFileServer server = new SrvsvcFileServer(config, store, Duration.ofSeconds(5));
        cleanup.add(server);
        return server;
    }

    private static Set<String> clients(SrvsvcFileServer server) {
        EnumerationResult result = server.listSessions(EnumerationRequest.of(SERVER).withLevel(InfoLevel.LEVEL_1));
        assertThat(result).as("sessions").isInstanceOf(EnumerationResult.Success.class);
        return ((EnumerationResult.Success) result).sessions().stream()
                .flatMap(s -> s.clientName().stream()).collect(java.util.stream.Collectors.toSet());
    }

    private static File held(SmbTestClient holder, String name) {
        return holder.heldFiles().stream().filter(f -> f.getFileName().endsWith("\\" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("the holder does not hold " + name));
    }

    private static OpenFile file(List<OpenFile> files, String name) {
        return files.stream().filter(f -> f.pathName().filter(p -> p.endsWith("\\" + name)).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("No open file " + name + " in " + files));
    }

    private static List<OpenFile> files(OpenFilesResult result) {
        if (!(result instanceof OpenFilesResult.Success success)) {
            throw new AssertionError("Expected open files, got " + result + "\n" + SAMBA.log());
        }
        return success.files();
    }

    private static NetApiError error(OpenFilesResult result) {
        assertThat(result).isInstanceOf(OpenFilesResult.Failure.class);
        return ((OpenFilesResult.Failure) result).error();
    }

    private static NetApiError refused(ActionResult result) {
        assertThat(result).isInstanceOf(ActionResult.Refused.class);
        return ((ActionResult.Refused) result).error();
    }
}
