package org.sessionwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import javafx.css.CssParser;
import javafx.css.Stylesheet;

import org.junit.jupiter.api.Test;

/**
 * The build writes the window's stylesheet also in JavaFX's binary form (pom.xml, "binary-stylesheet"), and JavaFX reads
 * {@code sessionwatch.bss} in place of {@code sessionwatch.css} whenever it exists: it must say exactly what the text
 * says, or an edit of the text would not show.
 */
class BinaryStylesheetTest {
    private static final String BASE = "/org/sessionwatch/ui/sessionwatch";

    @Test
    void theBinaryStylesheetHoldsTheRulesOfTheText() throws Exception {
        URL text = BinaryStylesheetTest.class.getResource(BASE + ".css");
        URL binary = BinaryStylesheetTest.class.getResource(BASE + ".bss");
        assertThat(text).as("the stylesheet").isNotNull();
        assertThat(binary).as("the binary stylesheet the build writes beside it").isNotNull();

        List<String> parsed = rules(new CssParser().parse(text));
        List<String> loaded = rules(Stylesheet.loadBinary(binary));
        assertThat(parsed).as("rules of the stylesheet").hasSizeGreaterThan(50);
        assertThat(loaded).isEqualTo(parsed);
    }

    /** Each rule's selectors and declarations (a binary rule decodes its declarations only when asked for them). */
    private static List<String> rules(Stylesheet stylesheet) {
        return stylesheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + "=" + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList()).toList();
    }
}
