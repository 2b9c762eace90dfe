package org.sessionwatch.netapi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sessionwatch.netapi.ActionResult;
import org.sessionwatch.netapi.Capability;
import org.sessionwatch.netapi.EnumerationRequest;
import org.sessionwatch.netapi.EnumerationResult;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.FileServer;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesRequest;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.netapi.Session;

/** Open files of the demo fleet: consistent with the sessions, stable, and changed by closing and ending. */
class DemoFleetFilesTest {

    private static final Instant START = Instant.parse("2026-11-24T08:30:00Z");

    private final MutableClock clock = new MutableClock(START, ZoneOffset.UTC);
    private final DemoFleet fleet = DemoFleet.withoutLatency(42, clock);

    @Test
    void everySessionHoldsAsManyListedFilesAsItsOpenCountSays() {
        Map<String, Long> filesPerUser = files(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3).stream()
                .filter(f -> f.user() != null && !f.user().isEmpty())
                .collect(Collectors.groupingBy(OpenFile::user, Collectors.counting()));
        List<Session> sessions = sessions(DemoFleet.HQ_01);

        assertThat(fleet.server(DemoFleet.HQ_01).capabilities().supported())
                .containsExactlyInAnyOrder(Capability.values());
        assertThat(filesPerUser).isNotEmpty();
        for (Session session : sessions) {
            String user = session.userName().orElse("");
            if (!user.isEmpty()) {
                assertThat(filesPerUser.getOrDefault(user, 0L)).as(user).isEqualTo(session.openCount().orElseThrow());
            }
        }
    }

    @Test
    void filesHavePlausiblePathsPermissionsAndLocksThatStayPutWhileOpen() {
        List<OpenFile> before = files(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3);
        clock.advance(Duration.ofMinutes(2));
        Map<Long, OpenFile> after = files(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3).stream()
                .collect(Collectors.toMap(OpenFile::id, f -> f));

        assertThat(before).allSatisfy(f -> {
            assertThat(f.path()).startsWith("D:\\Shares\\");
            assertThat(f.permissionSet()).isNotEmpty();
            assertThat(f.lockCount()).isPresent();
        });
        assertThat(before).extracting(OpenFile::id).doesNotHaveDuplicates();
        assertThat(before).filteredOn(f -> after.containsKey(f.id())).isNotEmpty()
                .allSatisfy(f -> assertThat(after.get(f.id())).isEqualTo(f));
        assertThat(allFiles()).anyMatch(f -> f.path().endsWith("\\budget.xlsx"));
    }

