package org.sessionwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sessionwatch.config.AlertEvent;
import org.sessionwatch.config.AlertRule;
import org.sessionwatch.netapi.FileInfoLevel;
import org.sessionwatch.netapi.NetApiError;
import org.sessionwatch.netapi.ErrorKind;
import org.sessionwatch.netapi.OpenFile;
import org.sessionwatch.netapi.OpenFilesResult;
import org.sessionwatch.tracking.OpenFilesTracker;

/** FILE_OPENED against scripted open-files answers 15 s apart: path, server and user matched; quiet when it must be. */
class FileOpenedRuleTest {
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final AlertRule BUDGET = AlertRule.builder("budget", AlertEvent.FILE_OPENED)
            .pathGlob("*\\finance\\*.xlsx").server("FS-*").build();

    private final OpenFilesTracker tracker = new OpenFilesTracker();
    private final List<Alert> alerts = new ArrayList<>();
    private int answer;

    private AlertEngine engine(boolean demo, AlertRule... rules) {
        AlertEngine engine = new AlertEngine(List.of(rules), demo);
        engine.subscribe(alerts::addAll);
        tracker.subscribe(engine::evaluate);
        return engine;
    }

    private static OpenFile file(String server, long id, String path, String user) {
        return new OpenFile(server, FileInfoLevel.LEVEL_3, id, 1L, 0L, path, user);
    }

    /** One server's answer at the next 15-second step; returns what fired. */
    private List<Alert> answer(String server, OpenFile... files) {
        int before = alerts.size();
        tracker.apply(T0.plusSeconds(15L * answer++), new OpenFilesResult.Success(server, FileInfoLevel.LEVEL_3,
                List.of(files)));
        return List.copyOf(alerts.subList(before, alerts.size()));
    }

    @Test
    void aMatchingFileFiresOnceWhenOpenedAndTheFirstAnswerIsTheStartingState() {
        AlertEngine engine = engine(false, BUDGET);
        assertThat(engine.inactiveRules()).as("nothing watches files yet").containsExactly(BUDGET);
        OpenFile old = file("FS-FIN", 1, "D:\\Finance\\old.xlsx", "bob");

        assertThat(answer("FS-FIN", old)).as("starting state").isEmpty();
        assertThat(engine.inactiveRules()).isEmpty();
        OpenFile budget = file("FS-FIN", 2, "D:\\Finance\\Budget 2027.XLSX", "cfo");
        List<Alert> fired = answer("FS-FIN", old, budget, file("FS-FIN", 3, "D:\\Finance\\notes.txt", "cfo"),
                file("FS-FIN", 4, "D:\\HR\\pay.xlsx", "cfo"));

        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("budget");
            assertThat(a.event()).isEqualTo(AlertEvent.FILE_OPENED);
            assertThat(a.text()).isEqualTo("FS-FIN - cfo opened D:\\Finance\\Budget 2027.XLSX");
            assertThat(a.server()).isEqualTo("FS-FIN");
            assertThat(a.user()).isEqualTo("cfo");
            assertThat(a.client()).as("open-files answers name no client").isNull();
            assertThat(a.time()).isEqualTo(T0.plusSeconds(15));
        });
        assertThat(answer("FS-FIN", old, budget)).as("still open").isEmpty();
        assertThat(answer("FILESRV", file("FILESRV", 9, "E:\\Finance\\x.xlsx", "cfo"))).as("first answer").isEmpty();
        assertThat(answer("FILESRV", file("FILESRV", 9, "E:\\Finance\\x.xlsx", "cfo"),
                file("FILESRV", 10, "E:\\Finance\\y.xlsx", "cfo"))).as("server FILESRV is not FS-*").isEmpty();
    }

    @Test
    void theCooldownHoldsForAFileReopenedAndAFailingServerDoesNotReopenItsFiles() {
        engine(false, BUDGET);
        answer("FS-FIN");
        OpenFile budget = file("FS-FIN", 2, "D:\\Finance\\budget.xlsx", "cfo");

        assertThat(answer("FS-FIN", budget)).hasSize(1);
        assertThat(answer("FS-FIN")).isEmpty();
        assertThat(answer("FS-FIN", budget)).as("reopened 30 s later: cooldown").isEmpty();
        int before = alerts.size();
        tracker.apply(T0.plusSeconds(15L * answer++), new OpenFilesResult.Failure("FS-FIN", FileInfoLevel.LEVEL_3,
                new NetApiError(ErrorKind.UNREACHABLE, 53, "FS-FIN could not be reached.", null)));
        assertThat(answer("FS-FIN", budget)).as("the failure closed nothing").isEmpty();
        assertThat(alerts).hasSize(before);
        answer += 20; // five minutes later
        answer("FS-FIN");
        assertThat(answer("FS-FIN", budget)).as("cooldown over").hasSize(1);
    }

    @Test
    void oneUsersFilesOpenedTogetherMakeOneAlertAndUserAndClientMatchersApply() {
        engine(true, AlertRule.builder("cfo files", AlertEvent.FILE_OPENED).pathGlob("*.xlsx").user("CFO").build(),
                AlertRule.builder("from a client", AlertEvent.FILE_OPENED).pathGlob("*").client("pc1").build());
        answer("FS01");

        List<Alert> fired = answer("FS01", file("FS01", 1, "D:\\a.xlsx", "cfo"), file("FS01", 2, "D:\\b.xlsx", "cfo"),
                file("FS01", 3, "D:\\c.xlsx", "bob"));

        assertThat(fired).singleElement().extracting(Alert::text)
                .isEqualTo("Demo data: 2 files opened by cfo: FS01 D:\\a.xlsx, FS01 D:\\b.xlsx");
    }

    @Test
    void anUnsupportedBackendDoesNotCountAsWatchingFiles() {
        AlertEngine engine = engine(false, BUDGET);
        tracker.apply(T0, new OpenFilesResult.Unsupported("FS-FIN", "this backend cannot list open files"));

        assertThat(engine.inactiveRules()).containsExactly(BUDGET);
    }
}
