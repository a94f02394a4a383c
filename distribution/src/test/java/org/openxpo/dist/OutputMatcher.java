package org.openxpo.dist;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a command's output is what a transcript shows. Lines compare exactly, with two wildcards a reader also
 * understands: `...` inside a line stands for any text, and a line of only `...` for any number of lines (none too).
 * In a block marked as showing measured values, each decimal number or time of day (`30.56`, `-1.5`,
 * `20:50:30.490`) stands for any number of that kind, spaces before it included (columns stay aligned by width);
 * integers, words and everything else still compare exactly. White space at the end of a line does not count: a
 * terminal does not show it and editors strip it from the docs.
 */
final class OutputMatcher {
    static final String WILDCARD = "...";
    private static final Pattern MEASURED = Pattern.compile(" *-?\\d+(?::\\d+)*\\.\\d+");
    private static final String ANY_MEASURED = " *-?\\d+(?::\\d+)*\\.\\d+";

    private OutputMatcher() {}

    static boolean matches(List<String> expected, List<String> actual, boolean valuesVary) {
        StringBuilder text = new StringBuilder();
        actual.forEach(line -> text.append(line.stripTrailing()).append('\n'));
        return pattern(expected, valuesVary).matcher(text).matches();
    }

    private static Pattern pattern(List<String> expected, boolean valuesVary) {
        StringBuilder regex = new StringBuilder();
        for (String line : expected) {
            if (line.strip().equals(WILDCARD)) regex.append("(?:[^\\n]*\\n)*?");
            else regex.append(line(line.stripTrailing(), valuesVary)).append("\\n");
        }
        return Pattern.compile(regex.toString());
    }

    private static String line(String line, boolean valuesVary) {
        StringBuilder regex = new StringBuilder();
        String[] parts = line.split(Pattern.quote(WILDCARD), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) regex.append("[^\\n]*?");
            regex.append(valuesVary ? literalExceptMeasured(parts[i]) : quote(parts[i]));
        }
        return regex.toString();
    }

    private static String literalExceptMeasured(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher value = MEASURED.matcher(text);
        int from = 0;
        while (value.find()) {
            regex.append(quote(text.substring(from, value.start()))).append(ANY_MEASURED);
            from = value.end();
        }
        return regex.append(quote(text.substring(from))).toString();
    }

    private static String quote(String literal) {
        return literal.isEmpty() ? "" : Pattern.quote(literal);
    }
}