    @Test
    void theSambaNasAnswersLevel3OnlyWithIdsAbove2To31AndSambaPaths() {
        OpenFilesResult level2 = fleet.openFiles(OpenFilesRequest.of(DemoFleet.NAS).withLevel(FileInfoLevel.LEVEL_2));
        List<OpenFile> files = files(DemoFleet.NAS, FileInfoLevel.LEVEL_3);

        assertThat(((OpenFilesResult.Failure) level2).error().kind()).isEqualTo(ErrorKind.INVALID_LEVEL);
        assertThat(files).isNotEmpty().allSatisfy(f -> {
            assertThat(f.id()).isGreaterThan(0x7FFF_FFFFL);
            assertThat(f.path()).startsWith("C:\\srv\\samba\\");
        });
        assertThat(files(DemoFleet.HQ_02, FileInfoLevel.LEVEL_2)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.pathName()).isEmpty());
    }

    @Test
    void filtersByUserAndBasePath() {
        OpenFile some = files(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3).stream().filter(f -> f.user() != null)
                .findFirst().orElseThrow();
        String folder = some.path().substring(0, some.path().lastIndexOf('\\'));

        List<OpenFile> ofUser = files(new OpenFilesRequest(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3, null, some.user(), -1));
        List<OpenFile> underFolder = files(new OpenFilesRequest(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3,
                folder.toLowerCase(java.util.Locale.ROOT), null, -1));

        assertThat(ofUser).contains(some).allSatisfy(f -> assertThat(f.user()).isEqualTo(some.user()));
        assertThat(underFolder).contains(some).allSatisfy(f -> assertThat(f.path()).startsWith(folder));
    }

    @Test
    void closingAFileTakesItOutOfTheNextListingAndItsSessionsCountAndASecondCloseFindsItGone() {
        FileServer server = fleet.server(DemoFleet.HQ_01);
        OpenFile target = files(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3).stream()
                .filter(f -> f.user() != null && !f.user().isEmpty()).findFirst().orElseThrow();
        long opensBefore = session(target.user()).openCount().orElseThrow();

        assertThat(server.closeFile(target.id())).isEqualTo(new ActionResult.Done());

        assertThat(files(DemoFleet.HQ_01, FileInfoLevel.LEVEL_3)).extracting(OpenFile::id).doesNotContain(target.id());
        assertThat(session(target.user()).openCount()).hasValue(opensBefore - 1);
        assertThat(server.closeFile(target.id())).isInstanceOf(ActionResult.AlreadyGone.class);
    }

    @Test
    void endingASessionRemovesItAndItsFiles() {
        FileServer server = fleet.server(DemoFleet.LYON);
        Session target = sessions(DemoFleet.LYON).stream()
                .filter(s -> s.userName().isPresent() && s.openCount().orElse(0) > 0).findFirst().orElseThrow();
        String user = target.userName().orElseThrow();

        ActionResult ended = server.endSession("\\\\" + target.clientName().orElseThrow(), user);

        assertThat(ended).isEqualTo(new ActionResult.Done());
        assertThat(sessions(DemoFleet.LYON)).noneMatch(s -> s.userName().filter(user::equals).isPresent());
        assertThat(files(DemoFleet.LYON, FileInfoLevel.LEVEL_3)).noneMatch(f -> user.equals(f.user()));
        assertThat(server.endSession(null, user)).isEqualTo(new ActionResult.AlreadyGone(
                "There is no session of user " + user + " on " + DemoFleet.LYON + " any more."));
    }

    @Test
    void theDeniedAndTheUnreachableServerRefuseAllThree() {
        FileServer finance = fleet.server(DemoFleet.FINANCE);
        FileServer oslo = fleet.server(DemoFleet.OSLO);

        assertThat(((OpenFilesResult.Failure) finance.listOpenFiles(OpenFilesRequest.of(DemoFleet.FINANCE))).error()
                .kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(((ActionResult.Refused) finance.closeFile(1)).error().kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(((ActionResult.Refused) finance.endSession("pc", null)).error().kind())
                .isEqualTo(ErrorKind.ACCESS_DENIED);
        assertThat(((OpenFilesResult.Failure) oslo.listOpenFiles(OpenFilesRequest.of(DemoFleet.OSLO))).error()
                .kind()).isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(((ActionResult.Refused) oslo.closeFile(1)).error().kind()).isEqualTo(ErrorKind.UNREACHABLE);
    }

    private List<OpenFile> allFiles() {
        return fleet.servers().stream().map(s -> fleet.openFiles(OpenFilesRequest.of(s.name())))
                .filter(OpenFilesResult.Success.class::isInstance)
                .flatMap(r -> ((OpenFilesResult.Success) r).files().stream()).toList();
    }

    private List<OpenFile> files(String server, FileInfoLevel level) {
        return files(OpenFilesRequest.of(server).withLevel(level));
    }

    private List<OpenFile> files(OpenFilesRequest request) {
        OpenFilesResult result = fleet.openFiles(request);
        assertThat(result).isInstanceOf(OpenFilesResult.Success.class);
        return ((OpenFilesResult.Success) result).files();
    }

    private List<Session> sessions(String server) {
        EnumerationResult result = fleet.enumerate(EnumerationRequest.of(server).withLevel(InfoLevel.LEVEL_502));
        return ((EnumerationResult.Success) result).sessions();
    }

    private Session session(String user) {
        return sessions(DemoFleet.HQ_01).stream().filter(s -> s.userName().filter(user::equals).isPresent())
                .findFirst().orElseThrow();
    }
}
