package org.openxpo.protocol.guard;

import org.openxpo.protocol.map.Field;
import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds CMIS layout typed into Java source instead of taken from {@code protocol}: page numbers, the management
 * address, the select registers, the window bounds, lane arithmetic by 8, and fields looked up by name. Comments are
 * ignored, and numbers inside string literals too (a "127.0.0.1" is no PageSelect); string literals are checked only
 * for being a field's name.
 */
final class CmisLiteralScanner {

    /** One hit: where, which rule, and the source line. */
    record Finding(String file, int line, String rule, String code) {
        @Override
        public String toString() { return file + ":" + line + ": " + rule + ": " + code.strip(); }
    }

    /** A line that may keep a hit: the file, a piece of the line that pins it, and why it is legitimate. */
    record Allowed(String file, String snippet, String why) {
        boolean covers(Finding f, String line) { return f.file().endsWith(file) && line.contains(snippet); }
    }

    private record Rule(String name, Pattern pattern) {}

    private static final MemoryMap MAP = MemoryMap.xpo();
    /** Page numbers a hex literal is unlikely to mean anything else by: 10h and up (00h–02h are too common). */
    private static final Set<Integer> DISTINCT_PAGES = MAP.pages().stream().map(PageDef::number)
        .filter(p -> p >= 0x10).collect(Collectors.toSet());
    private static final Set<String> FIELD_NAMES = MAP.fields().stream().map(Field::name).collect(Collectors.toSet());
    private static final Pattern HEX = Pattern.compile("\\b0[xX]([0-9A-Fa-f]+)\\b");
    private static final String NUMBER = "(?:0[xX][0-9A-Fa-f]+|\\d+)\\b";
    private static final List<Rule> RULES = List.of(
        new Rule("page number passed as a literal: use Pages",
            Pattern.compile("\\b(?:pageArray|page|supports|select|rules|fieldsAt|read|write)\\(\\s*" + NUMBER)),
        new Rule("page compared with a literal: use Pages",
            Pattern.compile("(?i)\\bpage\\w*(?:\\(\\))?\\s*[=!]=\\s*" + NUMBER)),
        new Rule("BankSelect/PageSelect as a number: use ManagementInterface", Pattern.compile("\\b12[67]\\b")),
        new Rule("window bound as a number: use ManagementInterface or MemoryMap.PAGE_SIZE",
            Pattern.compile("\\b(?:128|255|256)\\b")),
        new Rule("lane or bank arithmetic by 8: use Lanes", Pattern.compile("[%/*]\\s*8\\b")),
        new Rule("field looked up by name: use its constant",
            Pattern.compile("\\.(?:field|findField)\\(\\s*[^)\\s]")));

    private CmisLiteralScanner() {}

    /** Every hit in {@code source} (the text of {@code file}) that {@code allowed} does not cover. */
    static List<Finding> scan(String file, String source, List<Allowed> allowed) {
        JavaText text = JavaText.of(source);
        List<Finding> out = new ArrayList<>();
        String[] code = text.code().split("\n", -1);
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < code.length; i++) {
            for (String rule : hits(code[i])) out.add(new Finding(file, i + 1, rule, lines[i]));
        }
        for (JavaText.Literal s : text.strings()) {
            if (FIELD_NAMES.contains(s.value())) {
                String rule = "field name \"" + s.value() + "\": use its constant";
                out.add(new Finding(file, s.line(), rule, lines[s.line() - 1]));
            }
        }
        out.removeIf(f -> allowed.stream().anyMatch(a -> a.covers(f, lines[f.line() - 1])));
        out.sort(Comparator.comparingInt(Finding::line));
        return out;
    }

    private static List<String> hits(String code) {
        List<String> out = new ArrayList<>();
        Matcher hex = HEX.matcher(code);
        while (hex.find()) {
            if (hex.group(1).length() > 4) continue;   // a mask or a long constant, not an address or a page
            int value = Integer.parseInt(hex.group(1), 16);
            if (value == ManagementInterface.I2C_ADDRESS) {
                out.add("the management address: use ManagementInterface.I2C_ADDRESS");
            } else if (DISTINCT_PAGES.contains(value)) {
                out.add(String.format("page %02Xh as a number: use Pages", value));
            }
        }
        for (Rule r : RULES) if (r.pattern().matcher(code).find()) out.add(r.name());
        return out;
    }

    /**
     * Java source split into code and string literals: the code keeps its lines and columns, with comments blanked
     * and string, text-block and char literals emptied to their quotes.
     */
    record JavaText(String code, List<Literal> strings) {
        /** A string literal's value (escapes left as written) and the line it starts on. */
        record Literal(String value, int line) {}

        static JavaText of(String src) {
            StringBuilder code = new StringBuilder(src.length());
            List<Literal> strings = new ArrayList<>();
            int i = 0;
            while (i < src.length()) {
                char c = src.charAt(i);
                if (src.startsWith("//", i)) {
                    while (i < src.length() && src.charAt(i) != '\n') { code.append(' '); i++; }
                } else if (src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    end = end < 0 ? src.length() : end + 2;
                    for (; i < end; i++) code.append(src.charAt(i) == '\n' ? '\n' : ' ');
                } else if (c == '"' || c == '\'') {
                    String quote = src.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
                    int start = i + quote.length();
                    int end = start;
                    while (end < src.length() && !src.startsWith(quote, end)) end += src.charAt(end) == '\\' ? 2 : 1;
                    end = Math.min(end, src.length());
                    String value = src.substring(start, end);
                    if (c == '"') strings.add(new Literal(value, lineOf(src, i)));
                    code.append(quote);
                    for (char v : value.toCharArray()) code.append(v == '\n' ? '\n' : ' ');
                    code.append(end < src.length() ? quote : "");
                    i = Math.min(src.length(), end + quote.length());
                } else {
                    code.append(c);
                    i++;
                }
            }
            return new JavaText(code.toString(), strings);
        }

        private static int lineOf(String src, int index) {
            return 1 + (int) src.substring(0, index).chars().filter(ch -> ch == '\n').count();
        }
    }
}
