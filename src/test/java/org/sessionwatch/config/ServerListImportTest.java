package org.sessionwatch.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ServerListImportTest {

    @Test
    void readsNamesPortsAndIpv6SkippingCommentsAndBlankLines() {
        String text = """
                # file servers, Berlin office
                FS01

                fs02.corp.example:4455   # the new one
                10.1.2.3
                \\\\FS03
                fe80::1
                [2001:db8::7]:1445
                [::1]
                """;
        ServerListImport.Result result = ServerListImport.parse(text, Backend.AUTO);
        assertThat(result.badLines()).isEmpty();
        assertThat(result.servers()).extracting(ServerConfig::name, ServerConfig::port).containsExactly(
                tuple("FS01", 445), tuple("fs02.corp.example", 4455), tuple("10.1.2.3", 445), tuple("FS03", 445),
                tuple("fe80::1", 445), tuple("2001:db8::7", 1445), tuple("::1", 445));
        assertThat(result.servers()).allSatisfy(s -> {
            assertThat(s.enabled()).isTrue();
            assertThat(s.backend()).isEqualTo(Backend.AUTO);
            assertThat(s.hasExplicitCredentials()).isFalse();
        });
    }

    @Test
    void badLinesAreReportedByNumberWithTheReasonAndTheRestIsKept() {
        String text = "\uFEFFFS01\r\nfs 02\r\nFS03:70000\r\nFS04:http\r\n[fe80::1\r\n[FS05]:445\r\nfs01\r\nFS06\r\n";
        ServerListImport.Result result = ServerListImport.parse(text, Backend.SRVSVC);
        assertThat(result.servers()).extracting(ServerConfig::name).containsExactly("FS01", "FS06");
        assertThat(result.servers()).extracting(ServerConfig::backend).containsOnly(Backend.SRVSVC);
        assertThat(result.badLines()).extracting(ServerListImport.BadLine::lineNumber)
                .containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(result.badLines()).extracting(ServerListImport.BadLine::reason).containsExactly(
                "Invalid server name 'fs 02': use a host name, an IPv4 or IPv6 address, or \\\\NAME (letters, digits, '-', '.', '_')",
                "'FS03:70000': 70000 is not a port (1–65535)",
                "'FS04:http': port 'http' is not a number",
                "'[fe80::1': '[' without a closing ']'",
                "'[FS05]:445': brackets are only for IPv6 addresses",
                "'fs01' is already listed on line 1");
        assertThat(result.badLines().get(0).text()).isEqualTo("fs 02");
        assertThat(result.badLines().get(0)).hasToString("line 2: " + result.badLines().get(0).reason());
    }

    @Test
    void emptyInputGivesNothing() {
        ServerListImport.Result result = ServerListImport.parse("\n  \n# only a comment\n", Backend.AUTO);
        assertThat(result.servers()).isEmpty();
        assertThat(result.badLines()).isEmpty();
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("servers.txt"), "FS01\nFS02:1445\n");
        assertThat(ServerListImport.read(file).servers()).extracting(ServerConfig::name).containsExactly("FS01", "FS02");
    }

    @Test
    void singleEntryParsingNamesTheProblem() {
        assertThat(ServerListImport.parseEntry("FS01:139", Backend.WINDOWS).port()).isEqualTo(139);
        assertThatThrownBy(() -> ServerListImport.parseEntry("FS01:0", Backend.AUTO))
                .hasMessage("'FS01:0': 0 is not a port (1–65535)");
    }
}
