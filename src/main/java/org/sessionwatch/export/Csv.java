package org.sessionwatch.export;

import java.util.List;

/**
 * RFC 4180 CSV: comma separated, CRLF line ends, a field with a comma, quote or line break quoted and inner quotes
 * doubled. An absent value is an empty cell.
 *
 * <p>User and client names come from the network and end up opened in a spreadsheet, so a cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} (the OWASP-recommended neutraliser): otherwise
 * a user named {@code =HYPERLINK(...)} would run as a formula on the helpdesk agent's machine (CSV injection).
 */
public final class Csv {
    public static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** One line of cells, ending in CRLF. */
    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    /** One cell, defused and quoted as needed; null and empty are an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
