package org.sessionwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sessionwatch.AppInfo;
import org.sessionwatch.netapi.InfoLevel;
import org.sessionwatch.config.AppConfig;
import org.sessionwatch.config.Backend;
import org.sessionwatch.config.ConfigStore;
import org.sessionwatch.config.ServerConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command-line parsing, usage errors (exit 2) and how options override the configuration file. */
class CliOptionsTest {
    @TempDir
    Path dir;

    private CliHarness harness() {
        return new CliHarness(dir.resolve("config.json"));
    }

    private void configure(ServerConfig... servers) throws IOException {
        new ConfigStore(dir.resolve("config.json")).save(AppConfig.builder().servers(List.of(servers))
                .pollInterval(Duration.ofSeconds(20)).serverDeadline(Duration.ofSeconds(8)).build());
    }

    @Test
    void versionPrintsNameAndPomVersion() {
        CliHarness cli = harness();
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).isEqualTo("SessionWatch " + AppInfo.version() + System.lineSeparator());
        assertThat(AppInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void helpListsTheOptionsButNotTheHiddenOne() {
        CliHarness cli = harness();
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("--once", "--watch", "--format", "--server", "--backend", "--level",
                "--client", "--user", "--demo", "--config", "--username", "--port", "--deadline", "--interval",
                "SESSIONWATCH_PASSWORD", "Exit codes").doesNotContain("--cycles");
        assertThat(cli.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--once --level 7|Invalid value for option '--level': Invalid level '7': NetSessionEnum supports levels 0, 1, 2, 10 and 502",
            "--once --format xml|Invalid value for option '--format': 'xml' is not a format: use table, json or csv",
            "--once --backend smb1|Invalid value for option '--backend': Invalid backend 'smb1': use auto, windows, srvsvc or demo",
            "--once --frobnicate|Unknown option: '--frobnicate'",
            "--once --port 70000|Invalid value for option '--port': '70000' is not a port (1–65535)",
            "--watch --interval 0|Invalid value for option '--interval': '0' is not a number of seconds (1–86400)",
            "--once --deadline soon|Invalid value for option '--deadline': 'soon' is not a number of seconds (1–3600)",
            "--once --deadline 3601|Invalid value for option '--deadline': '3601' is not a number of seconds (1–3600)",
            "--once --server fs!01|Invalid value for option '--server' (NAME): Invalid server name 'fs!01'",
            "--once --username CORP\\|Invalid value for option '--username': 'CORP\\': both the user and the domain must be given",
            "--once --watch|sessionwatch: --once, --watch are mutually exclusive",
            "--once --demo --user CORP\\|Invalid value for option '--user': 'CORP\\' names a domain but no user after it",
            "--format json|--format json: missing a mode: --once, --watch, --collect, --history, --close-file or --end-session (the window takes no options",
            "--demo|--demo: missing a mode: --once, --watch, --collect, --history, --close-file or --end-session",
            "--bogus|Unknown option: '--bogus'",
            "--onse|Unknown option: '--onse'",
            "--onse --demo|Unknown option: '--onse'",
            "FS01|Unmatched argument at index 0: 'FS01'",
    })
    void usageErrorsExitWithTwoAndNameTheOptionAndValue(String args, String message) {
        CliHarness cli = harness();
        assertThat(cli.run(args.split(" "))).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains(message).contains("Try 'sessionwatch --help'");
        assertThat(cli.out()).isEmpty();
        assertThat(cli.createdFor).as("nothing was polled").isEmpty();
    }

    @Test
    void anEmptyUserOrClientIsRefusedNotTakenForEveryone() {
        CliHarness user = harness();
        assertThat(user.run("--once", "--demo", "--user", "")).isEqualTo(ExitCodes.USAGE);
        assertThat(user.err()).contains("Invalid value for option '--user': an empty user matches every session");
        CliHarness client = harness();
        assertThat(client.run("--once", "--demo", "--client", " ")).isEqualTo(ExitCodes.USAGE);
        assertThat(client.err()).contains("Invalid value for option '--client': an empty client matches every");
        assertThat(client.createdFor).isEmpty();
        assertThat(client.demoCreated).as("nothing was polled").isFalse();
    }

    @Test
    void aMisspeltModeIsAnsweredWithTheOptionMeant() {
        CliHarness cli = harness();
        assertThat(cli.run("--onse")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Unknown option: '--onse'", "--once");
    }

    @Test
    void passwordOptionIsRefusedWithoutEchoingTheValue() {
        CliHarness cli = harness();
        assertThat(cli.run("--once", "--server", "FS01", "--password", "hunter2")).isEqualTo(2);
        assertThat(cli.err()).contains("--password is not accepted", "SESSIONWATCH_PASSWORD").doesNotContain("hunter2");
        CliHarness joined = harness();
        assertThat(joined.run("--once", "--password=hunter2")).isEqualTo(2);
        assertThat(joined.err()).doesNotContain("hunter2");
        assertThat(joined.createdFor).isEmpty();
    }

    @Test
    void runChecksThatNeedTheConfigurationAreUsageErrorsToo() throws IOException {
        CliHarness cli = harness();
        assertThat(cli.run("--once", "--demo", "--server", "FS01")).isEqualTo(2);
        assertThat(cli.err()).contains("--demo polls the built-in demo fleet and cannot be combined with --server");

        cli = harness();
        assertThat(cli.run("--once", "--config", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--config: the file " + dir.resolve("nope.json") + " does not exist");

        cli = harness();
        assertThat(cli.run("--once", "--server", "FS01", "--server", "fs01")).isEqualTo(2);
        assertThat(cli.err()).contains("--server fs01 is given twice");
    }

    @Test
    void corruptConfigurationStopsARunThatNeedsItsServersAndIsNotTouched() throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"servers\": [\n  {\"name\": 5}\n]}");
        CliHarness cli = harness();
        assertThat(cli.run("--once")).isEqualTo(2);
        assertThat(cli.err()).contains("cannot use the configuration file " + file, "servers[0].name: missing",
                "left unchanged", "--server");
        assertThat(Files.readString(file)).isEqualTo("{\"servers\": [\n  {\"name\": 5}\n]}");

        CliHarness withServers = harness();
        assertThat(withServers.run("--once", "--server", "FS01")).isZero();
        assertThat(withServers.err()).contains("warning: Cannot use the configuration file " + file);
    }

    @Test
    void configuredServersAreUsedWithItsIntervalAndDeadline() throws IOException {
        configure(ServerConfig.of("FS01"), ServerConfig.of("FS02").withEnabled(false),
                new ServerConfig("FS03", Backend.SRVSVC, true, 1445, null, null, true));
        CliHarness cli = harness();
        assertThat(cli.run("--watch", "--cycles", "2", "--level", "10", "--client", "\\\\10.1.2.3", "--user",
                "alice")).isZero();
        assertThat(cli.createdFor).extracting(ServerConfig::name).containsExactly("FS01", "FS03");
        assertThat(cli.sleeps).as("the configured interval, on a clock that stands still").containsExactly(
                Duration.ofSeconds(20));
        assertThat(cli.deadlineGivenToBackends).isEqualTo(Duration.ofSeconds(8));
        assertThat(cli.requests).hasSize(4).allSatisfy(r -> {
            assertThat(r.level()).isEqualTo(InfoLevel.LEVEL_10);
            assertThat(r.client()).contains("10.1.2.3");
            assertThat(r.user()).contains("alice");
        });
        assertThat(cli.passwordGivenToBackends).isEmpty();
    }

    @Test
    void commandLineOverridesServersBackendPortAccountDeadlineAndInterval() throws IOException {
        configure(ServerConfig.of("FS01"));
        CliHarness cli = harness();
        cli.environment.put("SESSIONWATCH_PASSWORD", "s3cret");
        assertThat(cli.run("--watch", "--cycles", "2", "--server", "fs09", "--server", "[fe80::1]:4455",
                "--backend", "srvsvc", "--port", "1445", "--username", "bob@corp.example", "--deadline", "3",
                "--interval", "5")).isZero();
        assertThat(cli.createdFor).containsExactly(
                new ServerConfig("fs09", Backend.SRVSVC, true, 1445, "bob", "corp.example", true),
                new ServerConfig("fe80::1", Backend.SRVSVC, true, 4455, "bob", "corp.example", true));
        assertThat(cli.deadlineGivenToBackends).isEqualTo(Duration.ofSeconds(3));
        assertThat(cli.sleeps).containsExactly(Duration.ofSeconds(5));
        assertThat(cli.passwordGivenToBackends).contains("s3cret");
        assertThat(cli.prompts).isEmpty();
    }

    @Test
    void passwordIsPromptedForWhenNotInTheEnvironmentAndRequiredWithoutATerminal() {
        CliHarness cli = harness();
        cli.typedPassword = java.util.Optional.of("typed".toCharArray());
        assertThat(cli.run("--once", "--server", "FS01", "--username", "CORP\\bob")).isZero();
        assertThat(cli.prompts).containsExactly("Password for CORP\\bob: ");
        assertThat(cli.passwordGivenToBackends).contains("typed");
        assertThat(cli.typedPassword.get()).as("overwritten after the run").containsOnly('\0');

        CliHarness noTerminal = harness();
        assertThat(noTerminal.run("--once", "--server", "FS01", "--username", "bob")).isEqualTo(2);
        assertThat(noTerminal.err()).contains("a password is needed for bob: set SESSIONWATCH_PASSWORD or run in"
                + " a terminal");
        assertThat(noTerminal.createdFor).isEmpty();
    }

    @Test
    void accountSyntax() {
        assertThat(Account.parse("bob")).isEqualTo(new Account("bob", null));
        assertThat(Account.parse("bob@CORP")).isEqualTo(new Account("bob", "CORP"));
        assertThat(Account.parse("CORP\\bob")).isEqualTo(new Account("bob", "CORP"));
        assertThat(Account.parse("CORP\\bob")).hasToString("CORP\\bob");
        assertThatThrownBy(() -> Account.parse("CORP\\bob@x")).hasMessageContaining("not both");
        assertThatThrownBy(() -> Account.parse(" ")).hasMessage("the user name is empty");
        assertThatThrownBy(() -> Account.parse("@CORP")).hasMessageContaining("both the user and the domain");
    }
}
