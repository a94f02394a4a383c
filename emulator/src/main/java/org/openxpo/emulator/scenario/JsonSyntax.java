package org.openxpo.emulator.scenario;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in the words of someone who wrote the JSON, not of the parser: Jackson says
 * {@code Unexpected character ('1' (code 49)): was expecting a colon to separate property name and value}, we say
 * {@code unexpected '1': a ':' must follow the field name}. Whatever is not recognised becomes "not valid JSON here".
 */
final class JsonSyntax {
    private JsonSyntax() {}

    private record Rule(Pattern pattern, Function<Matcher, String> plain) {
        static Rule of(String regex, Function<Matcher, String> plain) { return new Rule(Pattern.compile(regex), plain); }
    }

    /** The found character, as Jackson quotes it: {@code ('1' (code 49))}. */
    private static final String FOUND = "Unexpected character \\('(.*?)' \\(code \\d+\\)\\)";

    private static final List<Rule> RULES = List.of(
        Rule.of("^Unexpected end-of-input", m -> "the document ends too early (a '}', ']' or '\"' is missing)"),
        Rule.of("^Duplicate Object property \"(.*)\"", m -> "field '" + m.group(1) + "' appears twice"),
        Rule.of("^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)",
            m -> "a control character (code " + m.group(1) + ") outside a string"),
        Rule.of("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)",
            m -> "a control character (code " + m.group(1) + ") inside a string: write it as an escape such as \\n"),
        Rule.of("^Unrecognized token '(.*?)'", m -> "'" + m.group(1) + "' is not a JSON value (text needs double quotes; "
            + "the words are true, false and null)"),
        Rule.of("^" + FOUND + ": was expecting a colon", m -> "unexpected '" + m.group(1) + "': a ':' must follow the field name"),
        Rule.of("^" + FOUND + ": was expecting double-quote to start field name",
            m -> "unexpected '" + m.group(1) + "': a field name in double quotes was expected"),
        Rule.of("^" + FOUND + ": was expecting double-quote to start property name",
            m -> "unexpected '" + m.group(1) + "': a field name in double quotes was expected"),
        Rule.of("^" + FOUND + ": was expecting comma to separate Object entries",
            m -> "unexpected '" + m.group(1) + "': a ',' or '}' was expected"),
        Rule.of("^" + FOUND + ": was expecting comma to separate Array entries",
            m -> "unexpected '" + m.group(1) + "': a ',' or ']' was expected"),
        Rule.of("^" + FOUND + ": expected a value", m -> "unexpected '" + m.group(1) + "': a value was expected"),
        Rule.of("^" + FOUND + ": expected a valid value",
            m -> "unexpected '" + m.group(1) + "': a value was expected (text needs double quotes)"),
        Rule.of("^" + FOUND, m -> "unexpected '" + m.group(1) + "'"));

    /** {@code parserMessage} (Jackson's original message, no location) in plain words. */
    static String plain(String parserMessage) {
        String message = parserMessage == null ? "" : parserMessage;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(message);
            if (m.find()) return r.plain().apply(m);
        }
        return "not valid JSON here";
    }
}
