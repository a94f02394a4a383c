package org.openxpo.driver.guard;

import org.openxpo.protocol.map.ManagementInterface;
import org.openxpo.protocol.map.MemoryMap;
import org.openxpo.protocol.map.PageDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds CMIS layout typed into Java source instead of taken from {@code protocol}: a page number of the map written as
 * a hex literal where a page goes (first argument of a call, or compared with or assigned to something named page),
 * the management address 0x50, BankSelect/PageSelect written as 126/127, and a field looked up by a name typed in the
 * code ({@code field("FailureFlagTx")}, {@code f("…")}). Comments are ignored; string literals count only as field
 * names.
 */
final class CmisLiteralScanner {
    /** One finding: where, what rule, and the line as written. */
    record Finding(String file, int line, String rule, String text) {
        @Override
        public String toString() { return file + ":" + line + ": " + rule + ": " + text.strip(); }
    }

    private static final MemoryMap MAP = MemoryMap.xpo();
    /** The upper pages the map declares, plus 00h (lower memory): numbers a page argument must not be typed as. */
    private static final Set<Integer> PAGES = pages();
    private static final Pattern HEX = Pattern.compile("\\b0[xX]([0-9A-Fa-f]+)\\b");
    /** A hex literal as the first argument of a call: {@code read(0x11, ...)}. */
    private static final Pattern PAGE_ARGUMENT = Pattern.compile("\\w\\s*\\(\\s*0[xX]([0-9A-Fa-f]{1,2})\\s*[,)]");
    /** A hex literal next to a name that says page: {@code page == 0x11}, {@code LANE_PAGE = 0xB0}. */
    private static final Pattern PAGE_NAMED = Pattern.compile(
        "(?i)\\bpage\\w*\\s*(?:==|!=|=)\\s*0x([0-9A-F]{1,2})\\b|\\b0x([0-9A-F]{1,2})\\s*(?:==|!=)\\s*\\w*page\\b");
    private static final Pattern SELECT_REGISTER = Pattern.compile("(?<![\\w.])(126|127)(?![\\w.])");
    private static final Pattern NAME_LOOKUP = Pattern.compile("\\b(?:field|findField|f)\\s*\\(\\s*\"([^\"]*)\"");

    private CmisLiteralScanner() {}

    private static Set<Integer> pages() {
        Set<Integer> out = MAP.pages().stream().map(PageDef::number).collect(Collectors.toSet());
        out.add(0x00);
        return Set.copyOf(out);
    }

    /** The findings in one source file's text, {@code file} naming it in the findings. */
    static List<Finding> scan(String file, String source) {
        List<Finding> out = new ArrayList<>();
        String[] code = codeLines(source);
        String[] raw = source.split("\n", -1);
        for (int i = 0; i < code.length; i++) {
            String withStrings = code[i], bare = blankStrings(withStrings);
            int line = i + 1;
            String text = raw[i];
            pageLiterals(PAGE_ARGUMENT.matcher(bare)).forEach(p ->
                out.add(new Finding(file, line, String.format("page %02Xh typed as a literal (use Pages)", p), text)));
            pageLiterals(PAGE_NAMED.matcher(bare)).forEach(p ->
                out.add(new Finding(file, line, String.format("page %02Xh typed as a literal (use Pages)", p), text)));
            Matcher hex = HEX.matcher(bare);
            while (hex.find()) {
                if (Integer.parseInt(hex.group(1), 16) == ManagementInterface.I2C_ADDRESS) {
                    out.add(new Finding(file, line, "management address 0x50 typed (use ManagementInterface.I2C_ADDRESS)", text));
                }
            }
            Matcher select = SELECT_REGISTER.matcher(bare);
            while (select.find()) {
                out.add(new Finding(file, line, select.group(1) + " typed (BankSelect/PageSelect: use ManagementInterface)", text));
            }
            Matcher lookup = NAME_LOOKUP.matcher(withStrings);
            while (lookup.find()) {
                if (MAP.findField(lookup.group(1)).isPresent()) {
                    out.add(new Finding(file, line, "field '" + lookup.group(1) + "' looked up by a typed name (use its constant)", text));
                }
            }
        }
        return out;
    }

    private static List<Integer> pageLiterals(Matcher m) {
        List<Integer> out = new ArrayList<>();
        while (m.find()) {
            String hex = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
            if (hex == null) continue;
            int value = Integer.parseInt(hex, 16);
            if (PAGES.contains(value)) out.add(value);
        }
        return out;
    }

    /**
     * The source line by line with comments blanked out (string and char literals kept, so line numbers and string
     * contents survive).
     */
    static String[] codeLines(String source) {
        StringBuilder sb = new StringBuilder(source.length());
        boolean block = false, line = false, string = false, chr = false, textBlock = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i), next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
            if (block) {
                if (c == '*' && next == '/') { block = false; sb.append("  "); i++; }
                else sb.append(c == '\n' ? '\n' : ' ');
            } else if (line) {
                if (c == '\n') { line = false; sb.append('\n'); } else sb.append(' ');
            } else if (textBlock) {
                sb.append(c);
                if (source.startsWith("\"\"\"", i)) { textBlock = false; sb.append("\"\""); i += 2; }
            } else if (string || chr) {
                sb.append(c);
                if (c == '\\') { sb.append(next); i++; }
                else if (string && c == '"' || chr && c == '\'') { string = false; chr = false; }
            } else if (c == '/' && next == '*') { block = true; sb.append("  "); i++; }
            else if (c == '/' && next == '/') { line = true; sb.append("  "); i++; }
            else if (source.startsWith("\"\"\"", i)) { textBlock = true; sb.append("\"\"\""); i += 2; }
            else if (c == '"') { string = true; sb.append(c); }
            else if (c == '\'') { chr = true; sb.append(c); }
            else sb.append(c);
        }
        return sb.toString().split("\n", -1);
    }

    /** A code line with the contents of its string and char literals blanked. */
    static String blankStrings(String code) {
        return code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''");
    }
}
