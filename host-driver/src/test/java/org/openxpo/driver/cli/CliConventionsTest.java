package org.openxpo.driver.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** What a user of picocli/git/kubectl-style tools expects of xpoctl's command line: help everywhere, suggestions. */
class CliConventionsTest {
    /** Every command path: [], [show], …, [fw], [fw, info], …, [help]. */
    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(XpoCtl.commandLine(new XpoCtl()), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, into);
        });
    }

    @Test
    void everyCommandAndGroupAnswersHelp() {
        List<List<String>> paths = commandPaths();
        assertTrue(paths.contains(List.of("fw", "pack")) && paths.contains(List.of("fw", "update")), paths.toString());
        for (List<String> path : paths) {
            String name = String.join(" ", Stream.concat(Stream.of("xpoctl"), path.stream()).toList());
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRun r = CliRun.run(args.toArray(String[]::new));
                assertEquals(0, r.code(), name + " " + flag + ": " + r);
                assertEquals("", r.err(), name + " " + flag + ": " + r);
                assertTrue(r.out().startsWith("Usage: " + name), name + " " + flag + ": " + r);
            }
        }
    }

    @Test
    void helpCommandShowsTheUsageOfACommand() {
        CliRun root = CliRun.run("help");
        assertEquals(0, root.code(), root.toString());
        assertTrue(root.out().startsWith("Usage: xpoctl "), root.out());
        CliRun fw = CliRun.run("help", "fw");
        assertEquals(0, fw.code(), fw.toString());
        assertTrue(fw.out().startsWith("Usage: xpoctl fw "), fw.out());
        CliRun show = CliRun.run("help", "show");
        assertTrue(show.out().startsWith("Usage: xpoctl show ") && show.out().contains("--json"), show.out());
        CliRun update = CliRun.run("fw", "help", "update");
        assertEquals(0, update.code(), update.toString());
        assertTrue(update.out().startsWith("Usage: xpoctl fw update "), update.out());
    }

    @Test
    void fwPackHelpDoesNotAskForItsRequiredOptions() {
        CliRun r = CliRun.run("fw", "pack", "--help");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("--version=MAJOR.MINOR"), r.out());
    }

    @Test
    void anUnknownCommandOrOptionSuggestsTheClosest() {
        XpoCtlTest.assertOneLineError(CliRun.run("shwo"), 2, "unknown command 'shwo'; did you mean 'show'?");
        XpoCtlTest.assertOneLineError(CliRun.run("monitr"), 2, "did you mean 'monitor'?");
        XpoCtlTest.assertOneLineError(CliRun.run("fw", "updte", "x.bin"), 2,
            "unknown command 'updte'; did you mean 'update'? (see 'xpoctl fw --help')");
        XpoCtlTest.assertOneLineError(CliRun.run("show", "--jsno"), 2,
            "unknown option '--jsno' for 'xpoctl show'; did you mean '--json'? (see 'xpoctl show --help')");
        XpoCtlTest.assertOneLineError(CliRun.run("monitor", "--cuont", "2"), 2, "did you mean '--count'?");
    }

    @Test
    void versionIsTheBuildsVersionInTheEmulatorsForm() {
        CliRun r = CliRun.run("--version");
        assertEquals(0, r.code(), r.toString());
        String v = XpoCtl.class.getPackage().getImplementationVersion();
        assertEquals("xpoctl " + (v == null ? "(development build)" : v), r.out().strip());
    }
}
