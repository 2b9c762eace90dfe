package org.sessionwatch.bench;

import java.util.List;
import java.util.Locale;

/** The figures as a fixed-width text table for the console. */
final class ResultTable {
    private ResultTable() {
    }

    static String render(List<Figure> figures) {
        StringBuilder table = new StringBuilder();
        String format = "%-40s %14s %-10s %14s %10s %-22s %s%n";
        table.append(String.format(Locale.ROOT, format, "figure", "value", "unit", "baseline", "ratio", "target",
                "pass"));
        table.append("-".repeat(120)).append('\n');
        for (Figure f : figures) {
            table.append(String.format(Locale.ROOT, format, f.name(), number(f.value()), f.unit(),
                    number(f.baseline()), f.ratio() == null ? "" : number(f.ratio()) + "x",
                    f.target() == null ? "" : f.target(), f.pass() == null ? "" : f.pass() ? "yes" : "NO"));
        }
        return table.toString();
    }

    /** The figures as a Markdown table, for BENCHMARKS.md. */
    static String markdown(List<Figure> figures) {
        StringBuilder table = new StringBuilder();
        table.append("| figure | value | baseline | ratio | target | met |\n");
        table.append("|---|---:|---:|---:|---|---|\n");
        for (Figure f : figures) {
            table.append("| `").append(f.name()).append("` | ").append(number(f.value())).append(' ')
                    .append(f.unit()).append(" | ").append(number(f.baseline()))
                    .append(" | ").append(f.ratio() == null ? "" : number(f.ratio()) + "×")
                    .append(" | ").append(f.target() == null ? "" : f.target().replace("|", "\\|"))
                    .append(" | ").append(f.pass() == null ? "" : f.pass() ? "yes" : "**no**").append(" |\n");
        }
        return table.toString();
    }

    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}
