package org.sessionwatch.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer of the CLI's {@code --format csv} and the window's export. */
class CsvTest {

    @Test
    void cellsNeutraliseEveryFormulaStart() {
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void formulasFromTheNetworkAreDefusedAndStillQuotedWhenTheyNeedIt() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(Csv.cell("alice")).isEqualTo("alice");
        assertThat(Csv.cell("a=b")).as("only the first character matters").isEqualTo("a=b");
    }

    @Test
    void rowsAreCommaSeparatedWithCrlf() {
        assertThat(Csv.row(List.of("a", "", "b,c", "line\nbreak"))).isEqualTo("a,,\"b,c\",\"line\nbreak\"\r\n");
        assertThat(Csv.row(Arrays.asList("x", null))).isEqualTo("x,\r\n");
        assertThat(Csv.row(List.of())).isEqualTo("\r\n");
    }
}
