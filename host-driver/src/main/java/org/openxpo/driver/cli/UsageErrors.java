package org.openxpo.driver.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a command-line mistake into xpoctl's one line: what is wrong, the closest command or option (by edit
 * distance, when it is near enough to be a typo), and where the help is: "unknown command 'shwo'; did you mean
 * 'show'? (see 'xpoctl --help')".
 */
final class UsageErrors {
    private UsageErrors() {}

    /** A typo: one edit in a word of one or two letters, two in longer ones, three from 9 letters on. */
    private static int allowedEdits(String word) {
        int letters = word.replaceFirst("^-+", "").length();
        return letters <= 2 ? 1 : Math.min(3, Math.max(2, letters / 3));
    }

    static String describe(ParameterException ex) {
        String where = ex.getCommandLine().getCommandSpec().qualifiedName();
        String what = ex instanceof UnmatchedArgumentException u ? unmatched(u, where) : ex.getMessage();
        return what + " (see '" + where + " --help')";
    }

    private static String unmatched(UnmatchedArgumentException u, String where) {
        List<String> unmatched = u.getUnmatched();
        String arg = unmatched.isEmpty() ? "" : unmatched.getFirst();
        CommandLine cmd = u.getCommandLine();
        if (arg.startsWith("-")) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            List<String> options = cmd.getCommandSpec().options().stream().filter(o -> !o.hidden())
                .flatMap(o -> List.of(o.names()).stream()).toList();
            return "unknown option '" + name + "' for '" + where + "'" + suggestion(name, options);
        }
        if (!cmd.getSubcommands().isEmpty()) {
            return "unknown command '" + arg + "'" + suggestion(arg, cmd.getSubcommands().keySet());
        }
        return "unexpected argument '" + arg + "' for '" + where + "'";
    }

    private static String suggestion(String typed, Collection<String> names) {
        return closest(typed, names).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /** The name nearest to {@code typed}, if it is near enough to be a typo; the first of equally near ones. */
    static Optional<String> closest(String typed, Collection<String> names) {
        int allowed = allowedEdits(typed);
        return names.stream().filter(n -> editDistance(typed, n) <= allowed)
            .min(Comparator.comparingInt(n -> editDistance(typed, n)));
    }

    /** The Levenshtein distance: the fewest insertions, deletions and substitutions of one character from a to b. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;   // from "" to b's first j characters
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] done = previous;
            previous = current;
            current = done;
        }
        return previous[b.length()];
    }
}
